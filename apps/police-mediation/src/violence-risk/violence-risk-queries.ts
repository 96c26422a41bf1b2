import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  Actor,
  ListViolenceRiskAssessmentsCommand,
  Page,
  ViolenceRiskAssessmentView,
} from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { findOwnReferral } from '@fengqiao/agency-kit';
import { ViolenceRiskAssessment } from './violence-risk-assessment.entity';
import { toViolenceRiskAssessmentView } from './violence-risk.views';

@Injectable()
export class ViolenceRiskQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** A referral's assessments, the latest first. */
  async list(
    actor: Actor,
    query: ListViolenceRiskAssessmentsCommand,
  ): Promise<Page<ViolenceRiskAssessmentView>> {
    await findOwnReferral(this.dataSource.manager, actor, query.referralId);
    const { page, pageSize, skip } = pageWindow(query);
    const [rows, total] = await this.dataSource.getRepository(ViolenceRiskAssessment).findAndCount({
      where: { referralId: query.referralId, ...(query.grade ? { grade: query.grade } : {}) },
      order: { assessedAt: 'DESC', id: 'DESC' },
      skip,
      take: pageSize,
    });
    return { items: rows.map(toViolenceRiskAssessmentView), page, pageSize, total };
  }
}
