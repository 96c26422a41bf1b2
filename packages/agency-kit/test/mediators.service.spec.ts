import { randomUUID } from 'node:crypto';
import {
  FIVE_ELDERS_CATEGORIES,
  MediatorRegisteredV1,
  MediatorUpdatedV1,
  ReferralMediatorAssignedV1,
  type InboxReferralView,
  type MediatorView,
  type Page,
} from '@fengqiao/contracts';
import { PersonalDataCipher, personalDataKeysFromEnv } from '@fengqiao/pii';
import { DEMO_AGENCY, eventually } from '@fengqiao/testing';
import { MediatorQueries } from '../src';
import { COORDINATOR, failure, KitUnderTest, staffOf } from './support/mediation-work';

const HUANGLOU = DEMO_AGENCY.huanglouCommittee;
const LULI = DEMO_AGENCY.luliCommittee;
const clerk = staffOf(HUANGLOU);
const luliClerk = staffOf(LULI, 'u-luli-clerk', '赵文书');

let kit: KitUnderTest;
const list = (agencyId: string, query: object = {}, actor = staffOf(agencyId)) =>
  kit.send<Page<MediatorView>>(kit.subjects.mediatorList, { agencyId, pageSize: 100, ...query }, actor);
const assign = (referralId: string, mediatorId: string, actor = clerk) =>
  kit.send<InboxReferralView>(kit.subjects.referralAssignMediator, { referralId, mediatorId }, actor);

beforeAll(async () => {
  kit = await KitUnderTest.start('people');
});

afterAll(async () => {
  await kit?.close();
});

describe('the roster of mediators', () => {
  it('registers a mediator with the phone encrypted at rest and masked in every view, announcing it without the phone', async () => {
    const wang = await kit.registerMediator(clerk, {
      name: '王秀兰',
      category: 'old_teacher',
      specialties: ['neighbour', 'family'],
      gold: true,
      phone: '13812345678',
      userId: 'u-wang',
      introduction: '退休教师，调解邻里纠纷十二年',
    });
    expect(wang).toMatchObject({
      agencyId: HUANGLOU,
      name: '王秀兰',
      category: 'old_teacher',
      specialties: ['neighbour', 'family'],
      gold: true,
      onDuty: true,
      phone: '138****5678',
      userId: 'u-wang',
      currentLoad: 0,
    });
    const [row] = await kit.sql<{ phone_encrypted: string; phone_masked: string }>(
      'SELECT phone_encrypted, phone_masked FROM $schema.mediators WHERE id = $1',
      [wang.id],
    );
    expect(row.phone_encrypted).not.toContain('13812345678');
    expect(row.phone_masked).toBe('138****5678');
    const cipher = new PersonalDataCipher(personalDataKeysFromEnv({}).keys);
    expect(cipher.decrypt(row.phone_encrypted)).toBe('13812345678');

    const read = await kit.send<MediatorView>(
      kit.subjects.mediatorGet,
      { agencyId: HUANGLOU, mediatorId: wang.id },
      COORDINATOR,
    );
    expect(read.phone).toBe('138****5678');
    const registered = await eventually(
      () => kit.stores.events<MediatorRegisteredV1>(MediatorRegisteredV1.subject),
      (all) => all.some((e) => e.mediatorId === wang.id),
    );
    const event = registered.find((e) => e.mediatorId === wang.id)!;
    expect(event).toMatchObject({ agencyKind: 'people', name: '王秀兰', gold: true, registeredBy: clerk });
    expect(JSON.stringify(event)).not.toContain('5678');
  });

  it('lets only the agency’s own staff keep its roster, and refuses bad input field by field', async () => {
    const body = { name: '李调解', category: 'full_time' };
    const asMediator = staffOf(HUANGLOU, 'u-m', '某调解员', 'mediator');
    for (const actor of [asMediator, luliClerk, COORDINATOR])
      expect(
        (await failure(kit.send(kit.subjects.mediatorRegister, { agencyId: HUANGLOU, ...body }, actor)))
          .status,
      ).toBe(403);
    const bad = await failure(
      kit.registerMediator(clerk, {
        name: '',
        category: 'chief' as never,
        phone: '12345',
        specialties: ['Neighbour!'],
      }),
    );
    expect([bad.status, bad.fields?.map((f) => f.field).sort()]).toEqual([
      400,
      ['category', 'name', 'phone', 'specialties'],
    ]);
  });

  it('takes an identity account once per agency (409), and the same account in another agency', async () => {
    await kit.registerMediator(clerk, { name: '张一', category: 'part_time', userId: 'u-shared' });
    const again = await failure(
      kit.registerMediator(clerk, { name: '张二', category: 'part_time', userId: 'u-shared' }),
    );
    expect([again.status, again.messageZh]).toEqual([409, '账号 u-shared 已登记为本单位调解员']);
    expect(
      await kit.registerMediator(luliClerk, { name: '张一', category: 'part_time', userId: 'u-shared' }),
    ).toMatchObject({ agencyId: LULI, userId: 'u-shared' });
  });

  it('updates duty, 金牌, specialties, category and phone; removes the phone with null; 404 for another agency’s mediator', async () => {
    const li = await kit.registerMediator(clerk, {
      name: '李建国',
      category: 'part_time',
      phone: '13900001111',
    });
    const update = (body: object, actor = clerk, agencyId = HUANGLOU) =>
      kit.send<MediatorView>(kit.subjects.mediatorUpdate, { agencyId, mediatorId: li.id, ...body }, actor);
    const changed = await update({
      onDuty: false,
      gold: true,
      specialties: ['land'],
      category: 'old_cadre',
      phone: '13700002222',
    });
    expect(changed).toMatchObject({
      name: '李建国',
      onDuty: false,
      gold: true,
      specialties: ['land'],
      category: 'old_cadre',
      phone: '137****2222',
    });
    expect((await update({ phone: null })).phone).toBeUndefined();
    const [row] = await kit.sql<{ phone_encrypted: string | null }>(
      'SELECT phone_encrypted FROM $schema.mediators WHERE id = $1',
      [li.id],
    );
    expect(row.phone_encrypted).toBeNull();
    const updates = await eventually(
      () => kit.stores.events<MediatorUpdatedV1>(MediatorUpdatedV1.subject),
      (all) => all.filter((e) => e.mediatorId === li.id).length === 2,
    );
    expect(updates.filter((e) => e.mediatorId === li.id)[0]).toMatchObject({
      onDuty: false,
      gold: true,
      category: 'old_cadre',
    });

    expect((await failure(update({ gold: false }, luliClerk, LULI))).status).toBe(404);
    expect((await failure(update({ gold: false }, luliClerk))).status).toBe(403);
    const unknown = await failure(
      kit.send(kit.subjects.mediatorGet, { agencyId: HUANGLOU, mediatorId: randomUUID() }, clerk),
    );
    expect(unknown.status).toBe(404);
  });
});

describe('the list: load counted in the query, filters, order', () => {
  const MIHE = DEMO_AGENCY.miheCommittee;
  const miheClerk = staffOf(MIHE, 'u-mihe', '孙文书');

  it('orders on duty first, 金牌 first, the lightest load, then by name, counting only referrals being worked on', async () => {
    const add = (name: string, over: object = {}) =>
      kit.registerMediator(miheClerk, { name, category: 'full_time', specialties: ['neighbour'], ...over });
    const zhao = await add('赵刚', { gold: true });
    const chen = await add('陈红', { gold: true });
    const an = await add('安宁');
    await add('白雪', { category: 'old_party_member', specialties: ['land', 'family'] });
    const off = await add('丁一', { gold: true, onDuty: true });

    // 陈红 carries two (one accepted, one started), 赵刚 one; a closed and a returned one count for nobody.
    const work = async (mediatorId: string, then?: 'start' | 'close' | 'return') => {
      const e = await kit.accepted(miheClerk);
      await assign(e.referralId, mediatorId, miheClerk);
      if (then === 'start')
        await kit.send(kit.subjects.referralStart, { referralId: e.referralId }, miheClerk);
      if (then === 'close')
        await kit.send(
          kit.subjects.referralClose,
          { referralId: e.referralId, outcome: 'withdrawn', note: '撤回' },
          miheClerk,
        );
      if (then === 'return')
        await kit.send(
          kit.subjects.referralReturn,
          { referralId: e.referralId, reason: 'other', note: '误派' },
          miheClerk,
        );
    };
    await work(chen.id);
    await work(chen.id, 'start');
    await work(zhao.id);
    await work(an.id, 'close');
    await work(an.id, 'return');
    await kit.send(
      kit.subjects.mediatorUpdate,
      { agencyId: MIHE, mediatorId: off.id, onDuty: false },
      miheClerk,
    );

    const all = await list(MIHE);
    expect(all.items.map((m) => [m.name, m.currentLoad])).toEqual([
      ['赵刚', 1],
      ['陈红', 2],
      ['安宁', 0], // an → bai in pinyin order
      ['白雪', 0],
      ['丁一', 0],
    ]);
    expect(all.total).toBe(5);
    expect(
      (
        await kit.send<MediatorView>(
          kit.subjects.mediatorGet,
          { agencyId: MIHE, mediatorId: chen.id },
          miheClerk,
        )
      ).currentLoad,
    ).toBe(2);

    const names = async (query: object) => (await list(MIHE, query)).items.map((m) => m.name);
    expect(await names({ onDuty: false })).toEqual(['丁一']);
    expect(await names({ onDuty: 'true', gold: 'true' })).toEqual(['赵刚', '陈红']);
    expect(await names({ gold: false })).toEqual(['安宁', '白雪']);
    expect(await names({ category: 'old_party_member' })).toEqual(['白雪']);
    expect(await names({ specialty: 'land' })).toEqual(['白雪']);
    expect(await names({ q: '红' })).toEqual(['陈红']);
    expect(await names({ q: '%' })).toEqual([]);
    const page2 = await list(MIHE, { pageSize: 2, page: 2 });
    expect([page2.total, page2.items.map((m) => m.name)]).toEqual([5, ['安宁', '白雪']]);
    // The 五老乡贤 among them, as a service's own list (people-mediation's) asks for them.
    const elders = await kit.app
      .get(MediatorQueries)
      .list({ agencyId: MIHE, onDuty: true }, { categories: FIVE_ELDERS_CATEGORIES });
    expect(elders.items.map((m) => m.name)).toEqual(['白雪']);
    const bad = await failure(list(MIHE, { onDuty: 'maybe', category: 'boss', specialty: 'X' }));
    expect([bad.status, bad.fields?.map((f) => f.field).sort()]).toEqual([
      400,
      ['category', 'onDuty', 'specialty'],
    ]);
  });

  it('is open to coordinators and the agency’s own people, 403 to other agencies', async () => {
    expect((await list(MIHE, {}, COORDINATOR)).total).toBeGreaterThan(0);
    expect((await list(MIHE, {}, staffOf(MIHE, 'u-m2', '调解员', 'mediator'))).total).toBeGreaterThan(0);
    expect((await failure(list(MIHE, {}, luliClerk))).status).toBe(403);
  });
});

describe('承办调解员 (assigning a mediator in charge)', () => {
  it('assigns an on-duty mediator of the agency while the referral is worked on, and reassigns', async () => {
    const first = await kit.registerMediator(clerk, { name: '周平', category: 'full_time' });
    const second = await kit.registerMediator(clerk, { name: '吴敏', category: 'full_time' });
    const e = await kit.accepted(clerk);
    expect((await assign(e.referralId, first.id)).mediatorId).toBe(first.id);
    await kit.send(kit.subjects.referralStart, { referralId: e.referralId }, clerk);
    const again = await assign(e.referralId, second.id, staffOf(HUANGLOU, 'u-m3', '某调解员', 'mediator'));
    expect(again).toMatchObject({ status: 'in_progress', mediatorId: second.id });
    await assign(e.referralId, second.id); // the same one again: nothing to say
    const events = await kit.events<ReferralMediatorAssignedV1>(
      ReferralMediatorAssignedV1.subject,
      e.referralId,
      2,
    );
    expect(events).toEqual([
      expect.objectContaining({
        mediatorId: first.id,
        mediatorName: '周平',
        agencyKind: 'people',
        assignedBy: clerk,
      }),
      expect.objectContaining({ mediatorId: second.id, previousMediatorId: first.id }),
    ]);
    expect(events[0]).not.toHaveProperty('previousMediatorId');
    expect(
      (await kit.written(e.referralId)).filter((s) => s === ReferralMediatorAssignedV1.subject),
    ).toHaveLength(2);
  });

  it('refuses another agency’s, an unknown and an off-duty mediator (422 mediatorId), a referral not being worked on (409) and another agency’s referral (404)', async () => {
    const theirs = await kit.registerMediator(luliClerk, { name: '郑强', category: 'full_time' });
    const resting = await kit.registerMediator(clerk, { name: '冯静', category: 'full_time', onDuty: false });
    const ours = await kit.registerMediator(clerk, { name: '褚亮', category: 'full_time' });
    const e = await kit.accepted(clerk);
    for (const [mediatorId, zh] of [
      [theirs.id, `调解员 ${theirs.id} 不是本单位的调解员`],
      [randomUUID(), '不是本单位的调解员'],
      [resting.id, '调解员冯静不在岗，不能承办派单'],
    ]) {
      const refused = await failure(assign(e.referralId, mediatorId));
      expect([refused.status, refused.fields?.[0].field]).toEqual([422, 'mediatorId']);
      expect(refused.fields?.[0].reasonZh).toContain(zh);
    }
    const issued = await kit.issued(HUANGLOU);
    const early = await failure(assign(issued.referralId, ours.id));
    expect([early.status, early.messageZh]).toEqual([
      409,
      '派单待签收，不能指定承办调解员（只有已签收或办理中的派单可以指定承办调解员）',
    ]);
    await kit.send(
      kit.subjects.referralClose,
      { referralId: e.referralId, outcome: 'withdrawn', note: '撤回' },
      clerk,
    );
    expect((await failure(assign(e.referralId, ours.id))).status).toBe(409);
    const elsewhere = await kit.accepted(luliClerk);
    expect((await failure(assign(elsewhere.referralId, ours.id))).status).toBe(404);
    expect(await kit.written(e.referralId)).not.toContain(ReferralMediatorAssignedV1.subject);
  });
});
