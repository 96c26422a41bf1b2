import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  JudicialSubjects,
  ListLegalAidReferralsCommand,
  RecordLegalAidAnswerCommand,
  ReferToLegalAidCommand,
  type LegalAidReferralView,
  type Page,
} from '@fengqiao/contracts';
import { LegalAidReferrals } from './legal-aid-referrals';

@Controller()
export class LegalAidHandlers {
  constructor(private readonly legalAid: LegalAidReferrals) {}

  @MessagePattern(JudicialSubjects.legalAidRefer)
  @Audited()
  refer(
    @Payload('actor') actor: Actor,
    @Payload('body') body: ReferToLegalAidCommand,
  ): Promise<LegalAidReferralView> {
    return this.legalAid.refer(actor, body);
  }

  @MessagePattern(JudicialSubjects.legalAidRecordAnswer)
  @Audited()
  recordAnswer(
    @Payload('actor') actor: Actor,
    @Payload('body') body: RecordLegalAidAnswerCommand,
  ): Promise<LegalAidReferralView> {
    return this.legalAid.recordAnswer(actor, body);
  }

  @MessagePattern(JudicialSubjects.legalAidList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListLegalAidReferralsCommand,
  ): Promise<Page<LegalAidReferralView>> {
    return this.legalAid.list(actor, query);
  }
}
