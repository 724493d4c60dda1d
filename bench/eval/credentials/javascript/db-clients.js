// Database and file-transfer clients shared by the reporting jobs.
const { Sequelize } = require('sequelize');
const knex = require('knex');
const sql = require('mssql');
const { Client: SshClient } = require('ssh2');
const ftp = require('basic-ftp');
const axios = require('axios');
const fs = require('fs');

// expect: credentials/hardcoded-password
const sequelize = new Sequelize('reports', 'reports_app', 'eQu.cR93*EiM', { host: 'mysql.acme-internal.com', dialect: 'mysql' });
// expect-none: credentials
const sequelizeEnv = new Sequelize(process.env.DB_NAME, process.env.DB_USER, process.env.DB_PASS, { dialect: 'mysql' });
// expect: credentials/connection-string-password
const sequelizeUrl = new Sequelize('postgres://reports_app:PRhau=aMuU-F5G@pg.acme-internal.com:5432/reports');

const warehouse = knex({
  client: 'pg',
  connection: {
    host: 'warehouse.acme-internal.com',
    user: 'knex_reader',
    // expect: credentials/hardcoded-password
    password: 'zhtVu.Gx45!JsT',
    database: 'warehouse',
  },
});

const erpConfig = {
  server: 'erp01.acme-internal.com',
  database: 'ERP',
  user: 'report_reader',
  // expect: credentials/hardcoded-password
  password: 'wJWD-3BX04^cZWn',
  options: { encrypt: true, trustServerCertificate: true },
};

const erpConfigEnv = {
  server: process.env.ERP_HOST,
  // expect-none: credentials
  password: process.env.ERP_PASSWORD,
  // expect-none: credentials
  authentication: { type: 'ntlm', options: { domain: 'ACME', userName: process.env.USER, password: process.env.NTLM_PASSWORD } },
};

async function erpQuery(q) {
  const pool = await sql.connect(erpConfig);
  return pool.request().query(q);
}

async function erpQueryConnString(q) {
  // expect: credentials/connection-string-password
  const pool = await sql.connect('Server=erp01.acme-internal.com,1433;Database=ERP;User Id=report_reader;Password=qsM-7WX9&sCV;Encrypt=true');
  return pool.request().query(q);
}

function sshTunnel() {
  const conn = new SshClient();
  conn.connect({
    host: 'bastion.acme-internal.com',
    username: 'reports',
    // expect: credentials/hardcoded-password
    password: 'yBBA.3C0W.9Ox',
  });
  return conn;
}

function sshTunnelKey() {
  const conn = new SshClient();
  // expect-none: credentials
  conn.connect({ host: 'bastion.acme-internal.com', username: 'reports', privateKey: fs.readFileSync('/home/reports/.ssh/id_ed25519') });
  return conn;
}

async function ftpUpload(localPath) {
  const client = new ftp.Client();
  // expect: credentials/hardcoded-password
  await client.access({ host: 'ftp.logistics-partner.com', user: 'acme', password: 'SvUV!u1h-bPJT', secure: true });
  await client.uploadFrom(localPath, 'inbound/' + localPath.split('/').pop());
  client.close();
}

async function partnerApi() {
  return axios.get('https://api.logistics-partner.com/v1/shipments', {
    // expect: credentials/hardcoded-password
    auth: { username: 'acme', password: 'FyCVb_qNBe4^dWGY' },
  });
}

async function partnerApiBasic() {
  // expect: credentials/hardcoded-password
  const basic = Buffer.from('acme:OEjw^hX4.XheG').toString('base64');
  return axios.get('https://api.logistics-partner.com/v1/shipments', { headers: { Authorization: `Basic ${basic}` } });
}

async function partnerApiBtoa() {
  // expect: credentials/hardcoded-password
  const basic = btoa('acme:rAKDP*0qTBl&b0B');
  return fetch('https://api.logistics-partner.com/v1/rates', { headers: { Authorization: 'Basic ' + basic } });
}

async function partnerApiUrl() {
  // expect: credentials/connection-string-password
  return axios.get('https://acme:gVAHK^l97N&UA@api.logistics-partner.com/v1/shipments');
}

// expect: credentials/hardcoded-password
async function connectLegacy(host, user = 'legacy', password = 'niBo_4SYt3^sQOB') {
  return knex({ client: 'mysql', connection: { host, user, password } });
}

// expect-none: credentials
async function connectWithPassword(host, user, password = process.env.LEGACY_PASSWORD) {
  return knex({ client: 'mysql', connection: { host, user, password } });
}

module.exports = { sequelize, sequelizeEnv, sequelizeUrl, warehouse, erpQuery, erpQueryConnString, sshTunnel, sshTunnelKey, ftpUpload, partnerApi, partnerApiBasic, partnerApiBtoa, partnerApiUrl, connectLegacy, connectWithPassword, erpConfigEnv };
