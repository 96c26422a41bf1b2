import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Audited } from '@fengqiao/audit';
import {
  ChangeCaseRiskCommand,
  Actor,
  CaseIdParams,
  DispatchSubjects,
  ListCasesQuery,
  PartyRefParams,
  type CasePartyLookupView,
  type PartyPersonalDataView,
  RegisterCaseCommand,
  type CaseSummaryView,
  type CaseView,
  type Page,
} from '@fengqiao/contracts';
import { CaseQueries } from './case-queries';
import { ChangeCaseRisk } from './change-case-risk';
import { PartyLookup } from './party-lookup';
import { RegisterCase } from './register-case';
import { RevealParty } from './reveal-party';

@Controller()
export class CasesHandlers {
  constructor(
    private readonly registerCase: RegisterCase,
    private readonly cases: CaseQueries,
    private readonly revealParty: RevealParty,
    private readonly changeCaseRisk: ChangeCaseRisk,
    private readonly partyLookup: PartyLookup,
  ) {}

  @MessagePattern(DispatchSubjects.caseChangeRisk)
  @Audited()
  async changeRisk(
    @Payload('actor') actor: Actor,
    @Payload('body') body: ChangeCaseRiskCommand,
  ): Promise<CaseView> {
    const { caseId, ...input } = body;
    await this.changeCaseRisk.execute(actor, caseId, input);
    return this.cases.get(caseId, actor);
  }

  @MessagePattern(DispatchSubjects.caseRegister)
  @Audited()
  async register(
    @Payload('actor') actor: Actor,
    @Payload('body') body: RegisterCaseCommand,
  ): Promise<CaseView> {
    const id = await this.registerCase.execute(actor, body);
    return this.cases.get(id, actor);
  }

  @MessagePattern(DispatchSubjects.caseGet)
  get(@Payload('actor') actor: Actor, @Payload('body') params: CaseIdParams): Promise<CaseView> {
    return this.cases.get(params.caseId, actor);
  }

  @MessagePattern(DispatchSubjects.caseList)
  list(
    @Payload('actor') actor: Actor,
    @Payload('body') query: ListCasesQuery,
  ): Promise<Page<CaseSummaryView>> {
    return this.cases.list(query, actor);
  }

  @MessagePattern(DispatchSubjects.partyReveal)
  @Audited()
  reveal(
    @Payload('actor') actor: Actor,
    @Payload('body') params: PartyRefParams,
  ): Promise<PartyPersonalDataView> {
    return this.revealParty.execute(actor, params.caseId, params.position);
  }

  /** Names and lookup hashes for an agency's conflict check; audited like every read of party data. */
  @MessagePattern(DispatchSubjects.casePartyLookup)
  @Audited()
  lookupParties(
    @Payload('actor') actor: Actor,
    @Payload('body') params: CaseIdParams,
  ): Promise<CasePartyLookupView> {
    return this.partyLookup.execute(actor, params.caseId);
  }
}
