// Central config for the reporting scripts. Values marked "from env" are set in the
// systemd unit; the rest were "temporary" in 2022.
module.exports = {
  port: 8080,
  db: {
    host: 'mysql.acme-internal.com',
    user: 'reports',
    // expect: credentials/hardcoded-password
    password: 'RxCoS&F0s=zrN',
    database: 'reports',
  },
  mongo: {
    // expect: credentials/connection-string-password
    uri: 'mongodb+srv://reports:NeCfJ^dtFJ^8eR8@cluster1.k3j4h.mongodb.net/reports?retryWrites=true',
  },
  redis: {
    // expect-none: credentials
    url: process.env.REDIS_URL || 'redis://localhost:6379',
  },
  amqp: {
    // expect: credentials/connection-string-password
    url: 'amqps://reports:vSK&EpeC6=jYpj@rabbit.acme-internal.com:5671/reports',
  },
  github: {
    // expect: credentials/github-token
    token: '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',
    org: 'acme-analytics',
  },
  gitlab: {
    // expect: credentials/gitlab-token
    privateToken: 'glpat-5lYSVt4nS5S2BB-hMaxF',
  },
  npm: {
    // expect: credentials/npm-token
    publishToken: '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',
  },
  mailgun: {
    domain: 'mg.acme.com',
    // expect: credentials/mailgun-api-key
    apiKey: 'key-c7b52afb495b2f837388fb9ad75a00b0',
  },
  mailchimp: {
    // expect: credentials/mailchimp-api-key
    apiKey: 'c743c0224aeb4cd35367d94352923665-us13',
    listId: 'a1b2c3d4e5',
  },
  postmark: {
    // expect: credentials/postmark-server-token
    serverToken: '5689febd-e1ca-09a0-2918-7752a9e907ee',
    // expect-none: credentials
    messageStream: 'outbound',
  },
  notion: {
    // expect: credentials/notion-token
    token: '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',
    // expect-none: credentials
    databaseId: 'f112f2602232fcc947cd751d273195e1',
  },
  linear: {
    // expect: credentials/linear-api-key
    apiKey: 'lin_api_tbXW4Ac2iqnT6wa4l7rcFilnn6cpReuyhWukdpEj',
  },
  asana: {
    // expect: credentials/asana-token
    pat: '2/3013908818063135/3171237808773049:545d104392338f3070382dad7646322e',
    // expect-none: credentials
    workspaceGid: '1200123456789012',
  },
  dropbox: {
    // expect: credentials/dropbox-token
    accessToken: 'sl.u.8BfGrz0LmZMv4YDykxPDC452JoWKNGRrxteNDU_B5yRy5GvqFj01hCdwLUEdcmLX4KrBT_7-Mby3ONOxRVyJIUJvcvKujnqhjCaWWa50gyq9TcP__kLt6Bmle2KeXkCjwLS59O-J-fm5',
  },
  google: {
    // expect: credentials/google-api-key
    mapsKey: 'AIzaT-DgGBuIrlOTh8uwwasOQJjO8BQe-7jYoMX',
    // expect-none: credentials
    clientId: '591734028561-g2c4tqk1v0hfs8r3.apps.googleusercontent.com',
    // expect: credentials/google-oauth-client-secret
    clientSecret: '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',
  },
  auth: {
    // expect: credentials/hardcoded-password
    jwtSecret: '4nCs3MaeVwpGAmN3HF1Eiq7wLfg1F6xG',
    // expect-none: credentials
    jwtExpiresIn: '8h',
    // expect-none: credentials
    passwordMinLength: 12,
    // expect-none: credentials
    tokenHeader: 'x-access-token',
    // expect-none: credentials
    secretName: 'reports/jwt-secret',
  },
  sentryDsn: process.env.SENTRY_DSN,
  // expect-none: credentials
  apiKey: process.env.REPORTS_API_KEY,
  // expect-none: credentials
  adminPassword: process.env.ADMIN_PASSWORD || '',
  // expect-none: credentials
  exampleToken: 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  // expect-none: credentials
  docsKey: 'YOUR_API_KEY_HERE',
};
