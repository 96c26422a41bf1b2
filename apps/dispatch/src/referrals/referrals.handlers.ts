import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  DispatchSubjects,
  IssueReferralCommand,
  ReferralIdParams,
  type ReferralView,
} from '@fengqiao/contracts';
import { IssueReferral } from './issue-referral';
import { ReferralQueries } from './referral-queries';

@Controller()
export class ReferralsHandlers {
  constructor(
    private readonly issueReferral: IssueReferral,
    private readonly referrals: ReferralQueries,
  ) {}

  @MessagePattern(DispatchSubjects.referralIssue)
  @Audited()
  async issue(
    @Payload('actor') actor: Actor,
    @Payload('body') body: IssueReferralCommand,
  ): Promise<ReferralView> {
    const { caseId, ...input } = body;
    const id = await this.issueReferral.execute(actor, caseId, input);
    return this.referrals.get(id, actor);
  }

  @MessagePattern(DispatchSubjects.referralGet)
  get(@Payload('actor') actor: Actor, @Payload('body') params: ReferralIdParams): Promise<ReferralView> {
    return this.referrals.get(params.referralId, actor);
  }
}
