-- Overdue-invoice alert job.
EXEC msdb.dbo.sp_send_dbmail
    @profile_name = 'AR',
    -- expect: personal-email/database-mail-consumer-recipient
    @recipients = 'ar.lead.halvorsen@hotmail.com',
    @subject = 'Overdue invoices',
    @query = 'SELECT invoice_no, customer, amount FROM ar.overdue',
    @attach_query_result_as_file = 1,
    @query_attachment_filename = 'overdue.csv';

EXEC msdb.dbo.sp_send_dbmail
    @profile_name = 'AR',
    -- expect-none: personal-email
    @recipients = 'ar@halvorsen-marine.no',
    @subject = 'Overdue invoices';

-- expect-none: personal-email
SELECT customer, contact_email FROM ar.customers WHERE contact_email LIKE '%@hotmail.com';
