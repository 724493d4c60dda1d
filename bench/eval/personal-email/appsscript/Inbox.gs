/**
 * Inbox housekeeping for the shared AP account: labels supplier mail, archives old threads and
 * keeps the supplier contact sheet up to date. Sends no mail.
 */
const PERSONAL_PROVIDERS = /@(gmail|googlemail|yahoo|hotmail|outlook|live|icloud|aol)\.[a-z.]+$/i;
// expect-none: personal-email
const KNOWN_PERSONAL = ['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'proton.me', 'gmx.de'];

function labelSupplierMail() {
  const label = GmailApp.getUserLabelByName('Suppliers') || GmailApp.createLabel('Suppliers');
  // expect-none: personal-email
  const threads = GmailApp.search('from:(billing@supplier-one.com OR accounts.supplier2@gmail.com) newer_than:7d');
  threads.forEach((t) => t.addLabel(label));
}

function archiveOld() {
  // expect-none: personal-email
  const old = GmailApp.search('older_than:90d -is:starred');
  // expect-none: personal-email
  GmailApp.moveThreadsToArchive(old.slice(0, 100));
}

function flagPersonalSenders() {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Suppliers');
  const rows = sheet.getDataRange().getValues();
  for (let i = 1; i < rows.length; i++) {
    const address = String(rows[i][2]);
    // expect-none: personal-email
    if (PERSONAL_PROVIDERS.test(address) || address.endsWith('@gmail.com')) {
      // expect-none: personal-email
      sheet.getRange(i + 1, 6).setValue('personal mailbox: ask for a company address');
    }
  }
}

function replyCount() {
  let count = 0;
  // expect-none: personal-email
  for (const thread of GmailApp.getInboxThreads(0, 50)) {
    // expect-none: personal-email
    const from = thread.getMessages()[0].getFrom();
    if (from.indexOf('@brightline-logistics.com') === -1) count++;
  }
  return count;
}

function currentUser() {
  // expect-none: personal-email
  const me = Session.getActiveUser().getEmail();
  // expect-none: personal-email
  const owner = Session.getEffectiveUser().getEmail();
  return me === owner;
}

function contactCard(name, address) {
  // expect-none: personal-email
  const example = 'e.g. ' + name.toLowerCase().replace(/\s+/g, '.') + '@gmail.com is not accepted';
  return HtmlService.createHtmlOutput('<p>' + address + '</p><small>' + example + '</small>');
}

function draftsCount() {
  // expect-none: personal-email
  return GmailApp.getDrafts().length;
}

function quota() {
  // expect-none: personal-email
  return MailApp.getRemainingDailyQuota() > 10;
}
