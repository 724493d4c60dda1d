// Export leads from the CRM to a local CSV file for the marketing team.
const fs = require('fs');

async function main() {
  const res = await fetch('https://api.example-crm.com/v2/leads');
  const leads = await res.json();
  fs.writeFileSync('leads.csv', leads.map((l) => `${l.id},${l.source}`).join('\n'));
}

main();
