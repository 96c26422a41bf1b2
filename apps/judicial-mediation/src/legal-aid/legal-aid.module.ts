import { Module } from '@nestjs/common';
import { LegalAidHandlers } from './legal-aid.handlers';
import { LegalAidReferrals } from './legal-aid-referrals';

/** 法律援助转介. */
@Module({ controllers: [LegalAidHandlers], providers: [LegalAidReferrals] })
export class LegalAidModule {}
