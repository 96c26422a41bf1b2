import 'reflect-metadata';
import { makeAgencyDataSource } from '@fengqiao/agency-kit';
import { ensureDatabase, openAndMigrate } from '@fengqiao/database';
import { StationedCommittee } from '../hand-off/stationed-committee.entity';
import { policeMediation } from '../service';

/** The demo city's 驻所人民调解室 (ids from apps/dispatch/src/seed/demo-city.ts). */
const DEMO_STATIONED_COMMITTEES = [
  {
    stationAgencyId: '6a1f0c00-0000-4000-8000-000000000101', // 青州市公安局黄楼派出所
    committeeAgencyId: '6a1f0c00-0000-4000-8000-000000000301',
    committeeName: '黄楼街道人民调解委员会',
  },
];

/** Upserts the police service's demo data; running it again changes nothing. Development only. */
async function main() {
  if (process.env.NODE_ENV === 'production') throw new Error('the demo seed never runs in production');
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/fengqiao';
  await ensureDatabase(url);
  const dataSource = makeAgencyDataSource('police', url, policeMediation);
  await openAndMigrate(dataSource);
  await dataSource.getRepository(StationedCommittee).upsert(
    DEMO_STATIONED_COMMITTEES.map((c) => ({
      ...c,
      setAt: new Date('2026-01-01T00:00:00+08:00'),
      setById: 'demo-seed',
      setByName: '演示数据',
    })),
    ['stationAgencyId'],
  );
  console.log(`police demo data ready: ${DEMO_STATIONED_COMMITTEES.length} stationed committee(s)`);
  await dataSource.destroy();
}

main().catch((e: Error) => {
  console.error(`seeding the police demo data failed: ${e.message}`);
  process.exit(1);
});
