import { Module } from '@nestjs/common';
import { ViolenceRiskAssessments } from './violence-risk-assessments';
import { ViolenceRiskQueries } from './violence-risk-queries';
import { ViolenceRiskHandlers } from './violence-risk.handlers';

/** 民转刑 risk assessments of police referrals. */
@Module({ controllers: [ViolenceRiskHandlers], providers: [ViolenceRiskAssessments, ViolenceRiskQueries] })
export class ViolenceRiskModule {}
