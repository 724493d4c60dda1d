-- SQL Agent job steps of the finance data mart (exported from the job history).
USE FinanceMart;
GO

-- Step 1: mail the payroll extract to the payroll lead, who reads it at home.
EXEC msdb.dbo.sp_send_dbmail
    @profile_name = 'FinanceMart',
    -- expect: personal-email/database-mail-consumer-recipient
    @recipients = 'l.osei.payroll@gmail.com',
    @subject = 'Payroll extract',
    @query = N'SELECT employee_id, gross, net FROM dbo.payroll_run WHERE run_id = (SELECT MAX(run_id) FROM dbo.payroll_run)',
    @attach_query_result_as_file = 1,
    @query_attachment_filename = 'Q3_payroll.csv';
GO

-- Step 2: the same report to the company list and a private copy.
EXEC msdb.dbo.sp_send_dbmail
    @profile_name = 'FinanceMart',
    -- expect-none: personal-email
    @recipients = 'payroll-team@brightline-logistics.com',
    -- expect: personal-email/database-mail-consumer-recipient
    @blind_copy_recipients = 'l.osei.payroll@outlook.com;backup.payroll@yahoo.com',
    @subject = 'Payroll extract',
    @file_attachments = 'D:\exports\payroll_extract.xlsx';
GO

-- Step 3: failures go to the DBA team only.
EXEC msdb.dbo.sp_send_dbmail
    @profile_name = 'FinanceMart',
    -- expect-none: personal-email
    @recipients = 'dba-team@brightline-logistics.com',
    @subject = 'FinanceMart load failed',
    @body = 'See the job history.';
GO

-- Step 4: recipients come from a table of subscribers.
DECLARE @to NVARCHAR(MAX) = (SELECT STRING_AGG(email, ';') FROM dbo.report_subscribers WHERE active = 1);
EXEC msdb.dbo.sp_send_dbmail
    @profile_name = 'FinanceMart',
    -- expect-none: personal-email
    @recipients = @to,
    @subject = 'Daily cash position',
    @query = 'SELECT * FROM dbo.cash_position_today';
GO

-- Step 5: a personal From and Reply-To on the mail itself.
EXEC msdb.dbo.sp_send_dbmail
    @profile_name = 'FinanceMart',
    @recipients = 'controllers@brightline-logistics.com',
    -- expect: personal-email/consumer-sender-address
    @from_address = 'Finance Mart <l.osei.payroll@gmail.com>',
    -- expect: personal-email/consumer-sender-address
    @reply_to = 'l.osei.payroll@gmail.com',
    @subject = 'Cash position';
GO
