import { Client } from 'pg';
import { verifyAuditChain } from './chain';

/**
 * `npm run audit:verify`: walks the audit chain of every service schema in DATABASE_URL and
 * reports the first broken link of each; exits 1 when any chain is broken.
 */
async function main() {
  const client = new Client({
    connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/fengqiao',
  });
  await client.connect();
  try {
    const schemas = (
      await client.query<{ schema: string }>(
        `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'audit_log' ORDER BY 1`,
      )
    ).rows.map((r) => r.schema);
    if (schemas.length === 0) console.log('no audit logs in this database');
    let broken = 0;
    for (const schema of schemas) {
      const report = await verifyAuditChain(
        async (sql, params) => (await client.query(sql, params)).rows,
        schema,
      );
      if (report.firstBroken) {
        broken += 1;
        console.log(
          `${schema}: BROKEN at seq ${report.firstBroken.seq}: ${report.firstBroken.reason} (${report.entries} entries read)`,
        );
      } else {
        console.log(`${schema}: intact, ${report.entries} entries`);
      }
    }
    process.exitCode = broken > 0 ? 1 : 0;
  } finally {
    await client.end();
  }
}

main().catch((e: Error) => {
  console.error(`audit:verify failed: ${e.message}`);
  process.exit(2);
});
