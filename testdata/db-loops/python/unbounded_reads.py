"""Workers that poll the shared Postgres from the reporting VM."""
import time


def notify_overdue(conn, mailer):
    cur = conn.cursor()
    while True:
        # expect: db-loops/unbounded-read-in-loop
        cur.execute("SELECT id, email, due_date FROM invoices WHERE paid = false")
        for invoice_id, email, due in cur.fetchall():
            mailer.remind(email, invoice_id, due)
        time.sleep(300)


def sync_status(conn, crm):
    cur = conn.cursor()
    running = True
    while running:
        # expect: db-loops/unbounded-read-in-loop
        cur.execute('''
            SELECT o.id, o.status, c.crm_id
            FROM orders o JOIN customers c ON c.id = o.customer_id
            WHERE o.updated_at > now() - interval '1 day'
        ''')
        crm.push(cur.fetchall())
        running = crm.keep_going()
        time.sleep(60)


def paged_worker(conn):
    cur = conn.cursor()
    while True:
        # expect-none: db-loops
        cur.execute("SELECT id FROM jobs WHERE status = 'queued' ORDER BY id LIMIT 100")
        jobs = cur.fetchall()
        if not jobs:
            time.sleep(30)
            continue
        run(jobs)


def one_job_at_a_time(conn, queue):
    cur = conn.cursor()
    while queue.has_work():
        job_id = queue.pop()
        # expect-none: db-loops
        cur.execute("SELECT payload FROM jobs WHERE id = %s", (job_id,))
        run(cur.fetchone())
        time.sleep(1)


def heartbeat(conn):
    cur = conn.cursor()
    while True:
        # expect-none: db-loops
        cur.execute("SELECT count(*) FROM jobs WHERE status = 'queued'")
        report(cur.fetchone()[0])
        time.sleep(60)


def tsql_poller(conn):
    cur = conn.cursor()
    while True:
        # expect-none: db-loops
        cur.execute("SELECT TOP 50 id FROM dbo.Outbox WHERE sent = 0")
        send_all(cur.fetchall())
        time.sleep(15)


def run(jobs):
    return jobs


def report(n):
    return n


def send_all(rows):
    return rows
