/**
 * Custom sheet functions for the marketing team: =GPT(prompt), =TRANSLATE_DE(text),
 * =SENTIMENT(text). Each call costs money: keep prompts short.
 * @OnlyCurrentDoc
 */

// expect: credentials/openai-api-key
var OPENAI_KEY = 'sk-proj-bS84qz4lOOxvgkicQJ-NSrOXr6vlFpf38pScGAN4Iuw1-MP-aKGf_Z2p-d4iT3BlbkFJjSMQ-PKKVquCDbOcgJ8brdEMeuMDxDv6GktMEtbk_RLJabEiqtgJ3IULg';
// expect: credentials/anthropic-api-key
var CLAUDE_KEY = 'sk-ant-api03-jMn9MKfBvVpP2CB0Tzw667FC7lB10yQezk8OnxrHFHNwPe5f_E_2KAY8K_i2ydMj_CACEe85rKpAcD02qJ2hZBPW5yZZmAA';
// expect: credentials/google-api-key
var TRANSLATE_API_KEY = 'AIzapRFKfgQXdsq4UK6kfdqfpY0L3qXscwtA-fJ';
// expect-none: credentials
var MODEL = 'gpt-4o-mini';
// expect-none: credentials
var MAX_TOKENS = 256;

/**
 * Asks the model. The API key comes from script properties (File > Project properties).
 * @param {string} prompt
 * @customfunction
 */
function GPT(prompt) {
  // expect-none: credentials
  var key = PropertiesService.getScriptProperties().getProperty('OPENAI_KEY') || OPENAI_KEY;
  var res = UrlFetchApp.fetch('https://api.openai.com/v1/chat/completions', {
    method: 'post',
    contentType: 'application/json',
    headers: { Authorization: 'Bearer ' + key },
    payload: JSON.stringify({ model: MODEL, max_tokens: MAX_TOKENS, messages: [{ role: 'user', content: prompt }] }),
  });
  return JSON.parse(res.getContentText()).choices[0].message.content;
}

function CLAUDE(prompt) {
  var res = UrlFetchApp.fetch('https://api.anthropic.com/v1/messages', {
    method: 'post',
    contentType: 'application/json',
    // expect-none: credentials
    headers: { 'x-api-key': CLAUDE_KEY, 'anthropic-version': '2023-06-01' },
    payload: JSON.stringify({ model: 'claude-3-5-haiku-latest', max_tokens: 256, messages: [{ role: 'user', content: prompt }] }),
  });
  return JSON.parse(res.getContentText()).content[0].text;
}

function TRANSLATE_DE(text) {
  var url = 'https://translation.googleapis.com/language/translate/v2?key=' + TRANSLATE_API_KEY;
  var res = UrlFetchApp.fetch(url, { method: 'post', payload: { q: text, target: 'de' } });
  return JSON.parse(res.getContentText()).data.translations[0].translatedText;
}

function SENTIMENT(text) {
  // expect: credentials/google-api-key
  var url = 'https://language.googleapis.com/v1/documents:analyzeSentiment?key=AIzaXHV9ecNUOUAP43KjHSb8hHTUU2wpZLGHjp8';
  var payload = { document: { type: 'PLAIN_TEXT', content: text } };
  var res = UrlFetchApp.fetch(url, { method: 'post', contentType: 'application/json', payload: JSON.stringify(payload) });
  return JSON.parse(res.getContentText()).documentSentiment.score;
}

function SENTIMENT_HF(text) {
  var res = UrlFetchApp.fetch('https://api-inference.huggingface.co/models/distilbert-base-uncased-finetuned-sst-2-english', {
    method: 'post',
    // expect: credentials/huggingface-token
    headers: { Authorization: 'Bearer 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' },
    payload: JSON.stringify({ inputs: text }),
  });
  return JSON.parse(res.getContentText())[0][0].label;
}

function tokenCount_(text) {
  // expect-none: credentials
  var tokensPerWord = 1.3;
  return Math.ceil(text.split(/\s+/).length * tokensPerWord);
}

function docsExample_() {
  // expect-none: credentials
  var sample = 'sk-proj-...';
  // expect-none: credentials
  var example = 'Authorization: Bearer YOUR_TOKEN';
  return sample + example;
}
