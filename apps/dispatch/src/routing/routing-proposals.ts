import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  Actor,
  AgencyKind,
  AgencyProposalView,
  ProposalReasonView,
  ReferralRole,
  RoutingProposalView,
} from '@fengqiao/contracts';
import { notFound } from '@fengqiao/errors';
import { Agency } from '../agencies/agency.entity';
import { ancestorCodes, Jurisdiction } from '../agencies/jurisdiction.entity';
import { Case } from '../cases/case.entity';
import { caseScopeOf, whereInCaseScope } from '../cases/case-scope';
import { DispatchEnv, SCHEMA } from '../config';
import { referralKindsAt } from '../ladder/ladder.entity';
import { ladderLevel } from '../ladder/ladder-policy';
import { RoutingMatrix } from './routing-matrix';

/** How much each factor weighs in a proposal's score (they sum to 1). */
export const WEIGHTS = { matrix: 0.4, nearness: 0.25, load: 0.2, on_time: 0.15 } as const;
const LEVEL_ZH = ['本级', '上一级', '上两级', '上三级'];
const ROUND = (n: number) => Math.round(n * 1000) / 1000;

interface Candidate {
  agency: Agency;
  role: ReferralRole;
  /** Steps up the jurisdiction tree from the case to the agency (0 = same node). */
  distance: number;
  specialist: boolean;
  /** Chosen by the parties from the published list instead of the matrix (律师介入调). */
  fromRoster: boolean;
  /** Named by the case's rung of the ladder rather than (or above) the matrix. */
  byLadder: boolean;
}

/**
 * 派单建议: concrete agencies for a case, ranked by how the matrix names their kind, how near they
 * sit in the jurisdiction tree (village → town → district → city), their open load against capacity
 * and their on-time record, each proposal with its reasons.
 */
@Injectable()
export class RoutingProposals {
  constructor(
    private readonly dataSource: DataSource,
    private readonly matrix: RoutingMatrix,
    private readonly settings: DispatchEnv,
  ) {}

  async forCase(actor: Actor, caseId: string): Promise<RoutingProposalView> {
    const qb = this.dataSource
      .getRepository(Case)
      .createQueryBuilder('c')
      .where('c.id = :caseId', { caseId });
    const kase = await whereInCaseScope(qb, caseScopeOf(actor)).getOne();
    if (!kase) throw notFound('case', '案件', caseId);
    return this.propose(this.dataSource.manager, kase);
  }

  async propose(m: EntityManager, kase: Case): Promise<RoutingProposalView> {
    const node = await m.findOneByOrFail(Jurisdiction, { code: kase.jurisdictionCode });
    const version = await this.matrix.currentVersion(m);
    const [entries, rung] = await Promise.all([
      this.matrix.entriesFor(m, version, kase.disputeType, node.level),
      ladderLevel(m, kase.ladderCode, kase.ladderLevel),
    ]);
    const chain = ancestorCodes(kase.jurisdictionCode);
    // The matrix's kinds, and those the case's rung of the ladder names as its mediators (as leads).
    const kinds = new Map<AgencyKind, ReferralRole>(entries.map((e) => [e.agencyKind, e.role]));
    const byLadder = referralKindsAt(rung).filter((k) => kinds.get(k) !== 'lead');
    for (const kind of byLadder) kinds.set(kind, 'lead');
    const candidates =
      rung.mode === 'parties_choose_lawyer'
        ? await this.roster(m, kase)
        : await this.fromMatrix(m, kase, chain, kinds, byLadder);
    const scored = await this.score(m, candidates);
    const byScore = (a: AgencyProposalView, b: AgencyProposalView) =>
      b.score - a.score || a.agencyName.localeCompare(b.agencyName);
    return {
      caseId: kase.id,
      disputeType: kase.disputeType,
      jurisdictionLevel: node.level,
      ladderLevel: kase.ladderLevel,
      matrixVersion: version,
      leads: scored.filter((p) => p.role === 'lead').sort(byScore),
      coHandlers: scored.filter((p) => p.role === 'co').sort(byScore),
    };
  }

  /** Agencies at the case's node or above it whose kind the matrix names; specialised committees only for their types. */
  private async fromMatrix(
    m: EntityManager,
    kase: Case,
    chain: string[],
    kinds: Map<AgencyKind, ReferralRole>,
    byLadder: AgencyKind[],
  ): Promise<Candidate[]> {
    if (kinds.size === 0) return [];
    const agencies = await m
      .createQueryBuilder(Agency, 'a')
      .where('a.jurisdiction_code IN (:...chain)', { chain })
      .andWhere('a.kind IN (:...kinds)', { kinds: [...kinds.keys()] })
      .andWhere("(a.specialties = '{}' OR :type = ANY(a.specialties))", { type: kase.disputeType })
      .getMany();
    return agencies.map((agency) => ({
      agency,
      role: kinds.get(agency.kind as AgencyKind)!,
      distance: chain.indexOf(agency.jurisdictionCode),
      specialist: agency.specialties.includes(kase.disputeType),
      fromRoster: false,
      byLadder: byLadder.includes(agency.kind as AgencyKind),
    }));
  }

  /** 律师名录: every published lawyer studio of the case's district; the parties choose among them. */
  private async roster(m: EntityManager, kase: Case): Promise<Candidate[]> {
    const chain = ancestorCodes(kase.jurisdictionCode);
    const agencies = await m
      .createQueryBuilder(Agency, 'a')
      .where("a.kind = 'lawyer' AND a.published")
      .andWhere('left(a.jurisdiction_code, 6) = :district', { district: kase.jurisdictionCode.slice(0, 6) })
      .getMany();
    return agencies.map((agency) => {
      const up = chain.indexOf(agency.jurisdictionCode);
      return {
        agency,
        role: 'lead',
        distance: up < 0 ? 3 : up,
        specialist: false,
        fromRoster: true,
        byLadder: false,
      };
    });
  }

  private async score(m: EntityManager, candidates: Candidate[]): Promise<AgencyProposalView[]> {
    if (candidates.length === 0) return [];
    const ids = candidates.map((c) => c.agency.id);
    const [load, record] = await Promise.all([this.openLoad(m, ids), this.onTimeRecord(m, ids)]);
    // A type with its own committee (医调委 for 医患纠纷) goes there first: general agencies of the
    // same kind stay on the list, a step down.
    const specialistKinds = new Set(candidates.filter((c) => c.specialist).map((c) => c.agency.kind));
    return candidates.map((c) => {
      const open = load.get(c.agency.id) ?? 0;
      const history = record.get(c.agency.id);
      const reasons = [
        this.matrixReason(c, !c.specialist && specialistKinds.has(c.agency.kind)),
        this.nearnessReason(c),
        this.loadReason(open, c.agency.capacity),
        this.onTimeReason(history),
      ];
      return {
        agencyId: c.agency.id,
        agencyName: c.agency.name,
        agencyKind: c.agency.kind as AgencyKind,
        jurisdictionCode: c.agency.jurisdictionCode,
        role: c.role,
        score: ROUND(reasons.reduce((sum, r) => sum + r.value * r.weight, 0)),
        openReferrals: open,
        capacity: c.agency.capacity,
        onTimeRate: history ? ROUND(history.onTime / history.total) : undefined,
        reasons,
      };
    });
  }

  private matrixReason(c: Candidate, specialistElsewhere: boolean): ProposalReasonView {
    const weight = WEIGHTS.matrix;
    if (c.fromRoster) {
      return {
        factor: 'matrix',
        value: 1,
        weight,
        zh: '在律师名录中，由当事人自主选择',
        en: 'on the published list; the parties choose',
      };
    }
    if (c.byLadder) {
      return {
        factor: 'matrix',
        value: 0.8,
        weight,
        zh: '案件所处调解阶梯层级由该类单位调处',
        en: "the case's rung of the escalation ladder names this kind",
      };
    }
    const base = c.role === 'lead' ? (specialistElsewhere ? 0.5 : 0.8) : 0.5;
    const value = c.specialist ? 1 : base;
    const role = c.role === 'lead' ? { zh: '主办', en: 'lead' } : { zh: '协办', en: 'co-handler' };
    const why = c.specialist
      ? { zh: '，且为该类纠纷的专业调解组织', en: ', and it specialises in this type' }
      : specialistElsewhere
        ? { zh: '，但该类纠纷另有专业调解组织', en: ', but a committee specialises in this type' }
        : { zh: '', en: '' };
    return {
      factor: 'matrix',
      value,
      weight,
      zh: `责任矩阵规定该类单位${role.zh}${why.zh}`,
      en: `the matrix names this kind as ${role.en}${why.en}`,
    };
  }

  private nearnessReason(c: Candidate): ProposalReasonView {
    const value = Math.max(0, 1 - c.distance * 0.25);
    return {
      factor: 'nearness',
      value,
      weight: WEIGHTS.nearness,
      zh: `位于案件所在辖区${LEVEL_ZH[c.distance] ?? '更上级'}`,
      en:
        c.distance === 0
          ? "in the case's own jurisdiction"
          : `${c.distance} level(s) above the case's jurisdiction`,
    };
  }

  private loadReason(open: number, capacity: number): ProposalReasonView {
    const value = Math.max(0, 1 - open / Math.max(1, capacity));
    const over = open >= capacity;
    return {
      factor: 'load',
      value,
      weight: WEIGHTS.load,
      zh: `在办 ${open} 件，容量 ${capacity} 件${over ? '，已满负荷' : ''}`,
      en: `${open} open of a capacity of ${capacity}${over ? ', at or over capacity' : ''}`,
    };
  }

  private onTimeReason(history: { onTime: number; total: number } | undefined): ProposalReasonView {
    const hours = this.settings.ACCEPT_TARGET_HOURS;
    if (!history) {
      return {
        factor: 'on_time',
        value: 0.5,
        weight: WEIGHTS.on_time,
        zh: '近90天无派单记录，按中等计',
        en: 'no referrals in the last 90 days; counted as middling',
      };
    }
    const rate = history.onTime / history.total;
    return {
      factor: 'on_time',
      value: rate,
      weight: WEIGHTS.on_time,
      zh: `近90天 ${history.total} 件中 ${history.onTime} 件在 ${hours} 小时内签收`,
      en: `${history.onTime} of ${history.total} referrals in 90 days accepted within ${hours} h`,
    };
  }

  /** Open referrals per agency (the partial index on open referrals makes this a short scan). */
  private async openLoad(m: EntityManager, ids: string[]): Promise<Map<string, number>> {
    const rows: { agency_id: string; n: string }[] = await m.query(
      `SELECT agency_id, count(*) AS n FROM ${SCHEMA}.referrals
        WHERE agency_id = ANY($1) AND status IN ('issued', 'accepted', 'in_progress')
        GROUP BY agency_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.agency_id, Number(r.n)]));
  }

  /** Referrals of the last 90 days whose 签收 was due: how many were accepted in time. */
  private async onTimeRecord(
    m: EntityManager,
    ids: string[],
  ): Promise<Map<string, { onTime: number; total: number }>> {
    const rows: { agency_id: string; on_time: string; total: string }[] = await m.query(
      `SELECT agency_id,
              count(*) FILTER (WHERE accepted_at <= issued_at + make_interval(hours => $2)) AS on_time,
              count(*) AS total
         FROM ${SCHEMA}.referrals
        WHERE agency_id = ANY($1) AND issued_at >= now() - interval '90 days'
          AND (accepted_at IS NOT NULL OR issued_at < now() - make_interval(hours => $2))
        GROUP BY agency_id`,
      [ids, this.settings.ACCEPT_TARGET_HOURS],
    );
    return new Map(rows.map((r) => [r.agency_id, { onTime: Number(r.on_time), total: Number(r.total) }]));
  }
}
