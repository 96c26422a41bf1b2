import type { INestMicroservice } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DispatchSubjects,
  ReferralAcceptedV1,
  ReferralStartedV1,
  type Actor,
  type CalendarYearView,
  type CaseView,
  type Page,
  type ReferralView,
  type SlaClockView,
  type SlaDryRunView,
  type SlaForecastView,
  type SlaPolicyRuleInput,
  type SlaPolicyView,
  type SupervisionView,
} from '@fengqiao/contracts';
import type { RpcClient } from '@fengqiao/messaging';
import {
  aDispute,
  bootService,
  DEMO_AGENCY,
  eventually,
  failure,
  TEST_ACTOR,
  TestStores,
} from '@fengqiao/testing';
import { DispatchModule } from '../src/app.module';
import { Case } from '../src/cases/case.entity';
import { Clock } from '../src/clock';
import { loadDispatchConfig } from '../src/config';
import { seedDemoCity } from '../src/seed/seed-demo-city';
import { SlaClocks } from '../src/sla/sla-clocks';
import { SlaTimerEngine } from '../src/sla/sla-timer-engine';

/**
 * SLA clocks end to end inside dispatch: a referral's 签收 clock warns and breaches once, 办结 runs
 * in working days across pauses, an extension and a change of urgency, the override table moves a
 * deadline into a year the shipped calendar does not know, and two sweeps never fire one clock twice.
 * The engine is driven here (SLA_TIMER=off) at moments the clock seam stands still.
 */

const COMMITTEE = DEMO_AGENCY.huanglouCommittee; // 黄楼街道人民调解委员会, default office hours
const staff: Actor = {
  id: 'u-hl-staff',
  name: '黄楼调委会 王干事',
  role: 'agency_staff',
  agencyId: COMMITTEE,
};
const otherStaff: Actor = {
  id: 'u-mihe-staff',
  name: '闵家村调委会 孙干事',
  role: 'agency_staff',
  agencyId: DEMO_AGENCY.miheCommittee,
};
const admin: Actor = { id: 'u-admin', name: '系统管理员', role: 'admin' };
const reporter: Actor = { id: 'u-rep', name: '网格员', role: 'reporter', jurisdictionCode: '370781007201' };

let stores: TestStores;
let app: INestMicroservice;
let rpc: RpcClient;
let dataSource: DataSource;
let engine: SlaTimerEngine;
let clock: jest.SpyInstance<Date, []>;

/** A Beijing wall-clock moment, e.g. at('2026-11-02 09:00'). */
const at = (beijing: string) => new Date(`${beijing.replace(' ', 'T')}:00+08:00`);
const setClock = (d: Date) => clock.mockImplementation(() => new Date(d));
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

const as = <T>(actor: Actor, subject: string, body: object) =>
  rpc.request<T>('dispatch', subject, actor, body);

const clocksOf = async (subjectId: string) =>
  (await as<Page<SlaClockView>>(TEST_ACTOR, DispatchSubjects.slaClockList, { subjectId, pageSize: 20 }))
    .items;
const clockOf = async (subjectId: string, kind: string) => {
  const found = (await clocksOf(subjectId)).filter((c) => c.kind === kind && c.state !== 'stopped');
  expect(found).toHaveLength(1);
  return as<SlaClockView>(TEST_ACTOR, DispatchSubjects.slaClockGet, { clockId: found[0].id });
};

/** Registers a neighbours' case in 卢李村 and refers it to the 黄楼 committee at `when`. */
async function referredAt(when: Date): Promise<{ kase: CaseView; referral: ReferralView }> {
  setClock(when);
  const kase = await as<CaseView>(TEST_ACTOR, DispatchSubjects.caseRegister, aDispute());
  const referral = await as<ReferralView>(TEST_ACTOR, DispatchSubjects.referralIssue, {
    caseId: kase.id,
    agencyId: COMMITTEE,
  });
  return { kase, referral };
}

async function acceptedAt(kase: CaseView, referral: ReferralView, when: Date): Promise<void> {
  await stores.publish(ReferralAcceptedV1, {
    referralId: referral.id,
    caseId: kase.id,
    agencyId: COMMITTEE,
    agencyKind: 'people',
    acceptedAt: when.toISOString(),
    acceptedBy: staff,
  });
  await eventually(
    () => clocksOf(referral.id),
    (cs) => cs.some((c) => c.kind === 'resolve'),
  );
}

/** Events in the outbox for one clock, by subject. */
async function outboxed(clockId: string): Promise<Record<string, number>> {
  const rows: { subject: string; n: number }[] = await dataSource.query(
    `SELECT subject, count(*)::int AS n FROM dispatch.outbox WHERE payload->>'clockId' = $1 GROUP BY subject`,
    [clockId],
  );
  return Object.fromEntries(rows.map((r) => [r.subject.replace('dispatch.sla_clock.', ''), r.n]));
}

const NORMAL: SlaPolicyRuleInput = {
  urgency: 'normal',
  accept: { amount: 2, unit: 'hours' },
  firstContact: { amount: 1, unit: 'working_days' },
  resolve: { amount: 15, unit: 'working_days' },
  followUp: { amount: 5, unit: 'working_days' },
  thresholds: [50, 80, 100],
  breachActions: ['remind', 'supervise'],
};
const URGENT: SlaPolicyRuleInput = {
  ...NORMAL,
  urgency: 'urgent',
  accept: { amount: 30, unit: 'minutes' },
  resolve: { amount: 5, unit: 'working_days' },
  breachActions: ['remind', 'supervise', 'reassign', 'escalate'],
};

beforeAll(async () => {
  stores = await TestStores.start();
  app = await bootService(
    DispatchModule.forRoot(loadDispatchConfig({ ...stores.env(), SLA_TIMER: 'off' })),
    'dispatch',
    stores,
  );
  dataSource = app.get(DataSource);
  engine = app.get(SlaTimerEngine);
  await seedDemoCity(dataSource);
  rpc = stores.rpc();
  clock = jest.spyOn(Clock.prototype, 'now');
});

afterAll(async () => {
  clock?.mockRestore();
  await app?.close();
  await stores?.close();
});

describe('a referral under the SLA policy', () => {
  let kase: CaseView;
  let referral: ReferralView;
  const issued = at('2026-11-02 09:00'); // a Monday

  it('starts 签收 on issue, warns at 50% and 80%, breaches at 100% once, and puts the breach on the 督办 list', async () => {
    ({ kase, referral } = await referredAt(issued));
    const accept = await clockOf(referral.id, 'accept');
    expect(accept).toMatchObject({
      state: 'running',
      policyVersion: 1,
      urgency: 'normal',
      target: { amount: 2, unit: 'hours' },
      startedAt: issued.toISOString(),
      dueAt: plus(issued, 120).toISOString(),
    });

    expect(await engine.fireDue(plus(issued, 59))).toBe(0);
    expect(await engine.fireDue(plus(issued, 61))).toBe(1);
    expect(await outboxed(accept.id)).toEqual({ 'started.v1': 1, 'warned.v1': 1 });
    // A second sweep at the same moment finds nothing due: the yellow warning fired once.
    expect(await engine.fireDue(plus(issued, 61))).toBe(0);
    // A late sweep fires every threshold passed, in order, each once.
    expect(await engine.fireDue(plus(issued, 180))).toBe(1);
    expect(await engine.fireDue(plus(issued, 240))).toBe(0);
    expect(await outboxed(accept.id)).toEqual({
      'started.v1': 1,
      'warned.v1': 2,
      'breached.v1': 1,
      'dispatch.supervision.opened.v1': 1,
    });
    const warned: { payload: { level: string; reachedAt: string } }[] = await dataSource.query(
      `SELECT payload FROM dispatch.outbox WHERE subject = 'dispatch.sla_clock.warned.v1' AND payload->>'clockId' = $1 ORDER BY seq`,
      [accept.id],
    );
    expect(warned.map((w) => [w.payload.level, w.payload.reachedAt])).toEqual([
      ['yellow', plus(issued, 60).toISOString()],
      ['orange', plus(issued, 96).toISOString()],
    ]);

    setClock(plus(issued, 185));
    const breached = await as<SlaClockView>(TEST_ACTOR, DispatchSubjects.slaClockGet, { clockId: accept.id });
    expect(breached).toMatchObject({ level: 'red', overdue: true });
    expect(breached.history.map((h) => h.step)).toEqual(['started', 'warned', 'warned', 'breached']);
    const supervisions = await as<Page<SupervisionView>>(TEST_ACTOR, DispatchSubjects.supervisionList, {
      caseId: kase.id,
    });
    expect(supervisions.items).toEqual([
      expect.objectContaining({
        status: 'open',
        clockKind: 'accept',
        agencyId: COMMITTEE,
        actions: ['remind', 'supervise'],
        reason: '签收超期：黄楼街道人民调解委员会',
      }),
    ]);
    const view = await as<CaseView>(TEST_ACTOR, DispatchSubjects.caseGet, { caseId: kase.id });
    expect(view.timeline.map((t) => t.step)).toContain('sla_breached');

    const closed = await as<SupervisionView>(TEST_ACTOR, DispatchSubjects.supervisionClose, {
      supervisionId: supervisions.items[0].id,
      note: '已电话督促签收',
    });
    expect(closed).toMatchObject({ status: 'closed', closingNote: '已电话督促签收' });
    expect(
      (
        await failure(
          as(TEST_ACTOR, DispatchSubjects.supervisionClose, { supervisionId: closed.id, note: 'x' }),
        )
      ).status,
    ).toBe(409);
  });

  it('stops 签收 late when the agency accepts, and starts 办结 in working days: 15 working days from Monday 2 November end on 23 November at 17:30', async () => {
    await acceptedAt(kase, referral, plus(issued, 190));
    const [accept] = (await clocksOf(referral.id)).filter((c) => c.kind === 'accept');
    expect(accept).toMatchObject({ state: 'stopped', stopReason: 'done', overdue: true });
    const resolve = await clockOf(referral.id, 'resolve');
    expect(resolve).toMatchObject({
      target: { amount: 15, unit: 'working_days' },
      startedAt: plus(issued, 190).toISOString(),
      dueAt: at('2026-11-23 17:30').toISOString(),
    });
    expect((await clockOf(referral.id, 'first_contact')).dueAt).toBe(at('2026-11-03 17:30').toISOString());
    await stores.publish(ReferralStartedV1, {
      referralId: referral.id,
      caseId: kase.id,
      agencyId: COMMITTEE,
      agencyKind: 'people',
      startedAt: at('2026-11-03 09:00').toISOString(),
      startedBy: staff,
    });
    const contact = await eventually(
      async () => (await clocksOf(referral.id)).find((c) => c.kind === 'first_contact')!,
      (c) => c.state === 'stopped',
    );
    expect(contact).toMatchObject({ stopReason: 'done', overdue: false });
  });

  it('pauses and resumes without losing or gaining time: two days paused move the deadline two working days', async () => {
    const resolve = await clockOf(referral.id, 'resolve');
    setClock(at('2026-11-04 10:00'));
    const paused = await as<SlaClockView>(staff, DispatchSubjects.slaClockPause, {
      clockId: resolve.id,
      reason: 'awaiting_appraisal',
      note: '等待伤情鉴定结论',
    });
    expect(paused).toMatchObject({ state: 'paused' });
    expect(paused.dueAt).toBeUndefined();
    const twice = await failure(
      as(staff, DispatchSubjects.slaClockPause, { clockId: resolve.id, reason: 'other', note: '再次暂停' }),
    );
    expect([twice.status, twice.messageZh]).toEqual([409, '计时已暂停，不能暂停']);

    setClock(at('2026-11-06 10:00'));
    const resumed = await as<SlaClockView>(staff, DispatchSubjects.slaClockResume, {
      clockId: resolve.id,
      note: '鉴定结论已出',
    });
    // Wednesday 10:00 → Friday 10:00 is 5.5 h + 7 h + 1.5 h = 14 working hours: two working days.
    expect(resumed).toMatchObject({ state: 'running', pausedMs: 14 * 3600_000 });
    expect(resumed.dueAt).toBe(at('2026-11-25 17:30').toISOString());
    expect(resumed.history.map((h) => h.step)).toEqual(['started', 'paused', 'resumed']);
    expect(resumed.history[1].summary).toContain('等待鉴定');
  });

  it('takes an extension the coordinator approves, in working days', async () => {
    const resolve = await clockOf(referral.id, 'resolve');
    const wrongUnit = await failure(
      as(staff, DispatchSubjects.slaExtensionRequest, {
        clockId: resolve.id,
        amount: 5,
        unit: 'hours',
        reason: '需要更多时间',
      }),
    );
    expect([wrongUnit.status, wrongUnit.fields?.[0].field]).toEqual([422, 'unit']);
    const requested = await as<SlaClockView>(staff, DispatchSubjects.slaExtensionRequest, {
      clockId: resolve.id,
      amount: 10,
      unit: 'working_days',
      reason: '当事人申请司法鉴定，需等待鉴定结论',
    });
    const ext = requested.extensions[0];
    expect(ext).toMatchObject({ status: 'pending', amount: 10 });
    const notTheirs = await failure(
      as(staff, DispatchSubjects.slaExtensionDecide, {
        clockId: resolve.id,
        extensionId: ext.id,
        approve: true,
        note: '同意',
      }),
    );
    expect(notTheirs.status).toBe(403);
    const approved = await as<SlaClockView>(TEST_ACTOR, DispatchSubjects.slaExtensionDecide, {
      clockId: resolve.id,
      extensionId: ext.id,
      approve: true,
      note: '同意延期 10 个工作日',
    });
    expect(approved.dueAt).toBe(at('2026-12-09 17:30').toISOString());
    expect(approved.extendedMs).toBe(10 * 7 * 3600_000);
    const again = await failure(
      as(TEST_ACTOR, DispatchSubjects.slaExtensionDecide, {
        clockId: resolve.id,
        extensionId: ext.id,
        approve: false,
        note: '驳回',
      }),
    );
    expect(again.status).toBe(409);
  });

  it('keeps its pause and extension when the case becomes urgent: 5 working days + 2 paused + 10 extended', async () => {
    setClock(at('2026-11-10 10:00'));
    const urgent = await as<CaseView>(TEST_ACTOR, DispatchSubjects.caseChangeRisk, {
      caseId: kase.id,
      riskLevel: 'major',
      reason: '一方扬言报复',
    });
    expect(urgent.riskLevel).toBe('major');
    const resolve = await clockOf(referral.id, 'resolve');
    expect(resolve).toMatchObject({
      urgency: 'urgent',
      target: { amount: 5, unit: 'working_days' },
      pausedMs: 14 * 3600_000,
      extendedMs: 70 * 3600_000,
      dueAt: at('2026-11-25 17:30').toISOString(),
    });
    expect(resolve.history.map((h) => h.step)).toContain('retargeted');
  });

  it('is seen by its own unit and the coordinator, not by another unit; a reporter may not pause it', async () => {
    const resolve = await clockOf(referral.id, 'resolve');
    expect(
      (await failure(as(otherStaff, DispatchSubjects.slaClockGet, { clockId: resolve.id }))).status,
    ).toBe(404);
    const own = await as<Page<SlaClockView>>(staff, DispatchSubjects.slaClockList, { pageSize: 100 });
    expect(own.items.every((c) => c.agencyId === COMMITTEE)).toBe(true);
    const byReporter = await failure(
      as(reporter, DispatchSubjects.slaClockPause, { clockId: resolve.id, reason: 'other', note: '暂停' }),
    );
    expect(byReporter.status).toBe(403);
  });
});

describe('the policy, the calendar and the forecast', () => {
  it('refuses a policy without a catch-all per urgency or with bad thresholds, naming each rule', async () => {
    const bad = await failure(
      as(admin, DispatchSubjects.slaPolicyPublish, {
        note: '缺兜底',
        rules: [
          { ...NORMAL, thresholds: [80, 50] },
          { ...NORMAL, disputeType: 'no_such_type' },
        ],
      }),
    );
    expect(bad.status).toBe(422);
    expect(bad.fields?.map((f) => f.field)).toEqual(['rules[0].thresholds', 'rules[1].disputeType', 'rules']);
    expect(
      (
        await failure(
          as(TEST_ACTOR, DispatchSubjects.slaPolicyPublish, { note: 'x', rules: [NORMAL, URGENT] }),
        )
      ).status,
    ).toBe(403);
  });

  it('moves a deadline across the new year when the override table enters 2027; older clocks keep their version', async () => {
    const v2 = await as<SlaPolicyView>(admin, DispatchSubjects.slaPolicyPublish, {
      note: '办结 8 个工作日（测试）',
      rules: [{ ...NORMAL, resolve: { amount: 8, unit: 'working_days' } }, URGENT],
    });
    expect(v2.version).toBe(2);
    const { kase, referral } = await referredAt(at('2026-12-24 09:00'));
    await acceptedAt(kase, referral, at('2026-12-24 09:00'));
    const before = await clockOf(referral.id, 'resolve');
    // 2027 is unknown: 1 January (a Friday) counts as a working day.
    expect(before).toMatchObject({ policyVersion: 2, dueAt: at('2027-01-05 17:30').toISOString() });
    const unknown = await as<CalendarYearView>(TEST_ACTOR, DispatchSubjects.slaCalendarGet, { year: 2027 });
    expect(unknown.known).toBe(false);

    setClock(at('2026-12-25 10:00'));
    const entered = await as<CalendarYearView>(admin, DispatchSubjects.slaCalendarSet, {
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(entered).toMatchObject({ year: 2027, known: true });
    expect(entered.clocksMoved).toBeGreaterThanOrEqual(1);
    const after = await clockOf(referral.id, 'resolve');
    expect(after.dueAt).toBe(at('2027-01-06 17:30').toISOString());
    expect(after.history.map((h) => h.step)).toContain('recomputed');
    const badDay = await failure(
      as(admin, DispatchSubjects.slaCalendarSet, {
        year: 2027,
        source: '通知',
        days: [{ date: '2028-01-01', kind: 'holiday', name: '元旦' }],
      }),
    );
    expect([badDay.status, badDay.fields?.[0].field]).toEqual([422, 'days[0].date']);
  });

  it('forecasts what falls due in the next hours, by unit and by street', async () => {
    setClock(at('2026-12-25 10:00'));
    const { referral } = await referredAt(at('2026-12-25 10:00'));
    const forecast = await as<SlaForecastView>(TEST_ACTOR, DispatchSubjects.slaForecast, { hours: 4 });
    expect(forecast.byAgency.find((a) => a.agencyId === COMMITTEE)?.count).toBeGreaterThanOrEqual(1);
    expect(forecast.byJurisdiction.map((j) => j.jurisdictionCode)).toContain('370781007000');
    const accept = await clockOf(referral.id, 'accept');
    expect(forecast.soonest.map((s) => s.clockId)).toContain(accept.id);
    const ownOnly = await failure(
      as(staff, DispatchSubjects.slaForecast, { hours: 4, agencyId: DEMO_AGENCY.miheCommittee }),
    );
    expect(ownOnly.status).toBe(403);
  });

  it('dry-runs a policy against the past 90 days: a 10-hour 签收 would not have breached the late acceptance', async () => {
    setClock(at('2026-12-26 10:00'));
    const run = await as<SlaDryRunView>(admin, DispatchSubjects.slaPolicyDryRun, {
      rules: [{ ...NORMAL, accept: { amount: 10, unit: 'hours' } }, URGENT],
    });
    expect(run.currentVersion).toBe(2);
    expect(run.referrals).toBeGreaterThanOrEqual(3);
    expect(run.total.acceptBreachesNow).toBeGreaterThan(run.total.acceptBreachesProposed);
    expect(run.byAgency[0]).toMatchObject({ agencyId: COMMITTEE });
    expect(run.byJurisdiction.map((j) => j.jurisdictionCode)).toContain('370781007000');
  });
});

describe('改派 on a missed 签收', () => {
  it('transfers an urgent referral nobody signed for to the best other agency, and records it on the 督办', async () => {
    const start = at('2027-01-11 09:00');
    setClock(start);
    const kase = await as<CaseView>(
      TEST_ACTOR,
      DispatchSubjects.caseRegister,
      aDispute({ riskLevel: 'major' }),
    );
    const referral = await as<ReferralView>(TEST_ACTOR, DispatchSubjects.referralIssue, {
      caseId: kase.id,
      agencyId: COMMITTEE,
    });
    expect((await clockOf(referral.id, 'accept')).target).toEqual({ amount: 30, unit: 'minutes' });
    await engine.fireDue(plus(start, 31));
    const moved = await eventually(
      () => as<ReferralView>(TEST_ACTOR, DispatchSubjects.referralGet, { referralId: referral.id }),
      (r) => r.status === 'transferred',
    );
    const [supervision] = (
      await as<Page<SupervisionView>>(TEST_ACTOR, DispatchSubjects.supervisionList, { caseId: kase.id })
    ).items;
    expect(supervision).toMatchObject({ actions: ['remind', 'supervise', 'reassign'] });
    const reassigned = await eventually(
      async () =>
        (await as<Page<SupervisionView>>(TEST_ACTOR, DispatchSubjects.supervisionList, { caseId: kase.id }))
          .items[0],
      (v) => v.reassignedToReferralId !== undefined,
    );
    const next = await as<ReferralView>(TEST_ACTOR, DispatchSubjects.referralGet, {
      referralId: reassigned.reassignedToReferralId!,
    });
    expect(next.agencyId).not.toBe(COMMITTEE);
    expect(next.status).toBe('issued');
    expect(moved.status).toBe('transferred');
    // The new agency owes its own 签收, from the moment of the transfer.
    expect((await clockOf(next.id, 'accept')).state).toBe('running');
  });
});

describe('the timer engine', () => {
  it('fires each clock exactly once when two sweeps race over the same due rows', async () => {
    const start = at('2027-02-01 09:00');
    setClock(start);
    const [kase] = await dataSource.manager.find(Case, { take: 1 });
    const clocks = app.get(SlaClocks);
    const ids = await dataSource.transaction(async (m) => {
      const out: string[] = [];
      for (let i = 0; i < 300; i++) {
        const c = await clocks.startWithDeadline(
          m,
          'task',
          {
            subjectId: kase.id,
            agency: {
              id: COMMITTEE,
              name: '黄楼街道人民调解委员会',
              kind: 'people',
              jurisdictionCode: '370781007000',
            },
          },
          kase,
          start,
          plus(start, 10),
        );
        out.push(c.id);
      }
      return out;
    });
    const sweepUntilDone = async () => {
      let total = 0;
      for (
        let n = await engine.fireDue(plus(start, 11), 25);
        n > 0;
        n = await engine.fireDue(plus(start, 11), 25)
      )
        total += n;
      return total;
    };
    const [a, b] = await Promise.all([sweepUntilDone(), sweepUntilDone()]);
    // Every clock was claimed by one sweep or the other (earlier tests' clocks, due by then too, as well).
    expect(a + b).toBeGreaterThanOrEqual(300);
    expect(Math.min(a, b)).toBeGreaterThan(0);
    const counts: { subject: string; per: number; clocks: number }[] = await dataSource.query(
      `SELECT subject, max(n)::int AS per, count(*)::int AS clocks FROM (
         SELECT subject, payload->>'clockId' AS id, count(*) AS n FROM dispatch.outbox
          WHERE payload->>'clockId' = ANY($1) AND subject IN ('dispatch.sla_clock.warned.v1', 'dispatch.sla_clock.breached.v1')
          GROUP BY 1, 2) x GROUP BY subject ORDER BY subject`,
      [ids],
    );
    expect(counts).toEqual([
      { subject: 'dispatch.sla_clock.breached.v1', per: 1, clocks: 300 },
      { subject: 'dispatch.sla_clock.warned.v1', per: 2, clocks: 300 },
    ]);
    const [{ n }] = await dataSource.query(
      'SELECT count(*)::int AS n FROM dispatch.supervisions WHERE clock_id = ANY($1)',
      [ids],
    );
    expect(n).toBe(300);
  });
});
