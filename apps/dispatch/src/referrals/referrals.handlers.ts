import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  Actor,
  DispatchCaseCommand,
  DispatchSubjects,
  IssueReferralCommand,
  ListDispatchReferralsQuery,
  ReferralIdParams,
  RuleOnReturnCommand,
  TransferReferralCommand,
  type Page,
  type ReferralView,
} from '@fengqiao/contracts';
import { IssueReferral } from './issue-referral';
import { ReferralQueries } from './referral-queries';
import { RuleOnReturn } from './rule-on-return';
import { TransferReferral } from './transfer-referral';

@Controller()
export class ReferralsHandlers {
  constructor(
    private readonly issueReferral: IssueReferral,
    private readonly ruleOnReturn: RuleOnReturn,
    private readonly transferReferral: TransferReferral,
    private readonly referrals: ReferralQueries,
  ) {}

  @MessagePattern(DispatchSubjects.referralIssue)
  @Audited()
  async issue(
    @Payload('actor') actor: Actor,
    @Payload('body') body: IssueReferralCommand,
  ): Promise<ReferralView> {
    const { caseId, ...input } = body;
    const id = await this.issueReferral.one(actor, caseId, input);
    return this.referrals.get(id, actor);
  }

  @MessagePattern(DispatchSubjects.caseDispatch)
  @Audited()
  async dispatch(
    @Payload('actor') actor: Actor,
    @Payload('body') body: DispatchCaseCommand,
  ): Promise<ReferralView[]> {
    const { caseId, ...input } = body;
    const ids = await this.issueReferral.dispatch(actor, caseId, input);
    return Promise.all(ids.map((id) => this.referrals.get(id, actor)));
  }

  @MessagePattern(DispatchSubjects.referralRule)
  @Audited()
  async rule(
    @Payload('actor') actor: Actor,
    @Payload('body') body: RuleOnReturnCommand,
  ): Promise<ReferralView> {
    const { referralId, ...input } = body;
    return this.referrals.get(await this.ruleOnReturn.execute(actor, referralId, input), actor);
  }

  /** Answers with the new referral. */
  @MessagePattern(DispatchSubjects.referralTransfer)
  @Audited()
  async transfer(
    @Payload('actor') actor: Actor,
    @Payload('body') body: TransferReferralCommand,
  ): Promise<ReferralView> {
    const { referralId, ...input } = body;
    return this.referrals.get(await this.transferReferral.execute(actor, referralId, input), actor);
  }

  @MessagePattern(DispatchSubjects.referralGet)
  get(@Payload('actor') actor: Actor, @Payload('body') params: ReferralIdParams): Promise<ReferralView> {
    return this.referrals.get(params.referralId, actor);
  }

  @MessagePattern(DispatchSubjects.referralList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListDispatchReferralsQuery,
  ): Promise<Page<ReferralView>> {
    return this.referrals.list(query, actor);
  }
}
