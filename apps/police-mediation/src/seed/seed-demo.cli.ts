import { runAgencySeed } from '@fengqiao/agency-kit';
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

/** `node apps/police-mediation/dist/seed/seed-demo.cli.js`: upserts, so running it again changes nothing. */
runAgencySeed(policeMediation, 'the police demo data', async (dataSource) => {
  await dataSource.getRepository(StationedCommittee).upsert(
    DEMO_STATIONED_COMMITTEES.map((c) => ({
      ...c,
      setAt: new Date('2026-01-01T00:00:00+08:00'),
      setById: 'demo-seed',
      setByName: '演示数据',
    })),
    ['stationAgencyId'],
  );
  return `police demo data ready: ${DEMO_STATIONED_COMMITTEES.length} stationed committee(s)`;
});
