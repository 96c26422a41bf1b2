import {
  LawyerSubjects,
  MediatorRegisteredV1,
  type Actor,
  type LawyerView,
  type Page,
  type RepresentationView,
} from '@fengqiao/contracts';
import {
  CITY_CLERK,
  CITY_STUDIO,
  CLERK,
  COORDINATOR,
  cipher,
  failure,
  idNumber,
  LawyerStudio,
  STUDIO,
} from './lawyer-studio';

let studio: LawyerStudio;

const REPORTER: Actor = {
  id: 'u-reporter',
  name: '卢网格员',
  role: 'reporter',
  jurisdictionCode: '370781007201',
};
const MEDIATOR: Actor = { id: 'u-lawyer', name: '张明', role: 'mediator', agencyId: STUDIO };

const roster = (query: object = {}, actor: Actor = REPORTER) =>
  studio.send<Page<LawyerView>>(LawyerSubjects.rosterList, { pageSize: 100, ...query }, actor);
const names = (page: Page<LawyerView>) => page.items.map((l) => l.name).sort();

beforeAll(async () => {
  studio = await LawyerStudio.start();
});

afterAll(async () => {
  await studio?.close();
});

describe('the lawyer roster (律师名录)', () => {
  it('registers a lawyer as a kit mediator (category lawyer) with a profile, phone encrypted and masked', async () => {
    const lawyer = await studio.register({ name: '刘守正', phone: '13912345678' });
    expect(lawyer).toMatchObject({
      agencyId: STUDIO,
      name: '刘守正',
      firm: '山东正和律师事务所',
      published: true,
      onDuty: true,
      phone: '139****5678',
      languages: ['普通话', '青州话'],
    });
    const [row] = await studio.db.query<{ category: string; phone_encrypted: string }[]>(
      'SELECT category, phone_encrypted FROM lawyer_mediation.mediators WHERE id = $1',
      [lawyer.id],
    );
    expect(row.category).toBe('lawyer');
    expect(row.phone_encrypted).not.toContain('13912345678');
    expect(cipher.decrypt(row.phone_encrypted)).toBe('13912345678');
    const events = await studio.events<MediatorRegisteredV1>(
      MediatorRegisteredV1.subject,
      (e) => e.mediatorId === lawyer.id,
    );
    expect(events).toEqual([expect.objectContaining({ category: 'lawyer', agencyKind: 'lawyer' })]);
  });

  it('keeps licence numbers unique across every studio (409) and checks their form (400)', async () => {
    const first = await studio.register();
    const again = await failure(
      studio.register({ licenceNumber: first.licenceNumber }, CITY_STUDIO, CITY_CLERK),
    );
    expect(again).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(again.messageZh).toContain('已在律师名录中');
    const short = await failure(studio.register({ licenceNumber: '1370720112345678' }));
    expect(short.status).toBe(400);
    expect(short.fields?.map((f) => f.field)).toEqual(['licenceNumber']);
  });

  it("lets only the studio's own staff keep its roster", async () => {
    expect((await failure(studio.register({}, STUDIO, MEDIATOR))).status).toBe(403);
    expect((await failure(studio.register({}, STUDIO, CITY_CLERK))).status).toBe(403);
    expect((await failure(studio.register({}, STUDIO, COORDINATOR))).status).toBe(403);
  });

  it('publishes only published lawyers, to every role, filtered by specialty, language, firm and studio', async () => {
    await studio.register({
      name: '王法援',
      firm: '山东明德律师事务所',
      specialties: ['labour'],
      languages: ['普通话', 'English'],
    });
    await studio.register({
      name: '周手语',
      firm: '山东明德律师事务所',
      specialties: ['medical'],
      languages: ['手语'],
    });
    await studio.register({
      name: '隐名',
      firm: '山东明德律师事务所',
      specialties: ['labour'],
      published: false,
    });
    await studio.register(
      { name: '市中心律师', firm: '山东明德律师事务所', specialties: ['labour'] },
      CITY_STUDIO,
      CITY_CLERK,
    );

    const all = await roster();
    expect(all.items.every((l) => l.published)).toBe(true);
    expect(names(all)).not.toContain('隐名');
    expect(all.items.every((l) => l.phone === undefined || l.phone.includes('****'))).toBe(true);

    expect(names(await roster({ specialty: 'labour' }))).toEqual(['市中心律师', '王法援']);
    expect(names(await roster({ language: 'English' }))).toEqual(['王法援']);
    expect(names(await roster({ language: '手语' }))).toEqual(['周手语']);
    expect(names(await roster({ firm: '明德', agencyId: STUDIO }))).toEqual(['周手语', '王法援']);
    expect(names(await roster({ agencyId: CITY_STUDIO }))).toEqual(['市中心律师']);
    const paged = await roster({ pageSize: 1, page: 2 });
    expect(paged).toMatchObject({ page: 2, pageSize: 1, total: all.total });
    expect(paged.items).toHaveLength(1);
  });

  it("lists the studio's own lawyers, unpublished too, to its staff and coordinators only", async () => {
    const own = (query: object = {}, actor: Actor = CLERK) =>
      studio.send<Page<LawyerView>>(
        LawyerSubjects.lawyerList,
        { agencyId: STUDIO, pageSize: 100, ...query },
        actor,
      );
    const hidden = await studio.register({ name: '未公布律师', published: false });
    expect((await own()).items.map((l) => l.id)).toContain(hidden.id);
    expect(names(await own({ published: false }))).toContain('未公布律师');
    expect((await own({ published: false })).items.every((l) => !l.published)).toBe(true);
    expect(names(await own({ q: '未公布' }))).toEqual(['未公布律师']);
    expect((await own({}, COORDINATOR)).total).toBeGreaterThan(0);
    expect((await failure(own({}, CITY_CLERK))).status).toBe(403);
    expect((await failure(own({}, REPORTER))).status).toBe(403);
  });

  it('publishes and unpublishes, takes a lawyer off duty, and changes specialties and languages', async () => {
    const lawyer = await studio.register({ name: '调整律师', specialties: ['land'] });
    const update = (body: object, actor: Actor = CLERK) =>
      studio.send<LawyerView>(
        LawyerSubjects.lawyerUpdate,
        { agencyId: STUDIO, lawyerId: lawyer.id, ...body },
        actor,
      );

    const hidden = await update({ published: false });
    expect(hidden.published).toBe(false);
    expect((await roster({ pageSize: 100 })).items.map((l) => l.id)).not.toContain(lawyer.id);

    const changed = await update({
      published: true,
      onDuty: false,
      specialties: ['tenancy'],
      languages: ['普通话', 'English'],
    });
    expect(changed).toMatchObject({ published: true, onDuty: false, specialties: ['tenancy'] });
    expect(changed.languages).toEqual(['普通话', 'English']);
    expect(names(await roster({ specialty: 'tenancy', onDuty: false }))).toEqual(['调整律师']);
    expect((await update({ phone: null })).phone).toBeUndefined();

    // Another studio's lawyer does not exist for this one.
    const theirs = await studio.register({}, CITY_STUDIO, CITY_CLERK);
    const stranger = await failure(
      studio.send(LawyerSubjects.lawyerUpdate, { agencyId: STUDIO, lawyerId: theirs.id, onDuty: false }),
    );
    expect(stranger.status).toBe(404);
  });
});

describe('prior representations (代理记录)', () => {
  const record = (lawyerId: string, body: object, actor: Actor = CLERK) =>
    studio.send<RepresentationView>(
      LawyerSubjects.representationRecord,
      { agencyId: STUDIO, lawyerId, ...body },
      actor,
    );

  it('stores the client ID number encrypted with its lookup hash, and shows it masked', async () => {
    const lawyer = await studio.register({ name: '代理律师' });
    const id = idNumber('19850315', 12);
    const view = await record(lawyer.id, {
      clientName: '王某某',
      clientKind: 'person',
      clientIdNumber: id,
      matter: '王某某与李某民间借贷纠纷，代理原告',
      from: '2024-03-01',
      to: '2024-09-30',
    });
    expect(view).toMatchObject({
      lawyerId: lawyer.id,
      firm: '山东正和律师事务所',
      clientName: '王某某',
      clientIdNumber: '3707**********0120',
      from: '2024-03-01',
      to: '2024-09-30',
    });
    const [row] = await studio.db.query<Record<string, string>[]>(
      'SELECT * FROM lawyer_mediation.lawyer_representations WHERE id = $1',
      [view.id],
    );
    expect(JSON.stringify(row)).not.toContain(id);
    expect(row.client_id_number_hash).toBe(cipher.lookupHash(id));
    expect(row.client_name_hash).toBe(cipher.lookupHash('王某某'));

    const list = await studio.send<Page<RepresentationView>>(
      LawyerSubjects.representationList,
      { agencyId: STUDIO, lawyerId: lawyer.id },
      COORDINATOR,
    );
    expect(list.items).toEqual([
      expect.objectContaining({ id: view.id, clientIdNumber: '3707**********0120' }),
    ]);
  });

  it('refuses an end before the start (422), a bad ID number (400) and strangers (403)', async () => {
    const lawyer = await studio.register();
    const body = { clientName: '李某', clientKind: 'person', matter: '劳动争议仲裁', from: '2024-03-01' };
    const backwards = await failure(record(lawyer.id, { ...body, to: '2024-01-01' }));
    expect(backwards).toMatchObject({ status: 422 });
    expect(backwards.fields?.[0].field).toBe('to');
    expect((await failure(record(lawyer.id, { ...body, clientIdNumber: '370781198503150121' }))).status).toBe(
      400,
    );
    expect((await failure(record(lawyer.id, { ...body, from: '2024-02-30' }))).status).toBe(400);
    expect((await failure(record(lawyer.id, body, CITY_CLERK))).status).toBe(403);
  });
});
