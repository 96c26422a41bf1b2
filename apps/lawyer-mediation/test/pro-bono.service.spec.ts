import {
  agencySubjects,
  LawyerSubjects,
  ProBonoHoursRecordedV1,
  type Actor,
  type LawyerView,
  type ProBonoHoursPage,
  type ProBonoHoursView,
} from '@fengqiao/contracts';
import { beijingDay } from '@fengqiao/agency-kit';
import { CITY_CLERK, CITY_STUDIO, CLERK, failure, LawyerStudio, STUDIO } from './lawyer-studio';

let studio: LawyerStudio;
let liu: LawyerView;
let ma: LawyerView;
let referralId: string;

const LEADER: Actor = {
  id: 'u-leader',
  name: '青州市领导',
  role: 'leader',
  jurisdictionCode: '370781000000',
};
const day = (daysAgo: number) => beijingDay(new Date(Date.now() - daysAgo * 86_400_000));

const record = (body: object, on = referralId, actor: Actor = CLERK) =>
  studio.send<ProBonoHoursView>(LawyerSubjects.proBonoHoursRecord, { referralId: on, ...body }, actor);
const report = (query: object = {}, actor: Actor = CLERK) =>
  studio.send<ProBonoHoursPage>(LawyerSubjects.proBonoHoursList, { agencyId: STUDIO, ...query }, actor);

beforeAll(async () => {
  studio = await LawyerStudio.start();
  liu = await studio.register({ name: '刘公益' });
  ma = await studio.register({ name: '马公益', firm: '山东明德律师事务所', published: false });
  referralId = await studio.anAcceptedReferral(studio.aCase([{ name: '王某' }, { name: '李某' }]));
  // The referral was accepted ten days ago, so hours can be recorded on the days since.
  await studio.db.query(
    "UPDATE lawyer_mediation.referrals SET accepted_at = now() - interval '10 days' WHERE id = $1",
    [referralId],
  );
});

afterAll(async () => {
  await studio?.close();
});

describe('公益服务时长 (pro bono hours)', () => {
  it('records half-hour steps for a lawyer of the studio, with an event', async () => {
    const entry = await record({ lawyerId: liu.id, date: day(3), hours: 2.5, activity: '主持调解' });
    expect(entry).toMatchObject({
      lawyerId: liu.id,
      lawyerName: '刘公益',
      referralId,
      date: day(3),
      hours: 2.5,
      activity: '主持调解',
      recordedBy: CLERK.name,
    });
    const [event] = await studio.events<ProBonoHoursRecordedV1>(
      ProBonoHoursRecordedV1.subject,
      (e) => e.entryId === entry.id,
    );
    expect(event).toMatchObject({ lawyerId: liu.id, hours: 2.5, date: day(3), agencyKind: 'lawyer' });
  });

  it('takes hours only in steps of 0.5, and at most 12 a day for one lawyer (422)', async () => {
    expect(
      (await failure(record({ lawyerId: liu.id, date: day(2), hours: 0.3, activity: '电话沟通' }))).status,
    ).toBe(400);
    expect(
      (await failure(record({ lawyerId: liu.id, date: day(2), hours: 12.5, activity: '整日' }))).status,
    ).toBe(400);
    await record({ lawyerId: liu.id, date: day(2), hours: 8, activity: '现场调解' });
    await record({ lawyerId: liu.id, date: day(2), hours: 4, activity: '起草调解协议' });
    const over = await failure(record({ lawyerId: liu.id, date: day(2), hours: 0.5, activity: '回访' }));
    expect(over).toMatchObject({ status: 422 });
    expect(over.fields?.[0]).toMatchObject({ field: 'hours' });
    expect(over.messageZh).toContain('已登记12小时');
    // Another lawyer's day, and the same lawyer's next day, are their own.
    await record({ lawyerId: ma.id, date: day(2), hours: 1, activity: '协助调解' });
    await record({ lawyerId: liu.id, date: day(1), hours: 0.5, activity: '回访' });
  });

  it('refuses a future day, a day before 签收, and a lawyer of another studio (422)', async () => {
    const future = await failure(record({ lawyerId: liu.id, date: day(-2), hours: 1, activity: '预约' }));
    expect(future.fields?.[0].field).toBe('date');
    const early = await failure(record({ lawyerId: liu.id, date: day(30), hours: 1, activity: '咨询' }));
    expect(early.fields?.[0].field).toBe('date');
    const stranger = await studio.register({ name: '外所律师' }, CITY_STUDIO, CITY_CLERK);
    const theirs = await failure(record({ lawyerId: stranger.id, date: day(1), hours: 1, activity: '咨询' }));
    expect(theirs.fields?.[0]).toMatchObject({ field: 'lawyerId' });
  });

  it('goes on a referral in hand or closed, not one still to be accepted (409) nor another studio’s (404)', async () => {
    const issued = await studio.anIssuedReferral(studio.aCase([{ name: '周某' }]));
    const body = { lawyerId: liu.id, date: day(0), hours: 1, activity: '咨询' };
    expect((await failure(record(body, issued))).status).toBe(409);
    expect((await failure(record(body, referralId, CITY_CLERK))).status).toBe(404);
    const closing = await studio.anAcceptedReferral(studio.aCase([{ name: '吴某' }]));
    await studio.send(agencySubjects('lawyer').referralClose, {
      referralId: closing,
      outcome: 'resolved',
      note: '达成协议',
      agreementSummary: '分期还款',
    });
    expect((await record({ ...body, hours: 1.5 }, closing)).hours).toBe(1.5);
  });

  it('reports per-lawyer totals over the period with a page of entries', async () => {
    const all = await report();
    expect(all.totals).toEqual([
      expect.objectContaining({
        lawyerId: liu.id,
        name: '刘公益',
        firm: '山东正和律师事务所',
        hours: 16.5,
        entries: 5,
      }),
      expect.objectContaining({
        lawyerId: ma.id,
        name: '马公益',
        firm: '山东明德律师事务所',
        hours: 1,
        entries: 1,
      }),
    ]);
    expect(all.totalHours).toBe(17.5);
    expect(all.total).toBe(6);
    expect(all.items.map((e) => e.date)).toEqual([...all.items.map((e) => e.date)].sort().reverse());

    const twoDaysAgo = await report({ from: day(2), to: day(2) });
    expect(twoDaysAgo.totals.map((t) => [t.name, t.hours])).toEqual([
      ['刘公益', 12],
      ['马公益', 1],
    ]);
    const onlyMa = await report({ lawyerId: ma.id });
    expect(onlyMa).toMatchObject({ total: 1, totalHours: 1 });
    const page = await report({ pageSize: 2, page: 2 });
    expect(page.items).toHaveLength(2);
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: 6, totalHours: 17.5 });
    expect((await failure(report({ from: day(1), to: day(2) }))).fields?.[0].field).toBe('to');
  });

  it('is read by the studio, coordinators and leaders, not by another studio (403)', async () => {
    expect((await report({}, LEADER)).totalHours).toBe(17.5);
    expect((await failure(report({}, CITY_CLERK))).status).toBe(403);
  });
});
