import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  Actor,
  ChooseLadderCommand,
  LadderView,
  NotEscalatedIndexQuery,
  NotEscalatedIndexView,
} from '@fengqiao/contracts';
import { unprocessable } from '@fengqiao/errors';
import { Jurisdiction, subtreePrefix, toStoredCode } from '../agencies/jurisdiction.entity';
import { assertWithinJurisdiction } from '../cases/case-scope';
import { SCHEMA } from '../config';
import { assertRole } from '../roles';
import { Ladder, LadderLevel, LadderPolicy } from './ladder.entity';

/** The ladders on offer, which jurisdiction chose which, and the 矛盾不上交 index they produce. */
@Injectable()
export class LadderQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<LadderView[]> {
    const m = this.dataSource.manager;
    const [ladders, levels, policies] = await Promise.all([
      m.find(Ladder, { order: { code: 'ASC' } }),
      m.find(LadderLevel, { order: { level: 'ASC' } }),
      m.find(LadderPolicy, { order: { jurisdictionCode: 'ASC' } }),
    ]);
    return ladders.map((l) => ({
      code: l.code,
      nameZh: l.nameZh,
      description: l.description,
      levels: levels
        .filter((v) => v.ladderCode === l.code)
        .map(({ level, nameZh, mode, unitKinds }) => ({ level, nameZh, mode, unitKinds })),
      chosenBy: policies.filter((p) => p.ladderCode === l.code).map((p) => p.jurisdictionCode),
    }));
  }

  /** A jurisdiction chooses its ladder; cases registered from now on follow it. */
  async choose(actor: Actor, input: ChooseLadderCommand): Promise<LadderView[]> {
    assertRole(actor, ['admin'], 'choose a ladder', '选定调解阶梯');
    const code = toStoredCode(input.jurisdictionCode);
    if (!(await this.dataSource.getRepository(Jurisdiction).existsBy({ code }))) {
      throw unprocessable(
        'jurisdictionCode',
        `no jurisdiction ${input.jurisdictionCode}`,
        `辖区 ${input.jurisdictionCode} 不存在`,
      );
    }
    await this.dataSource
      .getRepository(LadderPolicy)
      .upsert(
        { jurisdictionCode: code, ladderCode: input.ladderCode, chosenAt: new Date(), chosenById: actor.id },
        ['jurisdictionCode'],
      );
    return this.list();
  }

  /**
   * 矛盾不上交 index: of the cases that closed in the period in the jurisdiction, the share closed
   * at or below the level they started at, or below level 3 (DOMAIN.md).
   */
  async notEscalatedIndex(actor: Actor, q: NotEscalatedIndexQuery): Promise<NotEscalatedIndexView> {
    const asked = toStoredCode(q.jurisdictionCode ?? actor.jurisdictionCode ?? '');
    assertWithinJurisdiction(actor, asked);
    const params = [`${subtreePrefix(asked)}%`, q.from ?? '-infinity', q.to ?? 'infinity'];
    const [totals] = (await this.dataSource.query(
      `SELECT count(*) AS closed,
              count(*) FILTER (WHERE closed_level <= start_level) AS at_start,
              count(*) FILTER (WHERE closed_level < 3) AS below3,
              count(*) FILTER (WHERE closed_level <= start_level OR closed_level < 3) AS not_escalated
         FROM ${SCHEMA}.cases
        WHERE jurisdiction_code LIKE $1 AND closed_level IS NOT NULL
          AND closed_at >= $2::timestamptz AND closed_at < $3::timestamptz`,
      params,
    )) as { closed: string; at_start: string; below3: string; not_escalated: string }[];
    const byLevel = (await this.dataSource.query(
      `SELECT closed_level AS level, count(*) AS n FROM ${SCHEMA}.cases
        WHERE jurisdiction_code LIKE $1 AND closed_level IS NOT NULL
          AND closed_at >= $2::timestamptz AND closed_at < $3::timestamptz
        GROUP BY closed_level ORDER BY closed_level`,
      params,
    )) as { level: number; n: string }[];
    const [esc] = (await this.dataSource.query(
      `SELECT count(*) AS n FROM ${SCHEMA}.case_escalations e JOIN ${SCHEMA}.cases c ON c.id = e.case_id
        WHERE c.jurisdiction_code LIKE $1 AND e.escalated_at >= $2::timestamptz AND e.escalated_at < $3::timestamptz`,
      params,
    )) as { n: string }[];
    const closed = Number(totals.closed);
    const notEscalated = Number(totals.not_escalated);
    return {
      jurisdictionCode: asked,
      closedCases: closed,
      closedAtStartLevel: Number(totals.at_start),
      closedBelowLevel3: Number(totals.below3),
      notEscalated,
      index: closed === 0 ? null : Math.round((notEscalated / closed) * 1000) / 1000,
      byClosingLevel: byLevel.map((r) => ({ level: Number(r.level), cases: Number(r.n) })),
      escalations: Number(esc.n),
    };
  }
}
