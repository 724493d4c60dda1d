// Runtime configuration of the intake form service.
module.exports = {
  port: Number(process.env.PORT || 3000),
  mail: {
    // expect: personal-email/consumer-smtp-server
    smtpHost: process.env.SMTP_HOST || 'smtp.gmail.com',
    smtpPort: 465,
    // expect: personal-email/consumer-sender-address
    smtpUser: process.env.SMTP_USER || 'intake.form.bl@gmail.com',
    // expect: personal-email/consumer-sender-address
    fromAddress: 'Intake Form <intake.form.bl@gmail.com>',
    // expect-none: personal-email
    notifyAddress: 'intake-team@brightline-logistics.com',
  },
  validation: {
    // expect-none: personal-email
    blockedDomains: ['gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com'],
    // expect-none: personal-email
    companyEmail: /^[^@\s]+@brightline-logistics\.com$/i,
  },
};
