import type { DataSource } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { Jurisdiction, subtreePrefix } from '../agencies/jurisdiction.entity';
import { LadderPolicy } from '../ladder/ladder.entity';
import { DEMO_AGENCIES, DEMO_JURISDICTIONS, DEMO_LADDER_POLICIES } from './demo-city';

/** Upserts the demo city; running it again changes nothing. */
export async function seedDemoCity(
  dataSource: DataSource,
): Promise<{ jurisdictions: number; agencies: number }> {
  await dataSource.transaction(async (m) => {
    await m.upsert(
      Jurisdiction,
      DEMO_JURISDICTIONS.map((j) => ({ ...j, prefix: subtreePrefix(j.code) })),
      ['code'],
    );
    await m.upsert(
      Agency,
      DEMO_AGENCIES.map((a) => ({ published: false, specialties: [], ...a })),
      ['id'],
    );
    await m.upsert(
      LadderPolicy,
      DEMO_LADDER_POLICIES.map((p) => ({ ...p, chosenAt: new Date(), chosenById: 'seed' })),
      ['jurisdictionCode'],
    );
  });
  return { jurisdictions: DEMO_JURISDICTIONS.length, agencies: DEMO_AGENCIES.length };
}
