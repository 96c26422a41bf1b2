import { randomUUID } from 'node:crypto';
import {
  CommitteeProfileSetV1,
  DispatchSubjects,
  PeopleSubjects,
  type CommitteeProfileView,
  type InboxReferralView,
  type MediatorView,
  type Page,
} from '@fengqiao/contracts';
import { DEMO_AGENCY } from '@fengqiao/testing';
import {
  ADMIN,
  CLERK,
  COORDINATOR,
  failure,
  fieldsOf,
  HUANGLOU,
  kit,
  LULI,
  LULI_CLERK,
  MEDIATOR,
  MEDICAL,
  peopleServiceForThisFile,
  TRAFFIC_COMMITTEE,
} from './people.harness';

const people = peopleServiceForThisFile();

const profile = (over: object = {}) => ({
  committeeKind: 'street',
  name: '黄楼街道人民调解委员会',
  establishedOn: '2009-06-18',
  directorName: '张建国',
  membersCount: 11,
  disputeTypes: ['neighbour', 'land', 'marriage_family'],
  ...over,
});
const setProfile = (agencyId: string, body: object, actor = CLERK) =>
  people.send<CommitteeProfileView>(PeopleSubjects.committeeProfileSet, { ...body, agencyId }, actor);
const getProfile = (agencyId: string) =>
  people.send<CommitteeProfileView>(PeopleSubjects.committeeProfileGet, { agencyId }, COORDINATOR);
const committees = (query: object = {}) =>
  people.send<Page<CommitteeProfileView>>(PeopleSubjects.committeeList, query, COORDINATOR);

describe('committee profiles (调委会档案)', () => {
  it("sets a committee's profile after asking dispatch as the caller, reads it back, and reports it", async () => {
    const set = await setProfile(
      HUANGLOU,
      profile({
        stationedAt: {
          kind: 'police_station',
          agencyId: DEMO_AGENCY.huanglouPolice,
          note: '驻黄楼派出所调解室',
        },
      }),
    );
    expect(set).toMatchObject({
      agencyId: HUANGLOU,
      committeeKind: 'street',
      jurisdictionCode: '370781007000', // dispatch's, not the caller's
      directorName: '张建国',
      membersCount: 11,
      establishedOn: '2009-06-18',
      stationedAt: {
        kind: 'police_station',
        agencyId: DEMO_AGENCY.huanglouPolice,
        note: '驻黄楼派出所调解室',
      },
      updatedById: CLERK.id,
    });
    expect(await getProfile(HUANGLOU)).toEqual(set);
    const asked = (agencyId: string) => ({
      subject: DispatchSubjects.agencyGet,
      actor: CLERK,
      body: { agencyId },
    });
    expect(people.dispatch.asked).toEqual(
      expect.arrayContaining([asked(HUANGLOU), asked(DEMO_AGENCY.huanglouPolice)]),
    );
    const [event] = await people.events<CommitteeProfileSetV1>(
      CommitteeProfileSetV1.subject,
      (e) => e.agencyId === HUANGLOU,
    );
    expect(event).toMatchObject({
      agencyKind: 'people',
      committeeKind: 'street',
      jurisdictionCode: '370781007000',
      stationedAtKind: 'police_station',
      stationedAtAgencyId: DEMO_AGENCY.huanglouPolice,
      setBy: CLERK,
    });
  });

  it('changes a profile in place, one profile per agency, and an admin may set any', async () => {
    await setProfile(
      LULI,
      profile({ committeeKind: 'village', name: '卢李村人民调解委员会', membersCount: 5 }),
      LULI_CLERK,
    );
    const changed = await setProfile(
      LULI,
      profile({
        committeeKind: 'village',
        name: '卢李村人民调解委员会',
        membersCount: 7,
        directorName: '李守田',
      }),
      ADMIN,
    );
    expect(changed).toMatchObject({ membersCount: 7, directorName: '李守田', updatedById: ADMIN.id });
    expect(changed.stationedAt).toBeUndefined();
    expect((await committees({ committeeKind: 'village' })).items.filter((c) => c.agencyId === LULI)).toEqual(
      [changed],
    );
    await people.events<CommitteeProfileSetV1>(CommitteeProfileSetV1.subject, (e) => e.agencyId === LULI, 2);
  });

  it("answers 422 for an agency that is not a people's committee, 404 for one dispatch does not know", async () => {
    const police = await failure(setProfile(DEMO_AGENCY.huanglouPolice, profile(), ADMIN));
    expect([police.status, fieldsOf(police)]).toEqual([422, ['agencyId']]);
    expect(police.fields?.[0].reasonZh).toBe('该单位不是人民调解委员会');
    const unknown = randomUUID();
    expect((await failure(setProfile(unknown, profile(), ADMIN))).status).toBe(404);
    expect((await failure(getProfile(DEMO_AGENCY.huanglouPolice))).status).toBe(404);
  });

  it("keeps an industry committee's kind in step with the specialties dispatch routes by (422)", async () => {
    const medicalAsVillage = await failure(
      setProfile(
        MEDICAL,
        profile({ committeeKind: 'village', membersCount: 5, disputeTypes: ['medical'] }),
        ADMIN,
      ),
    );
    expect([medicalAsVillage.status, fieldsOf(medicalAsVillage)]).toEqual([422, ['committeeKind']]);

    const generalAsMedical = await failure(
      setProfile(HUANGLOU, profile({ committeeKind: 'industry_medical', disputeTypes: ['medical'] })),
    );
    expect([generalAsMedical.status, fieldsOf(generalAsMedical)]).toEqual([422, ['committeeKind']]);
    expect(generalAsMedical.message).toMatch(/needs dispatch to route medical disputes/);

    const trafficAsMedical = await failure(
      setProfile(
        TRAFFIC_COMMITTEE,
        profile({ committeeKind: 'industry_medical', disputeTypes: ['medical'] }),
        ADMIN,
      ),
    );
    expect([trafficAsMedical.status, fieldsOf(trafficAsMedical)]).toEqual([
      422,
      ['committeeKind', 'disputeTypes'],
    ]);

    const takesMore = await failure(
      setProfile(
        MEDICAL,
        profile({ committeeKind: 'industry_medical', disputeTypes: ['medical', 'neighbour'] }),
        ADMIN,
      ),
    );
    expect([takesMore.status, fieldsOf(takesMore)]).toEqual([422, ['disputeTypes']]);
    expect(takesMore.fields?.[0].reason).toMatch(/not \[neighbour\]/);

    const notItsOwn = await failure(
      setProfile(
        TRAFFIC_COMMITTEE,
        profile({ committeeKind: 'industry_traffic', disputeTypes: ['neighbour'] }),
        ADMIN,
      ),
    );
    expect(fieldsOf(notItsOwn)).toEqual(['disputeTypes']);

    expect(
      await setProfile(
        MEDICAL,
        profile({
          committeeKind: 'industry_medical',
          name: '青州市医疗纠纷人民调解委员会',
          disputeTypes: ['medical'],
        }),
        ADMIN,
      ),
    ).toMatchObject({
      committeeKind: 'industry_medical',
      disputeTypes: ['medical'],
      jurisdictionCode: '370781000000',
    });
  });

  it('checks the membership the law sets, the founding date and where it is stationed (422), the shape (400)', async () => {
    const tomorrow = new Date(Date.now() + 86400_000).toISOString().slice(0, 10);
    const bad = await failure(
      setProfile(
        DEMO_AGENCY.miheCommittee,
        profile({
          committeeKind: 'village',
          membersCount: 12,
          establishedOn: tomorrow,
          stationedAt: { kind: 'police_station', agencyId: DEMO_AGENCY.huanglouCourt },
        }),
        ADMIN,
      ),
    );
    expect([bad.status, fieldsOf(bad)]).toEqual([
      422,
      ['establishedOn', 'membersCount', 'stationedAt.agencyId'],
    ]);
    expect(bad.fields?.find((f) => f.field === 'membersCount')?.reasonZh).toMatch(/人民调解法第八条/);

    const nowhere = await failure(
      setProfile(HUANGLOU, profile({ stationedAt: { kind: 'court', agencyId: randomUUID() } })),
    );
    expect([nowhere.status, fieldsOf(nowhere)]).toEqual([422, ['stationedAt.agencyId']]);
    const itself = await failure(
      setProfile(HUANGLOU, profile({ stationedAt: { kind: 'other', agencyId: HUANGLOU } })),
    );
    expect(fieldsOf(itself)).toEqual(['stationedAt.agencyId']);
    expect(
      await setProfile(
        HUANGLOU,
        profile({ stationedAt: { kind: 'court', agencyId: DEMO_AGENCY.huanglouCourt } }),
      ),
    ).toMatchObject({ stationedAt: { kind: 'court', agencyId: DEMO_AGENCY.huanglouCourt } });
    // A street committee is not bound to nine members, but has three at least.
    expect((await failure(setProfile(HUANGLOU, profile({ membersCount: 2 })))).status).toBe(422);

    const shape = await failure(
      setProfile(
        HUANGLOU,
        profile({ committeeKind: 'club', disputeTypes: [], establishedOn: '18/06/2009', extra: 1 }),
      ),
    );
    expect([shape.status, fieldsOf(shape)]).toEqual([
      400,
      ['committeeKind', 'disputeTypes', 'establishedOn', 'extra'],
    ]);
  });

  it("lets only the committee's own staff (or an admin) set its profile: 403", async () => {
    for (const actor of [MEDIATOR, LULI_CLERK, COORDINATOR]) {
      expect((await failure(setProfile(HUANGLOU, profile({ membersCount: 4 }), actor))).status).toBe(403);
    }
    expect((await getProfile(HUANGLOU)).membersCount).not.toBe(4);
  });

  it('lists profiles by committee kind, jurisdiction subtree and dispute type, a page at a time', async () => {
    await setProfile(HUANGLOU, profile());
    await setProfile(
      LULI,
      profile({ committeeKind: 'village', name: '卢李村人民调解委员会', membersCount: 5 }),
      LULI_CLERK,
    );
    await setProfile(
      MEDICAL,
      profile({ committeeKind: 'industry_medical', name: '医调委', disputeTypes: ['medical'] }),
      ADMIN,
    );
    const ids = (p: Page<CommitteeProfileView>) => p.items.map((c) => c.agencyId);

    expect(ids(await committees({ jurisdictionCode: '370781007' }))).toEqual([HUANGLOU, LULI]);
    expect(ids(await committees({ jurisdictionCode: '370781007201' }))).toEqual([LULI]);
    expect(ids(await committees({ jurisdictionCode: '370781' }))).toEqual([MEDICAL, HUANGLOU, LULI]);
    expect(ids(await committees({ committeeKind: 'village', jurisdictionCode: '370781' }))).toEqual([LULI]);
    expect(ids(await committees({ disputeType: 'medical' }))).toEqual([MEDICAL]);
    expect(ids(await committees({ disputeType: 'land' }))).toEqual([HUANGLOU, LULI]);
    const second = await committees({ pageSize: 2, page: 2 });
    expect([second.total, second.page, ids(second)]).toEqual([3, 2, [LULI]]);

    const bad = await failure(committees({ committeeKind: 'guild', jurisdictionCode: '37' }));
    expect([bad.status, fieldsOf(bad)]).toEqual([400, ['committeeKind', 'jurisdictionCode']]);
  });
});

describe("a committee's 五老乡贤", () => {
  const register = (body: object) =>
    people.send<MediatorView>(kit.mediatorRegister, { agencyId: LULI, ...body }, LULI_CLERK);
  const fiveElders = (query: object = {}, actor = LULI_CLERK) =>
    people.send<Page<MediatorView>>(PeopleSubjects.fiveEldersList, { agencyId: LULI, ...query }, actor);

  it('lists the mediators of the five elders categories only, with their load: on duty, gold, lightest first', async () => {
    const teacher = await register({
      name: '王秀兰',
      category: 'old_teacher',
      specialties: ['neighbour'],
      phone: '13905361201',
    });
    const worthy = await register({
      name: '卢桂芳',
      category: 'local_worthy',
      gold: true,
      specialties: ['marriage_family'],
    });
    const cadre = await register({
      name: '李守田',
      category: 'old_cadre',
      gold: true,
      specialties: ['land'],
    });
    const resting = await register({ name: '赵德胜', category: 'old_soldier', onDuty: false });
    await register({ name: '孙立华', category: 'full_time', gold: true });
    await register({ name: '周律师', category: 'lawyer' });

    // 李守田 takes a referral: gold like 卢桂芳, but now busier.
    const r = await people.referral({ agencyId: LULI, actor: LULI_CLERK });
    await people.send<InboxReferralView>(
      kit.referralAssignMediator,
      { referralId: r.referralId, mediatorId: cadre.id },
      LULI_CLERK,
    );

    const all = await fiveElders();
    expect(all.total).toBe(4);
    expect(all.items.map((m) => [m.name, m.currentLoad])).toEqual([
      ['卢桂芳', 0],
      ['李守田', 1],
      ['王秀兰', 0],
      ['赵德胜', 0],
    ]);
    expect(all.items.find((m) => m.id === teacher.id)?.phone).toBe('139****1201');
    expect((await fiveElders({ category: 'old_teacher' })).items.map((m) => m.id)).toEqual([teacher.id]);
    expect((await fiveElders({ onDuty: 'false' })).items.map((m) => m.id)).toEqual([resting.id]);
    expect((await fiveElders({ gold: true, specialty: 'marriage_family' })).items.map((m) => m.id)).toEqual([
      worthy.id,
    ]);
    expect((await fiveElders({}, COORDINATOR)).total).toBe(4);

    const notAnElder = await failure(fiveElders({ category: 'full_time' }));
    expect([notAnElder.status, fieldsOf(notAnElder)]).toEqual([400, ['category']]);
    expect((await failure(fiveElders({}, CLERK))).status).toBe(403);
    expect((await fiveElders({}, { ...CLERK, agencyId: LULI, role: 'mediator' })).total).toBe(4);
  });
});
