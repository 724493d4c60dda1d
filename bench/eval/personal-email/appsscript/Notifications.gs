/** Form-submit notifications for the equipment request form. */
function onFormSubmit(e) {
  const answers = e.namedValues;
  const requester = answers['Email Address'][0];
  const item = answers['Item'][0];
  // expect: personal-email/apps-script-mail-send
  GmailApp.sendEmail('facilities@brightline-logistics.com', 'New equipment request', requester + ' asked for ' + item);
  // expect: personal-email/apps-script-mail-send
  MailApp.sendEmail(requester, 'We received your request', 'Thanks, we will get back to you about: ' + item);
}

function notifyOwnerPersonal(e) {
  // the owner wanted a copy on their phone
  // expect: personal-email/apps-script-mail-send
  MailApp.sendEmail('r.ng.facilities@gmail.com', 'Form submitted', JSON.stringify(e.namedValues));
}

function notifyWithOptions(e) {
  // expect: personal-email/apps-script-mail-send
  MailApp.sendEmail({
    to: 'facilities@brightline-logistics.com',
    subject: 'Form submitted',
    htmlBody: '<pre>' + JSON.stringify(e.namedValues) + '</pre>',
    name: 'Equipment form',
  });
}

function notifyFromAlias(e) {
  // expect: personal-email/apps-script-mail-send
  GmailApp.sendEmail('facilities@brightline-logistics.com', 'Form submitted', 'see sheet', {
    // expect-none: personal-email
    from: 'equipment-form@brightline-logistics.com',
    name: 'Equipment form',
  });
}

function notifyReplyToPersonal(e) {
  MailApp.sendEmail({
    to: 'facilities@brightline-logistics.com',
    subject: 'Form submitted',
    body: 'see sheet',
    // expect: personal-email/consumer-sender-address
    replyTo: 'r.ng.facilities@yahoo.com',
  });
}

function searchOldRequests() {
  // expect-none: personal-email
  const threads = GmailApp.search('from:r.ng.facilities@gmail.com subject:"equipment"', 0, 50);
  // expect-none: personal-email
  const aliases = GmailApp.getAliases();
  return threads.length + aliases.length;
}

function isPersonal(address) {
  // expect-none: personal-email
  const personal = ['gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com'];
  return personal.indexOf(String(address).split('@').pop().toLowerCase()) !== -1;
}

function writeContact() {
  // expect-none: personal-email
  SpreadsheetApp.getActive().getRange('Contacts!B2').setValue('r.ng.facilities@gmail.com');
}

/**
 * Sends the request summary. Example (from the README):
 *   GmailApp.sendEmail('someone@gmail.com', 'subject', 'body')
 */
function sendEmail(row) {
  // expect-none: personal-email
  return Utilities.formatString('%s <%s>', row[0], row[1]);
}
