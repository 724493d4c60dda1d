// Team trivia bot for the #fun channel, plus a /kpi command that reads from the warehouse.
const { Client, GatewayIntentBits } = require('discord.js');
const OpenAI = require('openai');
const mysql = require('mysql2/promise');

// expect: credentials/discord-credential
const DISCORD_TOKEN = 'MZz5OZ011BpzIf1Q0pfuj5hP.C2MaOU.RXNe_ZZ78G6t8B9qoCj-qAFUHUdC7z41mpQ9fQ';
// expect: credentials/openai-api-key
const openai = new OpenAI({ apiKey: 'sk-proj-DxiZZo1MxVBRXOWIKDBECt59StHgB2RqNs1rBiCTrIT3BlbkFJ7B72t7q7dRBnJO6UHgNNmSxvkOgdOH5njQJO5--X_rTLTyeTeRkzfJZD' });
// expect-none: credentials
const openaiEnv = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
// expect-none: credentials
const DISCORD_CLIENT_ID = '1187462059183742976';

const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] });

async function kpi() {
  const conn = await mysql.createConnection({
    host: 'warehouse.acme-internal.com',
    user: 'bot_ro',
    // expect: credentials/hardcoded-password
    password: 'DSzmk_Ef9-HK',
    database: 'kpi',
  });
  const [rows] = await conn.execute('SELECT metric, value FROM daily_kpi WHERE day = CURDATE()');
  await conn.end();
  return rows;
}

async function kpiUrl() {
  // expect: credentials/connection-string-password
  const conn = await mysql.createConnection('mysql://bot_ro:HfZEG&sEQL!0vpp@warehouse.acme-internal.com:3306/kpi');
  return conn;
}

client.on('messageCreate', async (msg) => {
  if (msg.content === '!kpi') {
    const rows = await kpi();
    msg.reply(rows.map((r) => `${r.metric}: ${r.value}`).join('\n'));
  } else if (msg.content.startsWith('!ask ')) {
    const answer = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: msg.content.slice(5) }],
      // expect-none: credentials
      max_tokens: 300,
    });
    msg.reply(answer.choices[0].message.content);
  }
});

// expect: credentials/discord-credential
const ANNOUNCE_HOOK = 'https://discord.com/api/webhooks/646879763124319484/Zd8Gj9FAH0vLl_Fp2JSEY-teIGA6TaHpcKEa_MVDp0HzbnaPddo2ir1T1OjbSmKPvN1p';

// expect-none: credentials
client.login(process.env.DISCORD_TOKEN || DISCORD_TOKEN);
