import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type {
  Actor,
  DryRunSlaPolicyRequest,
  SlaDryRunFigures,
  SlaDryRunView,
  SlaPolicyKind,
  SlaUrgency,
} from '@fengqiao/contracts';
import { forbidden } from '@fengqiao/errors';
import { WorkingCalendar } from '@fengqiao/working-calendar';
import { Jurisdiction, subtreePrefix } from '../agencies/jurisdiction.entity';
import { caseScopeOf } from '../cases/case-scope';
import { Clock } from '../clock';
import { assertRole } from '../roles';
import { isWorkingUnit, targetMs, WALL_TIME, workingTime, type Measure } from './clock-arithmetic';
import type { SlaPolicyRule } from './sla-policy.entity';
import { matchRule, ruleRow, SlaPolicies, targetOf, urgencyOf } from './sla-policies';
import { WorkingCalendars } from './working-calendars';

/** A referral of the window with what its 签收 and 办结 took, and the pauses and extensions on record. */
interface PastReferral {
  agency_id: string;
  agency_name: string;
  agency_kind: string;
  agency_jurisdiction_code: string;
  case_jurisdiction_code: string;
  dispute_type: string;
  risk_level: string;
  violence_risk: boolean;
  issued_at: Date;
  accepted_at: Date | null;
  /** When the agency let go of it: returned, transferred or closed. */
  ended_at: Date | null;
  accept_paused_ms: string | null;
  accept_extended_ms: string | null;
  resolve_paused_ms: string | null;
  resolve_extended_ms: string | null;
  /** The urgency each clock ran under (the case's may have changed since). */
  accept_urgency: SlaUrgency | null;
  resolve_urgency: SlaUrgency | null;
}

const emptyFigures = (): SlaDryRunFigures => ({
  acceptMeasured: 0,
  acceptBreachesNow: 0,
  acceptBreachesProposed: 0,
  resolveMeasured: 0,
  resolveBreachesNow: 0,
  resolveBreachesProposed: 0,
});

/**
 * 试算: judges the referrals of the past N days by the policy in force and by a proposed one, the
 * same way for both (their own timestamps, pauses and approved extensions, today's calendar), so
 * the difference is the policy's alone. Nothing is written.
 */
@Injectable()
export class PolicyDryRun {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: SlaPolicies,
    private readonly calendars: WorkingCalendars,
    private readonly time: Clock,
  ) {}

  async execute(actor: Actor, input: DryRunSlaPolicyRequest): Promise<SlaDryRunView> {
    assertRole(actor, ['admin', 'coordinator', 'leader'], 'try out an SLA policy', '试算时限规则');
    const m = this.dataSource.manager;
    await this.policies.check(m, input.rules);
    const scope = caseScopeOf(actor);
    if (actor.role !== 'admin' && scope.kind !== 'subtree') throw forbidden('no jurisdiction', '无辖区');
    // The caller's 辖区 (the admin's is the whole hub), narrowed to the place asked for.
    const scopePrefix = scope.kind === 'subtree' ? scope.prefix : '';
    const placePrefix = input.jurisdictionCode ? subtreePrefix(input.jurisdictionCode) : '';
    const to = this.time.now();
    const from = new Date(to.getTime() - (input.days ?? 90) * 86400_000);
    const version = await this.policies.currentVersion(m);
    const current = await this.policies.rulesOf(m, version);
    const proposed = input.rules.map((r, i) => ({ ...ruleRow(0, r), id: -i - 1 }) as SlaPolicyRule);
    const rows: PastReferral[] = await m.query(
      `SELECT r.agency_id, a.name AS agency_name, a.kind AS agency_kind, a.jurisdiction_code AS agency_jurisdiction_code,
              k.jurisdiction_code AS case_jurisdiction_code, k.dispute_type, k.risk_level, k.violence_risk,
              r.issued_at, coalesce(r.accepted_at, r.started_at) AS accepted_at,
              CASE WHEN r.status IN ('returned', 'transferred', 'closed') THEN coalesce(r.closed_at, r.returned_at) END AS ended_at,
              ca.paused_ms AS accept_paused_ms, ca.extended_ms AS accept_extended_ms, ca.urgency AS accept_urgency,
              cr.paused_ms AS resolve_paused_ms, cr.extended_ms AS resolve_extended_ms, cr.urgency AS resolve_urgency
         FROM dispatch.referrals r
         JOIN dispatch.cases k ON k.id = r.case_id
         JOIN dispatch.agencies a ON a.id = r.agency_id
         LEFT JOIN LATERAL (SELECT paused_ms, extended_ms, urgency FROM dispatch.sla_clocks
                             WHERE subject_id = r.id AND kind = 'accept' ORDER BY started_at DESC LIMIT 1) ca ON true
         LEFT JOIN LATERAL (SELECT paused_ms, extended_ms, urgency FROM dispatch.sla_clocks
                             WHERE subject_id = r.id AND kind = 'resolve' ORDER BY started_at DESC LIMIT 1) cr ON true
        WHERE r.issued_at >= $1 AND r.issued_at < $2 AND k.jurisdiction_code LIKE $3 AND k.jurisdiction_code LIKE $4`,
      [from, to, `${scopePrefix}%`, `${placePrefix}%`],
    );
    // One calendar per agency place: its office hours on today's holiday data, read once.
    const overrides = await this.calendars.overrides(m);
    const calendars = new Map<string, WorkingCalendar>();
    const calendarFor = async (agencyPlace: string) => {
      let calendar = calendars.get(agencyPlace);
      if (!calendar) {
        const { periods } = await this.calendars.hoursFor(m, agencyPlace);
        calendar = new WorkingCalendar({ overrides, hours: periods });
        calendars.set(agencyPlace, calendar);
      }
      return calendar;
    };
    const total = emptyFigures();
    const byAgency = new Map<string, SlaDryRunFigures & { agencyName: string; jurisdictionCode: string }>();
    const byStreet = new Map<string, SlaDryRunFigures>();
    for (const r of rows) {
      const calendar = await calendarFor(r.agency_jurisdiction_code);
      const caseUrgency = urgencyOf({ riskLevel: r.risk_level, violenceRisk: r.violence_risk });
      const judge = (
        rules: SlaPolicyRule[],
        kind: SlaPolicyKind,
        start: Date,
        end: Date,
        pausedMs: number,
        extendedMs: number,
      ) => {
        const urgency = (kind === 'accept' ? r.accept_urgency : r.resolve_urgency) ?? caseUrgency;
        return breached(rules, r, urgency, kind, calendar, start, end, pausedMs, extendedMs);
      };
      const agency =
        byAgency.get(r.agency_id) ??
        byAgency
          .set(r.agency_id, {
            ...emptyFigures(),
            agencyName: r.agency_name,
            jurisdictionCode: r.agency_jurisdiction_code,
          })
          .get(r.agency_id)!;
      const street = r.case_jurisdiction_code.slice(0, 9).padEnd(12, '0');
      const place = byStreet.get(street) ?? byStreet.set(street, emptyFigures()).get(street)!;
      const figures = [total, agency, place];
      const acceptEnd = r.accepted_at ?? r.ended_at ?? to;
      const acceptPaused = Number(r.accept_paused_ms ?? 0);
      const acceptExtended = Number(r.accept_extended_ms ?? 0);
      const acceptNow = judge(current, 'accept', r.issued_at, acceptEnd, acceptPaused, acceptExtended);
      const acceptProposed = judge(proposed, 'accept', r.issued_at, acceptEnd, acceptPaused, acceptExtended);
      for (const f of figures) {
        f.acceptMeasured += 1;
        f.acceptBreachesNow += Number(acceptNow);
        f.acceptBreachesProposed += Number(acceptProposed);
      }
      if (r.accepted_at) {
        const end = r.ended_at ?? to;
        const paused = Number(r.resolve_paused_ms ?? 0);
        const extended = Number(r.resolve_extended_ms ?? 0);
        const now = judge(current, 'resolve', r.accepted_at, end, paused, extended);
        const prop = judge(proposed, 'resolve', r.accepted_at, end, paused, extended);
        for (const f of figures) {
          f.resolveMeasured += 1;
          f.resolveBreachesNow += Number(now);
          f.resolveBreachesProposed += Number(prop);
        }
      }
    }
    const change = (f: SlaDryRunFigures) =>
      Math.abs(f.acceptBreachesProposed - f.acceptBreachesNow) +
      Math.abs(f.resolveBreachesProposed - f.resolveBreachesNow);
    const names = await m.findBy(Jurisdiction, { code: In([...byStreet.keys()]) });
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      currentVersion: version,
      referrals: rows.length,
      total,
      byAgency: [...byAgency.entries()]
        .filter(([, f]) => change(f) > 0)
        .sort(([, a], [, b]) => change(b) - change(a))
        .slice(0, 100)
        .map(([agencyId, { agencyName, jurisdictionCode, ...f }]) => ({
          agencyId,
          agencyName,
          jurisdictionCode,
          ...f,
        })),
      byJurisdiction: [...byStreet.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, f]) => ({
          jurisdictionCode: code,
          jurisdictionName: names.find((n) => n.code === code)?.name ?? code,
          ...f,
        })),
    };
  }
}

/** Whether [start, end) used more than the rule allows, after the pauses and extensions on record. */
function breached(
  rules: SlaPolicyRule[],
  r: PastReferral,
  urgency: SlaUrgency,
  kind: SlaPolicyKind,
  calendar: WorkingCalendar,
  start: Date,
  end: Date,
  pausedMs: number,
  extendedMs: number,
): boolean {
  const rule = matchRule(rules, r.dispute_type, urgency, r.agency_kind);
  if (!rule) return false;
  const { amount, unit } = targetOf(rule, kind);
  const measure: Measure = isWorkingUnit(unit) ? workingTime(calendar) : WALL_TIME;
  const used = measure.between(start, end) - pausedMs;
  return used > targetMs(unit, amount, start, calendar) + extendedMs;
}
