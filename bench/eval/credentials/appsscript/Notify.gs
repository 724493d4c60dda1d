// Sends the daily stock report from the "Stock" sheet to Slack, Telegram, Teams and email.
// The Telegram bot belongs to the warehouse group chat.

// expect: credentials/telegram-bot-token
var TG_TOKEN = '4411027359:AA7YdacHQlF4ouaPbETT7USpTtZ_uF-jzP1';
var TG_CHAT_ID = '-1009876543210';
// expect: credentials/slack-token
var SLACK_BOT = 'xoxb-369826530706-5701847933390-dfU1AqcvfmZcSykcIIvl81DX';
// expect: credentials/discord-credential
var DISCORD_WEBHOOK_URL = 'https://discord.com/api/webhooks/782882843977209244/B5YAUQc5SCQitpEK_yFypLzFk4nHzXgXgzsJzCj_R5Zg_qssu-z40B4Tap6OwXtde6HW';
// expect: credentials/zapier-webhook
var ZAPIER_HOOK = 'https://hooks.zapier.com/hooks/catch/11003507/hu3tir/';
// expect: credentials/sendgrid-api-key
var SENDGRID_API_KEY = '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';
// expect: credentials/mailgun-api-key
var MAILGUN_KEY = '441a9d90089b6e3b76f20faf7d34770c-da8d5b6d-f3c7f4a1';
// expect-none: credentials
var SLACK_CHANNEL = 'C04QWERTY12';

function stockText_() {
  var rows = SpreadsheetApp.getActive().getSheetByName('Stock').getDataRange().getValues();
  return rows.slice(1).filter(function (r) { return r[3] < r[4]; }).map(function (r) { return r[0] + ': ' + r[3]; }).join('\n');
}

function sendTelegram() {
  var url = 'https://api.telegram.org/bot' + TG_TOKEN + '/sendMessage';
  UrlFetchApp.fetch(url, { method: 'post', payload: { chat_id: TG_CHAT_ID, text: stockText_() } });
}

function sendSlack() {
  UrlFetchApp.fetch('https://slack.com/api/chat.postMessage', {
    method: 'post',
    contentType: 'application/json',
    headers: { Authorization: 'Bearer ' + SLACK_BOT },
    payload: JSON.stringify({ channel: SLACK_CHANNEL, text: stockText_() }),
  });
}

function sendSlackInline() {
  UrlFetchApp.fetch('https://slack.com/api/chat.postMessage', {
    method: 'post',
    contentType: 'application/json',
    // expect: credentials/slack-token
    headers: { Authorization: 'Bearer xoxb-236611258872-6717518869212-6unmu7nbDlq0dHDF2H9tMjfm' },
    payload: JSON.stringify({ channel: SLACK_CHANNEL, text: 'ping' }),
  });
}

function sendSlackFromProperties() {
  // expect-none: credentials
  var token = PropertiesService.getScriptProperties().getProperty('SLACK_BOT_TOKEN');
  UrlFetchApp.fetch('https://slack.com/api/chat.postMessage', {
    method: 'post',
    // expect-none: credentials
    headers: { Authorization: 'Bearer ' + token },
    payload: { channel: SLACK_CHANNEL, text: 'ping' },
  });
}

function sendDiscord() {
  UrlFetchApp.fetch(DISCORD_WEBHOOK_URL, { method: 'post', contentType: 'application/json', payload: JSON.stringify({ content: stockText_() }) });
}

function sendEmailViaSendgrid() {
  UrlFetchApp.fetch('https://api.sendgrid.com/v3/mail/send', {
    method: 'post',
    contentType: 'application/json',
    headers: { Authorization: 'Bearer ' + SENDGRID_API_KEY },
    payload: JSON.stringify({ personalizations: [{ to: [{ email: 'warehouse@acme.com' }] }], from: { email: 'stock@acme.com' }, subject: 'Stock', content: [{ type: 'text/plain', value: stockText_() }] }),
  });
}

function sendEmailViaMailgun() {
  UrlFetchApp.fetch('https://api.mailgun.net/v3/mg.acme.com/messages', {
    method: 'post',
    headers: { Authorization: 'Basic ' + Utilities.base64Encode('api:' + MAILGUN_KEY) },
    payload: { from: 'stock@mg.acme.com', to: 'warehouse@acme.com', subject: 'Stock', text: stockText_() },
  });
}

function sendEmailViaMailgunInline() {
  UrlFetchApp.fetch('https://api.mailgun.net/v3/mg.acme.com/messages', {
    method: 'post',
    // expect: credentials/hardcoded-password
    headers: { Authorization: 'Basic ' + Utilities.base64Encode('api:651511be8489974df516f3b52debf561') },
    payload: { from: 'stock@mg.acme.com', to: 'warehouse@acme.com', subject: 'Stock', text: 'x' },
  });
}

function triggerZap() {
  UrlFetchApp.fetch(ZAPIER_HOOK, { method: 'post', payload: JSON.stringify({ report: stockText_() }) });
}

function sendTeams() {
  // expect-none: credentials
  var hook = PropertiesService.getScriptProperties().getProperty('TEAMS_WEBHOOK');
  UrlFetchApp.fetch(hook, { method: 'post', contentType: 'application/json', payload: JSON.stringify({ text: stockText_() }) });
}
