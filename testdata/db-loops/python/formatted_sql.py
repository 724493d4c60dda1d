"""Maintenance helpers that format their SQL."""


def mark_all_paid(cur, who):
    # expect: db-loops/update-without-where
    cur.execute("UPDATE invoices SET paid_by = '%s'" % who)


def archive_everything(cur, label):
    # expect: db-loops/update-without-where
    cur.execute("UPDATE documents SET archive_label = '{}'".format(label))


def archive_one(cur, doc_id):
    # expect-none: db-loops
    cur.execute("UPDATE documents SET archived = true WHERE id = {}".format(doc_id))


def drop_rows(cur, condition):
    # expect-none: db-loops
    cur.execute("DELETE FROM imports %s" % condition)


def clear_table(cur, table):
    # expect-none: db-loops
    cur.execute("DELETE FROM {}".format(table))


def mark_one_paid(cur, invoice_id):
    # expect-none: db-loops
    cur.execute("UPDATE invoices SET paid = true WHERE id = %s" % invoice_id)
