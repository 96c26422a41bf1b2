import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type {
  Actor,
  ListUnansweredSummonsQuery,
  ListWhistlesQuery,
  Page,
  UnansweredSummonsView,
  WhistleView,
} from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { forbidden, notFound } from '@fengqiao/errors';
import { subtreePrefix } from '../agencies/jurisdiction.entity';
import { caseScopeOf, whereInCaseScope } from '../cases/case-scope';
import { Clock } from '../clock';
import { canSeeWhistle, whereWhistleVisible } from './whistle-access';
import { Whistle, WhistleSummons } from './whistle.entity';
import { toUnansweredView, toWhistleView } from './whistle.views';

/** Who supervises (督办) overdue check-ins. */
const SUPERVISORS = ['coordinator', 'leader'];

@Injectable()
export class WhistleQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** One whistle with every summoned unit's 报到 and 支援; a whistle the actor may not see is "not found". */
  async get(whistleId: string, actor: Actor): Promise<WhistleView> {
    const whistle = await this.dataSource
      .getRepository(Whistle)
      .findOne({ where: { id: whistleId }, relations: { case: true, raisedByUnit: true } });
    if (!whistle?.case) throw notFound('whistle', '吹哨', whistleId);
    const summons = await this.dataSource
      .getRepository(WhistleSummons)
      .find({ where: { whistleId }, relations: { unit: true }, order: { position: 'ASC' } });
    if (
      !canSeeWhistle(
        actor,
        whistle.case,
        whistle,
        summons.map((s) => s.unitId),
      )
    )
      throw notFound('whistle', '吹哨', whistleId);
    return toWhistleView(whistle, whistle.case, summons, this.clock.now());
  }

  /** Whistles in the actor's scope, newest first. */
  async list(q: ListWhistlesQuery, actor: Actor): Promise<Page<WhistleView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.dataSource
      .getRepository(Whistle)
      .createQueryBuilder('w')
      .innerJoinAndSelect('w.case', 'c')
      .leftJoinAndSelect('w.raisedByUnit', 'ru');
    whereWhistleVisible(qb, actor);
    if (q.caseId) qb.andWhere('w.case_id = :caseId', { caseId: q.caseId });
    if (q.status) qb.andWhere('w.status = :status', { status: q.status });
    if (q.urgency) qb.andWhere('w.urgency = :urgency', { urgency: q.urgency });
    if (q.unitId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM dispatch.whistle_summons fs WHERE fs.whistle_id = w.id AND fs.unit_id = :unitId)',
        { unitId: q.unitId },
      );
    }
    const [rows, total] = await qb
      .orderBy('w.blown_at', 'DESC')
      .addOrderBy('w.id')
      .offset(skip)
      .limit(pageSize)
      .getManyAndCount();
    const summons = rows.length
      ? await this.dataSource.getRepository(WhistleSummons).find({
          where: { whistleId: In(rows.map((w) => w.id)) },
          relations: { unit: true },
        })
      : [];
    const now = this.clock.now();
    return {
      items: rows.map((w) =>
        toWhistleView(
          w,
          w.case!,
          summons.filter((s) => s.whistleId === w.id),
          now,
        ),
      ),
      page,
      pageSize,
      total,
    };
  }

  /**
   * 督办: summoned units that have not checked in and whose deadline has passed, most overdue first,
   * within the coordinator's or leader's 辖区.
   */
  async unanswered(q: ListUnansweredSummonsQuery, actor: Actor): Promise<Page<UnansweredSummonsView>> {
    if (!SUPERVISORS.includes(actor.role)) {
      throw forbidden(
        'only coordinators and leaders supervise overdue check-ins',
        '只有协调员和领导可以查看督办清单',
      );
    }
    const { page, pageSize, skip } = pageWindow(q);
    const now = this.clock.now();
    const qb = this.dataSource
      .getRepository(WhistleSummons)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.whistle', 'w')
      .innerJoinAndSelect('s.case', 'c')
      .innerJoinAndSelect('s.unit', 'u')
      .where("s.status = 'summoned'")
      .andWhere('s.respond_by < :now', { now });
    whereInCaseScope(qb, caseScopeOf(actor));
    if (q.jurisdictionCode) {
      qb.andWhere('c.jurisdiction_code LIKE :prefix', { prefix: `${subtreePrefix(q.jurisdictionCode)}%` });
    }
    if (q.unitId) qb.andWhere('s.unit_id = :unitId', { unitId: q.unitId });
    if (q.whistleStatus) qb.andWhere('w.status = :whistleStatus', { whistleStatus: q.whistleStatus });
    const [rows, total] = await qb
      .orderBy('s.respond_by', 'ASC')
      .addOrderBy('s.whistle_id')
      .addOrderBy('s.position')
      .offset(skip)
      .limit(pageSize)
      .getManyAndCount();
    return { items: rows.map((s) => toUnansweredView(s, now)), page, pageSize, total };
  }
}
