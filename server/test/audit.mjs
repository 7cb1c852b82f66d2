// Runs the graphql-http audit suite (GraphQL over HTTP spec conformance) against
// a running server and prints each result. Usage: node server/test/audit.mjs URL
// (default http://127.0.0.1:8080/graphql). Exits 1 if any audit fails, MUST or
// SHOULD (a MAY that fails is only reported).
import { auditServer } from 'graphql-http';

const url = process.argv[2] || process.env.EWSI_GRAPHQL_URL || 'http://127.0.0.1:8080/graphql';
const results = await auditServer({ url });
const tally = {};
let failures = 0;
for (const r of results) {
  const level = r.name.split(' ')[0];
  tally[level] ??= { passed: 0, total: 0 };
  tally[level].total++;
  if (r.status === 'ok') {
    tally[level].passed++;
    console.log(`ok    ${r.id} ${r.name}`);
    continue;
  }
  if (level !== 'MAY') failures++;
  let body = '';
  try {
    body = (await r.response.text()).slice(0, 300);
  } catch {
    // the body was already read by the audit
  }
  console.log(`${r.status.padEnd(5)} ${r.id} ${r.name}: ${r.reason} (status ${r.response.status}) ${body}`);
}
for (const [level, t] of Object.entries(tally)) console.log(`${level}: ${t.passed}/${t.total} passed`);
console.log(`failures: ${failures}`);
process.exit(failures ? 1 : 0);
