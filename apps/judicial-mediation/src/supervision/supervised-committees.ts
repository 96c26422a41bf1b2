import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type {
  Actor,
  AgencyView,
  ListSupervisedCommitteesCommand,
  Page,
  SupervisedCommitteeView,
} from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { assertOfficeRead } from '../office/office-access';
import { CommitteeInspection } from './committee-inspection.entity';
import { CommitteeWork } from './committee-work.entity';
import { OfficeArea } from '../office/office-area';

interface InspectionSummary {
  committee: string;
  lastInspectedAt: Date | null;
  open: string;
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

/**
 * The committees an office supervises (dispatch's list of its area) with their figures from the
 * read model and what the office's own inspections left open.
 */
@Injectable()
export class SupervisedCommittees {
  constructor(
    private readonly dataSource: DataSource,
    private readonly area: OfficeArea,
  ) {}

  async list(actor: Actor, q: ListSupervisedCommitteesCommand): Promise<Page<SupervisedCommitteeView>> {
    assertOfficeRead(actor, q.agencyId);
    const { page, pageSize, skip } = pageWindow(q);
    const office = await this.area.office(actor, q.agencyId);
    const committees = await this.area.committees(actor, office, q.jurisdictionCode);
    const ids = committees.map((c) => c.id);
    const [work, inspections] = ids.length
      ? await Promise.all([
          this.dataSource.getRepository(CommitteeWork).findBy({ committeeAgencyId: In(ids) }),
          this.inspections(q.agencyId, ids),
        ])
      : [[], []];
    const workOf = new Map(work.map((w) => [w.committeeAgencyId, w]));
    const inspectedOf = new Map(inspections.map((i) => [i.committee, i]));
    const views = committees
      .map((c) => toView(c, workOf.get(c.id), inspectedOf.get(c.id)))
      .filter((v) => (q.withRebounds === undefined ? true : q.withRebounds === v.rebounds > 0));
    return { items: views.slice(skip, skip + pageSize), page, pageSize, total: views.length };
  }

  /** Per committee: the office's latest inspection of it and the rectifications still open. */
  private inspections(officeId: string, committeeIds: string[]): Promise<InspectionSummary[]> {
    return this.dataSource
      .getRepository(CommitteeInspection)
      .createQueryBuilder('i')
      .leftJoin('i.rectifications', 'r', 'r.done_at IS NULL')
      .select('i.committee_agency_id', 'committee')
      .addSelect('MAX(i.inspected_at)', 'lastInspectedAt')
      .addSelect('COUNT(r.n)', 'open')
      .where('i.agency_id = :officeId', { officeId })
      .andWhere('i.committee_agency_id IN (:...committeeIds)', { committeeIds })
      .groupBy('i.committee_agency_id')
      .getRawMany<InspectionSummary>();
  }
}

function toView(c: AgencyView, w?: CommitteeWork, i?: InspectionSummary): SupervisedCommitteeView {
  const n = {
    accepted: w?.accepted ?? 0,
    closed: w?.closed ?? 0,
    resolved: w?.resolved ?? 0,
    failed: w?.failed ?? 0,
    followUps: w?.followUps ?? 0,
    dissatisfied: w?.dissatisfied ?? 0,
    rebounds: w?.rebounds ?? 0,
  };
  return {
    agencyId: c.id,
    name: c.name,
    jurisdictionCode: c.jurisdictionCode,
    jurisdictionName: c.jurisdictionName,
    ...n,
    successRate: rate(n.resolved, n.closed),
    satisfactionRate: rate(n.followUps - n.dissatisfied, n.followUps),
    ...(w?.lastActivityAt ? { lastActivityAt: w.lastActivityAt.toISOString() } : {}),
    ...(i?.lastInspectedAt ? { lastInspectedAt: new Date(i.lastInspectedAt).toISOString() } : {}),
    openRectifications: Number(i?.open ?? 0),
  };
}
