import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type {
  Actor,
  ListSlaClocksQuery,
  ListSupervisionsQuery,
  Page,
  SlaClockView,
  SlaForecastQuery,
  SlaForecastView,
  SupervisionView,
} from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { forbidden, notFound } from '@fengqiao/errors';
import { Agency } from '../agencies/agency.entity';
import { Jurisdiction } from '../agencies/jurisdiction.entity';
import { Case } from '../cases/case.entity';
import { caseScopeOf, whereInCaseScope } from '../cases/case-scope';
import { subtreePrefix } from '../agencies/jurisdiction.entity';
import { iso } from '../cases/case.views';
import { Clock } from '../clock';
import { allowedMs, levelReached, usedAt } from './clock-arithmetic';
import { isClockVisible, whereClockVisible } from './clock-access';
import { SlaClock, SlaClockStep, SlaExtension } from './sla-clock.entity';
import { WorkingCalendars } from './working-calendars';
import { Supervision } from './supervision.entity';

/** Who watches deadlines across units. */
const WATCHERS = ['coordinator', 'leader'];

/** Clocks, the forecast and 督办 records, each within the caller's scope. */
@Injectable()
export class SlaQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: WorkingCalendars,
    private readonly time: Clock,
  ) {}

  async list(q: ListSlaClocksQuery, actor: Actor): Promise<Page<SlaClockView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const now = this.time.now();
    const qb = this.dataSource
      .getRepository(SlaClock)
      .createQueryBuilder('s')
      .innerJoin(Case, 'c', 'c.id = s.case_id');
    whereClockVisible(qb, actor);
    if (q.caseId) qb.andWhere('s.case_id = :caseId', { caseId: q.caseId });
    if (q.subjectId) qb.andWhere('s.subject_id = :subjectId', { subjectId: q.subjectId });
    if (q.agencyId) qb.andWhere('s.agency_id = :agencyId', { agencyId: q.agencyId });
    // Within the caller's scope (above): a place outside it lists nothing.
    if (q.jurisdictionCode)
      qb.andWhere('c.jurisdiction_code LIKE :prefix', { prefix: `${subtreePrefix(q.jurisdictionCode)}%` });
    if (q.kind) qb.andWhere('s.kind = :kind', { kind: q.kind });
    if (q.state) qb.andWhere('s.state = :state', { state: q.state });
    // At least this level: any warning (yellow), the one just below 100% (orange), or the breach (red).
    const reached = {
      yellow: 's.fired_percent > 0',
      orange: 's.fired_percent > 0 AND s.fired_percent >= s.thresholds[array_length(s.thresholds, 1) - 1]',
      red: 's.fired_percent >= 100',
    };
    if (q.level) qb.andWhere(reached[q.level]);
    if (q.overdue !== undefined) {
      const overdue =
        "((s.state = 'running' AND s.due_at < :now) OR (s.state <> 'running' AND s.used_ms > s.target_ms + s.extended_ms))";
      qb.andWhere(q.overdue ? overdue : `NOT ${overdue}`, { now });
    }
    const [rows, total] = await qb
      .orderBy('s.state', 'DESC')
      .addOrderBy('s.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('s.id', 'ASC')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.views(rows, now, false), page, pageSize, total };
  }

  async get(clockId: string, actor: Actor): Promise<SlaClockView> {
    const clock = await this.dataSource.manager.findOneBy(SlaClock, { id: clockId });
    const kase = clock ? await this.dataSource.manager.findOneBy(Case, { id: clock.caseId }) : null;
    if (!clock || !kase || !isClockVisible(actor, clock, kase.jurisdictionCode)) {
      throw notFound('SLA clock', '计时', clockId);
    }
    const [view] = await this.views([clock], this.time.now(), true);
    return view;
  }

  private async views(clocks: SlaClock[], now: Date, detail: boolean): Promise<SlaClockView[]> {
    if (clocks.length === 0) return [];
    const m = this.dataSource.manager;
    const ids = clocks.map((c) => c.id);
    const [cases, agencies, extensions, steps] = await Promise.all([
      m.findBy(Case, { id: In([...new Set(clocks.map((c) => c.caseId))]) }),
      m.findBy(Agency, { id: In([...new Set(clocks.map((c) => c.agencyId))]) }),
      m.find(SlaExtension, { where: { clockId: In(ids) }, order: { requestedAt: 'ASC' } }),
      detail
        ? m.find(SlaClockStep, { where: { clockId: In(ids) }, order: { seq: 'ASC' } })
        : Promise.resolve([]),
    ]);
    const measureOf = await this.calendars.measures(m);
    const views: SlaClockView[] = [];
    for (const c of clocks) {
      const kase = cases.find((k) => k.id === c.caseId)!;
      const measure = measureOf(c);
      const used = c.state === 'running' ? usedAt(c, measure, now) : c.usedMs;
      views.push({
        id: c.id,
        kind: c.kind,
        subjectId: c.subjectId,
        caseId: c.caseId,
        caseNumber: kase.caseNumber,
        agencyId: c.agencyId,
        agencyName: agencies.find((a) => a.id === c.agencyId)?.name ?? '',
        jurisdictionCode: kase.jurisdictionCode,
        urgency: c.urgency,
        policyVersion: c.policyVersion ?? undefined,
        target: { amount: c.targetAmount, unit: c.targetUnit },
        state: c.state,
        startedAt: c.startedAt.toISOString(),
        dueAt: iso(c.dueAt),
        usedPercent: Math.round((1000 * used) / allowedMs(c)) / 10,
        level: levelReached(c.thresholds, c.firedPercent),
        pausedMs: c.pausedMs,
        extendedMs: c.extendedMs,
        stoppedAt: iso(c.stoppedAt),
        stopReason: c.stopReason ?? undefined,
        overdue: used > allowedMs(c),
        extensions: extensions
          .filter((e) => e.clockId === c.id)
          .map((e) => ({
            id: e.id,
            amount: e.amount,
            unit: e.unit,
            reason: e.reason,
            status: e.status,
            requestedAt: e.requestedAt.toISOString(),
            requestedByName: e.requestedByName,
            decidedAt: iso(e.decidedAt),
            decidedByName: e.decidedByName ?? undefined,
            decisionNote: e.decisionNote ?? undefined,
          })),
        history: steps
          .filter((s) => s.clockId === c.id)
          .map((s) => ({
            at: s.at.toISOString(),
            step: s.step,
            summary: s.summary,
            actorName: s.actorName ?? undefined,
            dueAt: iso(s.dueAt),
          })),
      });
    }
    return views;
  }

  /**
   * 临期预测: running clocks whose deadline falls in the next `hours`, by unit and by 乡镇街道. A clock
   * that is paused has no deadline and is not forecast; one resumed later is.
   */
  async forecast(q: SlaForecastQuery, actor: Actor): Promise<SlaForecastView> {
    const scope = caseScopeOf(actor);
    if (scope.kind === 'none')
      throw forbidden(`the ${actor.role} role may not see deadlines`, '当前角色不能查看时限预测');
    if (scope.kind === 'agency' && q.agencyId && q.agencyId !== scope.agencyId) {
      throw forbidden('a unit sees its own deadlines only', '只能查看本单位的时限');
    }
    const from = this.time.now();
    const to = new Date(from.getTime() + (q.hours ?? 24) * 3600_000);
    const where: string[] = ["s.state = 'running'", 's.due_at >= $1', 's.due_at < $2'];
    const params: unknown[] = [from, to];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (scope.kind === 'subtree') add('k.jurisdiction_code LIKE ?', `${scope.prefix}%`);
    if (scope.kind === 'agency') add('s.agency_id = ?', scope.agencyId);
    if (q.jurisdictionCode) add('k.jurisdiction_code LIKE ?', `${subtreePrefix(q.jurisdictionCode)}%`);
    if (q.agencyId) add('s.agency_id = ?', q.agencyId);
    if (q.kind) add('s.kind = ?', q.kind);
    const base = `FROM dispatch.sla_clocks s JOIN dispatch.cases k ON k.id = s.case_id WHERE ${where.join(' AND ')}`;
    const m = this.dataSource.manager;
    const [byAgency, byPlace, soonest] = await Promise.all([
      m.query(
        `SELECT s.agency_id, a.name, a.jurisdiction_code, count(*)::int AS n, min(s.due_at) AS earliest
           ${base.replace('WHERE', 'JOIN dispatch.agencies a ON a.id = s.agency_id WHERE')}
          GROUP BY s.agency_id, a.name, a.jurisdiction_code ORDER BY n DESC, earliest ASC LIMIT 200`,
        params,
      ) as Promise<
        { agency_id: string; name: string; jurisdiction_code: string; n: number; earliest: Date }[]
      >,
      // 乡镇街道: the first nine digits of the case's place.
      m.query(
        `SELECT rpad(substr(k.jurisdiction_code, 1, 9), 12, '0') AS code, count(*)::int AS n ${base}
          GROUP BY 1 ORDER BY n DESC`,
        params,
      ) as Promise<{ code: string; n: number }[]>,
      m.query(
        `SELECT s.id, s.kind, k.case_number, a.name, s.due_at
           ${base.replace('WHERE', 'JOIN dispatch.agencies a ON a.id = s.agency_id WHERE')}
          ORDER BY s.due_at ASC LIMIT 50`,
        params,
      ) as Promise<
        { id: string; kind: SlaClockView['kind']; case_number: string; name: string; due_at: Date }[]
      >,
    ]);
    const names = await m.findBy(Jurisdiction, { code: In(byPlace.map((p) => p.code)) });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      total: byPlace.reduce((sum, p) => sum + p.n, 0),
      byAgency: byAgency.map((r) => ({
        agencyId: r.agency_id,
        agencyName: r.name,
        jurisdictionCode: r.jurisdiction_code,
        count: r.n,
        earliestDueAt: new Date(r.earliest).toISOString(),
      })),
      byJurisdiction: byPlace.map((p) => ({
        jurisdictionCode: p.code,
        jurisdictionName: names.find((n) => n.code === p.code)?.name ?? p.code,
        count: p.n,
      })),
      soonest: soonest.map((r) => ({
        clockId: r.id,
        kind: r.kind,
        caseNumber: r.case_number,
        agencyName: r.name,
        dueAt: new Date(r.due_at).toISOString(),
      })),
    };
  }

  /** 督办 records: coordinators and leaders see their 辖区's; a unit its own. */
  async supervisions(q: ListSupervisionsQuery, actor: Actor): Promise<Page<SupervisionView>> {
    const scope = caseScopeOf(actor);
    if (scope.kind === 'none' || (scope.kind === 'subtree' && !WATCHERS.includes(actor.role))) {
      throw forbidden(`the ${actor.role} role may not see 督办 records`, '当前角色不能查看督办记录');
    }
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.dataSource
      .getRepository(Supervision)
      .createQueryBuilder('v')
      .innerJoin(Case, 'c', 'c.id = v.case_id');
    if (scope.kind === 'subtree') whereInCaseScope(qb, scope);
    else qb.andWhere('v.agency_id = :sa', { sa: scope.agencyId });
    if (q.jurisdictionCode)
      qb.andWhere('c.jurisdiction_code LIKE :prefix', { prefix: `${subtreePrefix(q.jurisdictionCode)}%` });
    if (q.status) qb.andWhere('v.status = :status', { status: q.status });
    if (q.agencyId) qb.andWhere('v.agency_id = :agencyId', { agencyId: q.agencyId });
    if (q.caseId) qb.andWhere('v.case_id = :caseId', { caseId: q.caseId });
    const [rows, total] = await qb
      .orderBy('v.opened_at', 'DESC')
      .addOrderBy('v.id', 'ASC')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    const items = await this.supervisionViews(rows);
    return { items, page, pageSize, total };
  }

  async supervisionViews(rows: Supervision[]): Promise<SupervisionView[]> {
    if (rows.length === 0) return [];
    const m = this.dataSource.manager;
    const [cases, agencies, clocks] = await Promise.all([
      m.findBy(Case, { id: In([...new Set(rows.map((v) => v.caseId))]) }),
      m.findBy(Agency, { id: In([...new Set(rows.map((v) => v.agencyId))]) }),
      m.findBy(SlaClock, { id: In(rows.map((v) => v.clockId)) }),
    ]);
    return rows.map((v) => {
      const kase = cases.find((k) => k.id === v.caseId)!;
      return toSupervisionView(
        v,
        kase.caseNumber,
        kase.jurisdictionCode,
        clocks.find((c) => c.id === v.clockId)!.kind,
        agencies.find((a) => a.id === v.agencyId)?.name ?? '',
      );
    });
  }
}

export function toSupervisionView(
  v: Supervision,
  caseNumber: string,
  jurisdictionCode: string,
  clockKind: SupervisionView['clockKind'],
  agencyName: string,
): SupervisionView {
  return {
    id: v.id,
    status: v.status,
    clockId: v.clockId,
    clockKind,
    caseId: v.caseId,
    caseNumber,
    agencyId: v.agencyId,
    agencyName,
    jurisdictionCode,
    reason: v.reason,
    actions: v.actions,
    proposedLevel: v.proposedLevel ?? undefined,
    reassignedToReferralId: v.reassignedToReferralId ?? undefined,
    openedAt: v.openedAt.toISOString(),
    closedAt: iso(v.closedAt),
    closedByName: v.closedByName ?? undefined,
    closingNote: v.closingNote ?? undefined,
  };
}
