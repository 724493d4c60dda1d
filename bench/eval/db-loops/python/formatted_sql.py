"""Admin scripts that build their SQL with % and str.format."""
import sqlite3


def reset_all_statuses(cur, status):
    # expect: db-loops/update-without-where
    cur.execute("UPDATE accounts SET status = '%s'" % status)


def set_locale_everywhere(cur, loc):
    # expect: db-loops/update-without-where
    cur.execute("UPDATE users SET locale = '%(locale)s'" % {"locale": loc})


def rename_everyone(cur, name):
    # expect: db-loops/update-without-where
    cur.execute("UPDATE customers SET display_name = '{}'".format(name))


def close_one(cur, ticket_id):
    # expect-none: db-loops
    cur.execute("UPDATE tickets SET status = 'closed' WHERE id = %s" % ticket_id)


def close_by_format(cur, ticket_id):
    # expect-none: db-loops
    cur.execute("UPDATE tickets SET status = 'closed' WHERE id = {}".format(ticket_id))


def delete_with_clause(cur, clause):
    # expect-none: db-loops
    cur.execute("DELETE FROM sessions %s" % clause)


def update_with_filter(cur, where_sql):
    # expect-none: db-loops
    cur.execute("UPDATE carts SET abandoned = true {}".format(where_sql))


def purge_table(cur, table):
    # expect-none: db-loops
    cur.execute("DELETE FROM %s" % table)


def set_value(cur, value):
    # expect-none: db-loops
    cur.execute("UPDATE settings SET value = %s" % value)
