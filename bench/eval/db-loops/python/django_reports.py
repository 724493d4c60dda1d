"""Django management-command helpers for the partner portal (built by the channel team)."""
from django.db.models import Count, Sum

from portal.models import Commission, Invoice, Partner, Region, Ticket

STATUSES = ["open", "pending", "closed"]


def partner_revenue(partner_ids):
    revenue = {}
    for pid in partner_ids:
        # expect: db-loops/query-in-loop
        revenue[pid] = Invoice.objects.filter(partner_id=pid).aggregate(total=Sum("amount"))["total"]
    return revenue


def partner_revenue_batched(partner_ids):
    # expect-none: db-loops
    rows = Invoice.objects.filter(partner_id__in=partner_ids).values("partner_id").annotate(total=Sum("amount"))
    return {r["partner_id"]: r["total"] for r in rows}


def commission_report(invoices):
    lines = []
    for inv in invoices:
        # expect: db-loops/query-in-loop
        partner = Partner.objects.get(pk=inv.partner_id)
        # expect: db-loops/query-in-loop
        rate = Commission.objects.filter(partner=partner, year=inv.issued.year).first()
        lines.append((partner.name, inv.amount * (rate.percent if rate else 0)))
    return lines


def ticket_counts():
    counts = {}
    for status in STATUSES:
        # expect-none: db-loops
        counts[status] = Ticket.objects.filter(status=status).count()
    return counts


def create_regions(names):
    for name in names:
        # expect: db-loops/query-in-loop
        Region.objects.get_or_create(name=name.strip().title())


def create_regions_bulk(names):
    # expect-none: db-loops
    Region.objects.bulk_create([Region(name=n.strip().title()) for n in names], ignore_conflicts=True)


def flag_overdue(invoice_ids):
    for invoice_id in invoice_ids:
        # expect: db-loops/query-in-loop
        Invoice.objects.filter(id=invoice_id).update(status="overdue")


def flag_overdue_batched(invoice_ids):
    # expect-none: db-loops
    Invoice.objects.filter(id__in=invoice_ids).update(status="overdue")


def partners_with_counts():
    # expect-none: db-loops
    return Partner.objects.annotate(n=Count("invoice")).order_by("-n")


def first_partner_in_region(regions):
    for region in regions:
        # expect-none: db-loops
        partner = Partner.objects.filter(region=region).first()
        if partner is not None:
            return partner
    return None


def partner_names(partners):
    # expect: db-loops/query-in-loop
    return {p: Partner.objects.get(pk=p).name for p in partners}
