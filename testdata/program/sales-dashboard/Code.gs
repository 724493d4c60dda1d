// Weekly sales dashboard: pulls deals from the CRM, appends them to the team sheet, mails a summary.
var DEALS_SHEET_ID = '1QxDealsSheetA7bC9dE0fG1hI2jK3lM4nO5pQ6rS7tU';

function setUp() {
  ScriptApp.newTrigger('refreshDeals').timeBased().everyDays(1).atHour(7).create();
}

function refreshDeals() {
  var response = UrlFetchApp.fetch('https://api.example-crm.com/v2/deals?stage=won');
  var deals = JSON.parse(response.getContentText());
  var rows = deals.map(function (d) { return [d.id, d.account, d.amount, d.closedAt]; });
  var sheet = SpreadsheetApp.openById(DEALS_SHEET_ID).getSheetByName('Won');
  sheet.getRange(sheet.getLastRow() + 1, 1, rows.length, 4).setValues(rows);
  // expect: personal-email/apps-script-mail-send
  MailApp.sendEmail('sales-leads@example.com', 'Deals refreshed', rows.length + ' new deals');
}

function archiveWeek() {
  // expect: program/outside-perimeter
  var archive = SpreadsheetApp.openById('1ZzArchiveSheet9yX8wV7uT6sR5qP4oN3mL2kJ1iH0g');
  archive.getSheets()[0].appendRow([new Date(), 'archived']);
}

function doGet(e) {
  return HtmlService.createHtmlOutput('<p>Dashboard</p>');
}
