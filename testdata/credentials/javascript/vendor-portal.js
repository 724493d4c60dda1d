// A month-end script that opens the vendor portal with the analyst's own account. Nothing else in
// this file gives the scanner a reason to look, so only the sign-in call itself can bring it to the parser.
const portal = require('./portal-client');

async function openSession() {
  // expect: credentials/hardcoded-password
  return portal.signIn('ops@acme-finance.com', 'Vq8#mZ2!rLp4');
}

async function openSessionFromEnvironment() {
  // expect-none: credentials
  return portal.signIn(process.env.PORTAL_USER, process.env.PORTAL_PW);
}

module.exports = { openSession, openSessionFromEnvironment };
