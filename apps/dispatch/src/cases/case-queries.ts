import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  Actor,
  CaseLinkView,
  CaseSummaryView,
  CaseView,
  ListCasesQuery,
  Page,
} from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { notFound } from '@fengqiao/errors';
import { subtreePrefix } from '../agencies/jurisdiction.entity';
import { SCHEMA } from '../config';
import { CaseEscalation } from '../ladder/case-escalation.entity';
import { ladderLevel } from '../ladder/ladder-policy';
import { Referral } from '../referrals/referral.entity';
import { Case } from './case.entity';
import { caseScopeOf, whereInCaseScope } from './case-scope';
import { toCaseSummaryView, toCaseView } from './case.views';
import { TimelineEntry } from './timeline-entry.entity';

@Injectable()
export class CaseQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** One case with its parties, referrals and timeline; a case outside the actor's scope is "not found". */
  async get(caseId: string, actor: Actor): Promise<CaseView> {
    const qb = this.dataSource
      .getRepository(Case)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.parties', 'p')
      .where('c.id = :caseId', { caseId });
    const kase = await whereInCaseScope(qb, caseScopeOf(actor)).getOne();
    if (!kase) throw notFound('case', '案件', caseId);
    const m = this.dataSource.manager;
    const [referrals, timeline, rung, links, escalations] = await Promise.all([
      m.find(Referral, { where: { caseId }, relations: { agency: true }, order: { issuedAt: 'ASC' } }),
      m.find(TimelineEntry, { where: { caseId }, order: { at: 'ASC', seq: 'ASC' } }),
      ladderLevel(m, kase.ladderCode, kase.ladderLevel),
      this.links(caseId),
      m.find(CaseEscalation, { where: { caseId }, order: { escalatedAt: 'ASC' } }),
    ]);
    return toCaseView(kase, { referrals, timeline, rung, links, escalations });
  }

  /** Links both ways: earlier cases this one repeats, and later ones that repeat it. */
  private async links(caseId: string): Promise<CaseLinkView[]> {
    const rows: { case_id: string; case_number: string; reason: string }[] = await this.dataSource.query(
      `SELECT c.id AS case_id, c.case_number, l.reason
         FROM ${SCHEMA}.case_links l
         JOIN ${SCHEMA}.cases c ON c.id = CASE WHEN l.case_id = $1 THEN l.linked_case_id ELSE l.case_id END
        WHERE l.case_id = $1 OR l.linked_case_id = $1
        ORDER BY c.registered_at`,
      [caseId],
    );
    return rows.map((r) => ({ caseId: r.case_id, caseNumber: r.case_number, reason: r.reason }));
  }

  async list(q: ListCasesQuery, actor: Actor): Promise<Page<CaseSummaryView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const qb = whereInCaseScope(
      this.dataSource.getRepository(Case).createQueryBuilder('c'),
      caseScopeOf(actor),
    );
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.jurisdictionCode)
      qb.andWhere('c.jurisdiction_code LIKE :prefix', { prefix: `${subtreePrefix(q.jurisdictionCode)}%` });
    if (q.disputeType) qb.andWhere('c.dispute_type = :type', { type: q.disputeType });
    if (q.riskLevel) qb.andWhere('c.risk_level = :risk', { risk: q.riskLevel });
    if (q.violenceRisk !== undefined)
      qb.andWhere('c.violence_risk = :violence', { violence: q.violenceRisk });
    if (q.repeat !== undefined) qb.andWhere('c.is_repeat = :repeat', { repeat: q.repeat });
    if (q.pingPong !== undefined) qb.andWhere('c.ping_pong = :pingPong', { pingPong: q.pingPong });
    if (q.rebound !== undefined) qb.andWhere('c.rebound = :rebound', { rebound: q.rebound });
    if (q.ladderLevel) qb.andWhere('c.ladder_level = :level', { level: q.ladderLevel });
    // 民转刑 risk first: police must see those before anything else.
    const [rows, total] = await qb
      .orderBy('c.violence_risk', 'DESC')
      .addOrderBy('c.registered_at', 'DESC')
      .addOrderBy('c.id')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toCaseSummaryView), page, pageSize, total };
  }
}
