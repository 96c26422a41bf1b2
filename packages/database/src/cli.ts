import type { DataSource } from 'typeorm';
import { openAndMigrate, findDrift } from './data-source';
import { createScratchDatabase, ensureDatabase } from './databases';

/**
 * The per-service database CLI (`node dist/db.cli.js <command>`):
 *   migrate   run pending migrations on DATABASE_URL
 *   drift     migrate a scratch database from nothing and fail if the entities want more
 *   generate <Name>  print a migration class with what the entities want beyond the migrations
 */
export async function runDatabaseCli(
  makeDataSource: (url: string) => DataSource,
  argv = process.argv.slice(2),
): Promise<void> {
  const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/fengqiao';
  const command = argv[0];
  if (command === 'migrate') {
    await ensureDatabase(baseUrl);
    const ds = makeDataSource(baseUrl);
    const ran = await openAndMigrate(ds);
    console.log(ran.length ? `ran: ${ran.join(', ')}` : 'schema is up to date');
    await ds.destroy();
    return;
  }
  if (command === 'drift' || command === 'generate') {
    const scratch = await createScratchDatabase(baseUrl, 'fq_drift');
    const ds = makeDataSource(scratch.url);
    try {
      await openAndMigrate(ds);
      const drift = await findDrift(ds);
      if (command === 'generate') {
        const down = (await ds.driver.createSchemaBuilder().log()).downQueries.map((q) => q.query).reverse();
        console.log(migrationClass(argv[1] ?? 'Next', drift, down));
      } else if (drift.length > 0) {
        console.error(`Entities and migrations disagree; a migration is missing:\n${drift.join(';\n')}`);
        process.exitCode = 1;
      } else {
        console.log('no drift');
      }
    } finally {
      await ds.destroy();
      await scratch.drop();
    }
    return;
  }
  console.error('usage: db.cli <migrate|drift|generate>');
  process.exitCode = 2;
}

function migrationClass(name: string, up: string[], down: string[]): string {
  const timestamp = Date.now();
  const lines = (qs: string[]) => qs.map((q) => `    await q.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(q: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(q: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}
