"""Travel-claims pages for the finance team's Django intranet app."""
from django.http import HttpResponse

from claims.models import Claim, Trip


def pending_claims(request):
    claims = Claim.objects.filter(status="pending").order_by("-submitted_at")
    lines = []
    # expect: db-loops/lazy-related-access-in-loop
    for claim in claims:
        lines.append(f"{claim.id};{claim.employee.full_name};{claim.amount}")
    return HttpResponse("\n".join(lines))


def pending_claims_joined(request):
    claims = Claim.objects.filter(status="pending").select_related("employee")
    lines = []
    # expect-none: db-loops
    for claim in claims:
        lines.append(f"{claim.id};{claim.employee.full_name}")
    return HttpResponse("\n".join(lines))


def trips_refined(request):
    trips = Trip.objects.filter(year=2026)
    trips = trips.prefetch_related("legs")
    # expect-none: db-loops
    for trip in trips:
        print(trip.legs.count())


def trips_from_list(request, trips):
    # expect-none: db-loops
    for trip in trips:
        print(trip.owner.email)
