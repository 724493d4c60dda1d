"""Partner portal reports: related objects read in loops over querysets."""
from portal.models import Invoice, Order, Shipment


def open_orders_report():
    lines = []
    # expect: db-loops/lazy-related-access-in-loop
    for order in Order.objects.filter(status="open"):
        lines.append(f"{order.id} {order.customer.name} {order.customer.city}")
    return lines


def order_items_report():
    # expect: db-loops/lazy-related-access-in-loop
    for order in Order.objects.all():
        print(order.id, order.items.count())


def joined_report():
    # expect-none: db-loops
    for order in Order.objects.filter(status="open").select_related("customer"):
        print(order.customer.name)


def prefetched_report():
    # expect-none: db-loops
    for order in Order.objects.prefetch_related("items").all():
        print(order.items.count())


def plain_fields_report():
    # expect-none: db-loops
    for inv in Invoice.objects.filter(paid=False):
        print(inv.number, inv.issued_on.isoformat(), inv.note.strip(), inv.created_at.year)


def other_variable(carrier):
    # expect-none: db-loops
    for s in Shipment.objects.filter(carrier=carrier):
        print(s.id, carrier.account.number)


def held_queryset():
    invoices = Invoice.objects.filter(paid=False)
    # expect: db-loops/lazy-related-access-in-loop
    for inv in invoices:
        print(inv.customer.name)


def held_queryset_joined():
    invoices = Invoice.objects.filter(paid=False)
    invoices = invoices.select_related("customer")
    # expect-none: db-loops
    for inv in invoices:
        print(inv.customer.name)
