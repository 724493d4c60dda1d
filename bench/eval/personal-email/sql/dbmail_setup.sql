-- Database Mail configuration for the reporting instance.

-- The account the first admin set up: a personal Gmail through Google's SMTP server.
EXECUTE msdb.dbo.sysmail_add_account_sp
    @account_name = 'ReportsGmail',
    @description = 'Temporary, until IT gives us a relay account',
    -- expect: personal-email/consumer-sender-address
    @email_address = 'reporting.admin.bl@gmail.com',
    @display_name = 'Reporting',
    -- expect: personal-email/consumer-smtp-server
    @mailserver_name = 'smtp.gmail.com',
    @port = 587,
    @enable_ssl = 1,
    -- expect: personal-email/consumer-sender-address
    @username = 'reporting.admin.bl@gmail.com',
    @password = '$(GMAIL_APP_PASSWORD)';

-- The supported account: company relay, service mailbox.
EXECUTE msdb.dbo.sysmail_add_account_sp
    @account_name = 'ReportsRelay',
    -- expect-none: personal-email
    @email_address = 'reporting-noreply@brightline-logistics.com',
    @display_name = 'Reporting',
    -- expect-none: personal-email
    @mailserver_name = 'smtp.brightline-logistics.com',
    @port = 25;

EXECUTE msdb.dbo.sysmail_add_account_sp
    @account_name = 'ReportsO365',
    -- expect-none: personal-email
    @email_address = 'reporting@brightline-logistics.com',
    -- expect-none: personal-email
    @mailserver_name = 'smtp.office365.com',
    @port = 587,
    @enable_ssl = 1,
    -- expect-none: personal-email
    @username = 'reporting@brightline-logistics.com';

EXECUTE msdb.dbo.sysmail_add_profile_sp @profile_name = 'Reports';
EXECUTE msdb.dbo.sysmail_add_profileaccount_sp @profile_name = 'Reports', @account_name = 'ReportsRelay', @sequence_number = 1;
