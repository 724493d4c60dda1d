"""Views for the internal expense-approval app (Django)."""
import csv
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Sum
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render

from .models import Approval, CostCenter, Employee, ExpenseClaim, Receipt


@login_required
def pending_claims(request):
    claims = ExpenseClaim.objects.filter(status="pending").order_by("-submitted_at")
    out = []
    # expect: db-loops/lazy-related-access-in-loop
    for claim in claims:
        manager_email = claim.employee.manager.email
        # expect: db-loops/query-in-loop
        receipts = Receipt.objects.filter(claim=claim).count()
        out.append({"id": claim.id, "manager": manager_email, "receipts": receipts})
    return JsonResponse({"claims": out})


@login_required
def pending_claims_fast(request):
    claims = (
        ExpenseClaim.objects.filter(status="pending")
        .select_related("employee__manager")
        .annotate(n_receipts=Count("receipt"))
    )
    out = []
    for claim in claims:
        # expect-none: db-loops
        out.append({"id": claim.id, "manager": claim.employee.manager.email, "receipts": claim.n_receipts})
    return JsonResponse({"claims": out})


@login_required
def export_claims_csv(request):
    resp = HttpResponse(content_type="text/csv")
    writer = csv.writer(resp)
    writer.writerow(["claim", "employee", "cost center", "amount", "submitted"])
    # expect: db-loops/lazy-related-access-in-loop
    for claim in ExpenseClaim.objects.filter(submitted_at__year=2024):
        writer.writerow([
            claim.id,
            claim.employee.full_name,
            claim.cost_center.code,
            claim.amount,
            # expect-none: db-loops
            claim.submitted_at.year,
        ])
    return resp


@login_required
def export_claims_csv_fast(request):
    resp = HttpResponse(content_type="text/csv")
    writer = csv.writer(resp)
    qs = ExpenseClaim.objects.filter(submitted_at__year=2024).select_related("employee", "cost_center")
    for claim in qs:
        # expect-none: db-loops
        writer.writerow([claim.id, claim.employee.full_name, claim.cost_center.code, claim.amount])
    return resp


@login_required
def cost_center_budget(request):
    rows = []
    for cc in CostCenter.objects.all():
        # expect: db-loops/query-in-loop
        spent = ExpenseClaim.objects.filter(cost_center=cc, status="approved").aggregate(s=Sum("amount"))["s"]
        rows.append({"code": cc.code, "budget": cc.budget, "spent": spent or Decimal("0")})
    return render(request, "budget.html", {"rows": rows})


@login_required
def cost_center_budget_fast(request):
    # expect-none: db-loops
    totals = ExpenseClaim.objects.filter(status="approved").values("cost_center__code").annotate(s=Sum("amount"))
    return render(request, "budget.html", {"rows": list(totals)})


def approver_names(claim_ids):
    # expect: db-loops/query-in-loop
    return [Approval.objects.get(claim_id=cid).approver.username for cid in claim_ids]


def approver_names_fast(claim_ids):
    # expect-none: db-loops
    approvals = Approval.objects.filter(claim_id__in=claim_ids).select_related("approver")
    # expect-none: db-loops
    return [a.approver.username for a in approvals]


def employee_totals():
    # expect-none: db-loops
    employees = Employee.objects.prefetch_related("expenseclaim_set")
    result = {}
    for emp in employees:
        # expect-none: db-loops
        result[emp.id] = sum(c.amount for c in emp.expenseclaim_set.all())
    return result


def reject_stale(claim_ids):
    for cid in claim_ids:
        # expect: db-loops/query-in-loop
        ExpenseClaim.objects.filter(id=cid).update(status="rejected")


def reject_stale_fast(claim_ids):
    # expect-none: db-loops
    ExpenseClaim.objects.filter(id__in=claim_ids).update(status="rejected")


def status_counts():
    counts = {}
    for status in ("pending", "approved", "rejected"):
        # expect-none: db-loops
        counts[status] = ExpenseClaim.objects.filter(status=status).count()
    return counts


def find_first_duplicate(receipt_hashes):
    for h in receipt_hashes:
        # expect-none: db-loops
        existing = Receipt.objects.filter(sha256=h).first()
        if existing is not None:
            return existing
    return None


def claim_amounts(claims):
    total = Decimal("0")
    for claim in claims:
        # expect-none: db-loops
        total += claim.amount.quantize(Decimal("0.01"))
    return total
