import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type {
  Actor,
  ConferenceTaskView,
  ConferenceView,
  ListConferenceTasksQuery,
  ListConferencesQuery,
  Page,
} from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { forbidden, notFound } from '@fengqiao/errors';
import { caseScopeOf } from '../cases/case-scope';
import { Clock } from '../clock';
import { canSeeConference, conferenceUnitIds, whereConferenceVisible } from './conference-access';
import { Conference, ConferenceParticipant, ConferenceTask } from './conference.entity';
import { toConferenceTaskView, toConferenceView } from './conference.views';

@Injectable()
export class ConferenceQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** One conference with participants, minutes and tasks; one the actor may not see is "not found". */
  async get(conferenceId: string, actor: Actor): Promise<ConferenceView> {
    const conference = await this.dataSource
      .getRepository(Conference)
      .findOne({ where: { id: conferenceId }, relations: { case: true } });
    if (!conference?.case) throw notFound('conference', '联席会议', conferenceId);
    const { participants, tasks } = await this.parts([conferenceId]);
    const units = [...participants.map((p) => p.unitId), ...tasks.map((t) => t.unitId)];
    if (!canSeeConference(actor, conference.case, units))
      throw notFound('conference', '联席会议', conferenceId);
    return toConferenceView(conference, conference.case, participants, tasks, this.clock.now());
  }

  /** One task; visible to whoever sees its conference. */
  async task(taskId: string, actor: Actor): Promise<ConferenceTaskView> {
    const task = await this.dataSource
      .getRepository(ConferenceTask)
      .findOne({ where: { id: taskId }, relations: { case: true, unit: true } });
    if (!task?.case) throw notFound('conference task', '联席会议任务', taskId);
    const units = await conferenceUnitIds(this.dataSource.manager, task.conferenceId);
    if (!canSeeConference(actor, task.case, units)) throw notFound('conference task', '联席会议任务', taskId);
    return toConferenceTaskView(task, task.case.caseNumber, this.clock.now());
  }

  /** Conferences in the actor's scope, the next to meet first among the scheduled, newest first otherwise. */
  async list(q: ListConferencesQuery, actor: Actor): Promise<Page<ConferenceView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.dataSource
      .getRepository(Conference)
      .createQueryBuilder('cf')
      .innerJoinAndSelect('cf.case', 'c');
    whereConferenceVisible(qb, actor);
    if (q.caseId) qb.andWhere('cf.case_id = :caseId', { caseId: q.caseId });
    if (q.status) qb.andWhere('cf.status = :status', { status: q.status });
    const [rows, total] = await qb
      .orderBy('cf.scheduled_for', 'DESC')
      .addOrderBy('cf.id')
      .offset(skip)
      .limit(pageSize)
      .getManyAndCount();
    const { participants, tasks } = await this.parts(rows.map((cf) => cf.id));
    const now = this.clock.now();
    return {
      items: rows.map((cf) =>
        toConferenceView(
          cf,
          cf.case!,
          participants.filter((p) => p.conferenceId === cf.id),
          tasks.filter((t) => t.conferenceId === cf.id),
          now,
        ),
      ),
      page,
      pageSize,
      total,
    };
  }

  /**
   * Conference tasks, the soonest due first: agency staff see their own unit's only; coordinators,
   * leaders and reporters those on cases in their 辖区, optionally for one unit.
   */
  async tasks(q: ListConferenceTasksQuery, actor: Actor): Promise<Page<ConferenceTaskView>> {
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.dataSource
      .getRepository(ConferenceTask)
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.case', 'c')
      .innerJoinAndSelect('t.unit', 'u');
    const scope = caseScopeOf(actor);
    switch (scope.kind) {
      case 'subtree':
        qb.andWhere('c.jurisdiction_code LIKE :scopePrefix', { scopePrefix: `${scope.prefix}%` });
        break;
      case 'agency':
        if (q.unitId && q.unitId !== scope.agencyId) {
          throw forbidden("another unit's tasks are not yours to list", '无权查看其他单位的联席会议任务');
        }
        qb.andWhere('t.unit_id = :scopeUnit', { scopeUnit: scope.agencyId });
        break;
      case 'none':
        qb.andWhere('1 = 0');
        break;
    }
    if (q.unitId) qb.andWhere('t.unit_id = :unitId', { unitId: q.unitId });
    if (q.status) qb.andWhere('t.status = :status', { status: q.status });
    if (q.conferenceId) qb.andWhere('t.conference_id = :conferenceId', { conferenceId: q.conferenceId });
    const [rows, total] = await qb
      .orderBy('t.due_at', 'ASC')
      .addOrderBy('t.id')
      .offset(skip)
      .limit(pageSize)
      .getManyAndCount();
    const now = this.clock.now();
    return {
      items: rows.map((t) => toConferenceTaskView(t, t.case!.caseNumber, now)),
      page,
      pageSize,
      total,
    };
  }

  private async parts(conferenceIds: string[]) {
    if (conferenceIds.length === 0) return { participants: [], tasks: [] };
    const where = { conferenceId: In(conferenceIds) };
    const participants = await this.dataSource
      .getRepository(ConferenceParticipant)
      .find({ where, relations: { unit: true } });
    const tasks = await this.dataSource
      .getRepository(ConferenceTask)
      .find({ where, relations: { unit: true } });
    return { participants, tasks };
  }
}
