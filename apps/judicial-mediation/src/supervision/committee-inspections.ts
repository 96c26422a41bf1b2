import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  CommitteeInspectionRecordedV1,
  RectificationCompletedV1,
  type Actor,
  type CommitteeInspectionView,
  type CompleteRectificationCommand,
  type ListCommitteeInspectionsCommand,
  type Page,
  type RecordCommitteeInspectionCommand,
} from '@fengqiao/contracts';
import { conflict, notFound, unprocessable, unprocessableAll, type FieldProblem } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { beijingDate } from '@fengqiao/working-calendar';
import { notBefore, pastInstant } from '../office/instants';
import { assertOfficeWork } from '../office/office-access';
import { newestFirst, officeRows } from '../office/office-lists';
import { CommitteeInspection, Rectification } from './committee-inspection.entity';
import { toInspectionView } from './inspection.views';
import { OfficeArea } from '../office/office-area';

/** 指导监督: inspections of the committees in the office's area, and their rectifications (整改). */
@Injectable()
export class CommitteeInspections {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly area: OfficeArea,
  ) {}

  async record(actor: Actor, cmd: RecordCommitteeInspectionCommand): Promise<CommitteeInspectionView> {
    assertOfficeWork(actor, cmd.agencyId);
    const inspectedAt = pastInstant('inspectedAt', cmd.inspectedAt);
    const inspectedOn = beijingDate(inspectedAt);
    const early: FieldProblem[] = cmd.rectifications.flatMap((r, i) =>
      r.dueBy < inspectedOn
        ? [
            {
              field: `rectifications[${i}].dueBy`,
              reason: `must be on or after the inspection day ${inspectedOn}`,
              reasonZh: `整改期限不能早于检查日期 ${inspectedOn}`,
            },
          ]
        : [],
    );
    if (early.length > 0) throw unprocessableAll(early);
    // Dispatch says which committees are in the office's area (before the transaction: no lock held).
    const office = await this.area.office(actor, cmd.agencyId);
    const committee = (await this.area.committees(actor, office)).find((c) => c.id === cmd.committeeAgencyId);
    if (!committee)
      throw unprocessable(
        'committeeAgencyId',
        `is not a people's mediation committee in the area of ${office.name}`,
        `不是${office.name}辖区内的人民调解委员会`,
      );

    return this.dataSource.transaction(async (m) => {
      const id = randomUUID();
      const inspection = m.create(CommitteeInspection, {
        id,
        agencyId: cmd.agencyId,
        committeeAgencyId: committee.id,
        committeeName: committee.name,
        inspectedAt,
        findings: cmd.findings,
        rating: cmd.rating,
        recordedById: actor.id,
      });
      await m.save(inspection);
      const rectifications = cmd.rectifications.map((r, i) =>
        m.create(Rectification, {
          inspectionId: id,
          n: i + 1,
          item: r.item,
          dueBy: r.dueBy,
          doneAt: null,
          doneNote: null,
          doneById: null,
        }),
      );
      if (rectifications.length > 0) await m.insert(Rectification, rectifications);
      await this.outbox.add(m, CommitteeInspectionRecordedV1, {
        inspectionId: id,
        agencyId: cmd.agencyId,
        committeeAgencyId: committee.id,
        rating: cmd.rating,
        rectifications: rectifications.length,
        inspectedAt: inspectedAt.toISOString(),
        recordedBy: actor,
      });
      return toInspectionView(inspection, rectifications, beijingDate(new Date()));
    });
  }

  /** 整改完成: one rectification done, once. */
  completeRectification(actor: Actor, cmd: CompleteRectificationCommand): Promise<CommitteeInspectionView> {
    assertOfficeWork(actor, cmd.agencyId);
    const doneAt = pastInstant('doneAt', cmd.doneAt);
    return this.dataSource.transaction(async (m) => {
      const inspection = await this.lockOwn(m, cmd.agencyId, cmd.inspectionId);
      const all = await m.find(Rectification, {
        where: { inspectionId: inspection.id },
        lock: { mode: 'pessimistic_write' },
      });
      const rectification = all.find((r) => r.n === cmd.n);
      if (!rectification)
        throw notFound('rectification', '整改事项', `${cmd.n} of inspection ${inspection.id}`);
      if (rectification.doneAt)
        throw conflict(
          `rectification ${cmd.n} of inspection ${inspection.id} was already done on ${rectification.doneAt.toISOString()}`,
          `第${cmd.n}项整改事项已于 ${beijingDate(rectification.doneAt)} 完成，不能重复登记`,
        );
      notBefore('doneAt', doneAt, inspection.inspectedAt, 'the inspection', '检查时间');
      rectification.doneAt = doneAt;
      rectification.doneNote = cmd.note;
      rectification.doneById = actor.id;
      await m.save(rectification);
      const stillOpen = all.filter((r) => !r.doneAt).length;
      await this.outbox.add(m, RectificationCompletedV1, {
        inspectionId: inspection.id,
        agencyId: inspection.agencyId,
        committeeAgencyId: inspection.committeeAgencyId,
        n: cmd.n,
        stillOpen,
        doneAt: doneAt.toISOString(),
        recordedBy: actor,
      });
      return toInspectionView(inspection, all, beijingDate(new Date()));
    });
  }

  /** The office's inspections, newest first; filters: committee, rating, rectifications still open. */
  async list(actor: Actor, q: ListCommitteeInspectionsCommand): Promise<Page<CommitteeInspectionView>> {
    const qb = officeRows(this.dataSource, CommitteeInspection, 'i', actor, q.agencyId);
    if (q.committeeAgencyId) qb.andWhere('i.committee_agency_id = :c', { c: q.committeeAgencyId });
    if (q.rating) qb.andWhere('i.rating = :rating', { rating: q.rating });
    if (q.openRectifications !== undefined) {
      const open = qb
        .subQuery()
        .select('1')
        .from(Rectification, 'r')
        .where('r.inspection_id = i.id')
        .andWhere('r.done_at IS NULL')
        .getQuery();
      qb.andWhere(`${q.openRectifications ? '' : 'NOT '}EXISTS ${open}`);
    }
    return newestFirst(qb, 'inspected_at', q, async (rows) => {
      const rectifications = rows.length
        ? await this.dataSource
            .getRepository(Rectification)
            .find({ where: { inspectionId: In(rows.map((r) => r.id)) } })
        : [];
      const today = beijingDate(new Date());
      return rows.map((i) =>
        toInspectionView(
          i,
          rectifications.filter((r) => r.inspectionId === i.id),
          today,
        ),
      );
    });
  }

  /** The office's own inspection, locked; any other office's does not exist for it. */
  private async lockOwn(m: EntityManager, agencyId: string, id: string): Promise<CommitteeInspection> {
    const inspection = await m.findOne(CommitteeInspection, {
      where: { id, agencyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!inspection) throw notFound('committee inspection', '检查记录', id);
    return inspection;
  }
}
