import type { DataSource } from 'typeorm';
import { makeAgencyDataSource, Mediator } from '@fengqiao/agency-kit';
import { createScratchDatabase, openAndMigrate, type ScratchDatabase } from '@fengqiao/database';
import { PersonalDataCipher, personalDataKeysFromEnv } from '@fengqiao/pii';
import { CommitteeProfile } from '../src/committees/committee-profile.entity';
import { seedDemoCommittees } from '../src/seed/demo-committees';
import { peopleMediation } from '../src/service';

let db: ScratchDatabase;
let dataSource: DataSource;
const cipher = new PersonalDataCipher(personalDataKeysFromEnv({}).keys);

beforeAll(async () => {
  db = await createScratchDatabase(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  dataSource = makeAgencyDataSource('people', db.url, peopleMediation);
  await openAndMigrate(dataSource);
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

describe("the demo committees' seed", () => {
  it('adds the six committees and their thirteen mediators once, keeping what was changed since', async () => {
    expect(await seedDemoCommittees(dataSource, cipher)).toEqual({ profiles: 6, mediators: 13 });
    const profiles = dataSource.getRepository(CommitteeProfile);
    await profiles.update({ agencyId: '6a1f0c00-0000-4000-8000-000000000302' }, { membersCount: 7 });

    expect(await seedDemoCommittees(dataSource, cipher)).toEqual({ profiles: 0, mediators: 0 });
    const luli = await profiles.findOneByOrFail({ agencyId: '6a1f0c00-0000-4000-8000-000000000302' });
    expect([luli.membersCount, luli.updatedById]).toEqual([7, 'seed']);

    const elder = await dataSource
      .getRepository(Mediator)
      .findOneByOrFail({ id: '6a1f0c00-0000-4000-8600-000000000001' });
    expect(elder).toMatchObject({ name: '王秀兰', gold: true, onDuty: true, userId: null });
    expect(elder.phoneMasked).toBe('139****1201');
    expect(cipher.decrypt(elder.phoneEncrypted!)).toBe('13905361201');
    const plain = await dataSource
      .getRepository(Mediator)
      .findOneByOrFail({ id: '6a1f0c00-0000-4000-8600-000000000003' });
    expect(plain.gold).toBe(false);
  });
});
