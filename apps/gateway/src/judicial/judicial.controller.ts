import { Body, Controller, Get, HttpCode, Param, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  AgencyIdParams,
  CommitteeInspectionView,
  CompleteRectificationRequest,
  JudicialConfirmationView,
  JudicialSubjects,
  LegalAidReferralParams,
  LegalAidReferralView,
  ListCommitteeInspectionsQuery,
  ListJudicialConfirmationsQuery,
  ListLegalAidReferralsQuery,
  ListSupervisedCommitteesQuery,
  PrepareJudicialConfirmationRequest,
  RecordCommitteeInspectionRequest,
  RecordConfirmationFilingRequest,
  RecordConfirmationResultRequest,
  RecordLegalAidAnswerRequest,
  RectificationParams,
  ReferralIdParams,
  ReferToLegalAidRequest,
  type KeptDocumentFileView,
  type Page,
  type SupervisedCommitteeView,
} from '@fengqiao/contracts';
import { documentDownload } from '../http/attachment';
import { Allow, type RequestActor } from '../http/access';
import { CurrentActor } from '../http/actor';
import { AgencyRouter } from '../http/agency-router';

const JUDICIAL = ['judicial'] as const;
const subject = (s: string) => () => s;

/**
 * 司法所: 司法确认 of the office's signed agreements, 法律援助转介, and 指导监督 of the people's mediation
 * committees in its area. Work is for the office's own clerks and mediators; coordinators read the lists.
 */
@ApiTags('judicial 司法所')
@Controller('api/v1')
export class JudicialController {
  constructor(private readonly agencies: AgencyRouter) {}

  // ---- 司法确认 ----

  @Post('referrals/:referralId/judicial-confirmation')
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: JudicialConfirmationView,
    description: '司法确认申请书 prepared for the signed agreement (within 30 days of it taking effect)',
  })
  prepare(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: PrepareJudicialConfirmationRequest,
  ): Promise<JudicialConfirmationView> {
    return this.toReferral(actor, params, JudicialSubjects.confirmationPrepare, body);
  }

  @Get('referrals/:referralId/judicial-confirmation')
  @Allow('agency_staff', 'mediator')
  @ApiOkResponse({ type: JudicialConfirmationView, description: "the referral's latest application" })
  confirmation(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
  ): Promise<JudicialConfirmationView> {
    return this.toReferral(actor, params, JudicialSubjects.confirmationGet, {});
  }

  @Get('referrals/:referralId/judicial-confirmation.pdf')
  @Allow('agency_staff', 'mediator')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: '司法确认申请书 as prepared (PDF)' })
  async applicationPdf(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
  ): Promise<StreamableFile> {
    const pdf = await this.toReferral<KeptDocumentFileView>(
      actor,
      params,
      JudicialSubjects.confirmationGetPdf,
      {},
    );
    return documentDownload(pdf, 'judicial-confirmation.pdf');
  }

  @Post('referrals/:referralId/judicial-confirmation/filing')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: JudicialConfirmationView, description: '递交法院 (prepared → filed)' })
  recordFiling(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: RecordConfirmationFilingRequest,
  ): Promise<JudicialConfirmationView> {
    return this.toReferral(actor, params, JudicialSubjects.confirmationRecordFiling, body);
  }

  @Post('referrals/:referralId/judicial-confirmation/result')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: JudicialConfirmationView, description: "the court's ruling (filed → decided)" })
  recordResult(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: RecordConfirmationResultRequest,
  ): Promise<JudicialConfirmationView> {
    return this.toReferral(actor, params, JudicialSubjects.confirmationRecordResult, body);
  }

  @Get('agencies/:agencyId/judicial-confirmations')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: "a page of the office's applications, with the days left to file" })
  confirmations(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: ListJudicialConfirmationsQuery,
  ): Promise<Page<JudicialConfirmationView>> {
    return this.toOffice(actor, params.agencyId, JudicialSubjects.confirmationList, query);
  }

  // ---- 法律援助转介 ----

  @Post('referrals/:referralId/legal-aid-referrals')
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({ type: LegalAidReferralView, description: 'a party referred to the 法律援助中心' })
  referToLegalAid(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: ReferToLegalAidRequest,
  ): Promise<LegalAidReferralView> {
    return this.toReferral(actor, params, JudicialSubjects.legalAidRefer, body);
  }

  @Get('agencies/:agencyId/legal-aid-referrals')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: "a page of the office's referrals to legal aid" })
  legalAidReferrals(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: ListLegalAidReferralsQuery,
  ): Promise<Page<LegalAidReferralView>> {
    return this.toOffice(actor, params.agencyId, JudicialSubjects.legalAidList, query);
  }

  @Post('agencies/:agencyId/legal-aid-referrals/:legalAidReferralId/answer')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: LegalAidReferralView, description: "the centre's answer: accepted or declined" })
  recordLegalAidAnswer(
    @CurrentActor() actor: RequestActor,
    @Param() params: LegalAidReferralParams,
    @Body() body: RecordLegalAidAnswerRequest,
  ): Promise<LegalAidReferralView> {
    return this.toOffice(actor, params.agencyId, JudicialSubjects.legalAidRecordAnswer, {
      ...body,
      legalAidReferralId: params.legalAidReferralId,
    });
  }

  // ---- 指导监督 ----

  @Get('agencies/:agencyId/supervised-committees')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({
    description: "the people's mediation committees in the office's area: 调解成功率, 满意率, 反弹数",
  })
  supervisedCommittees(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: ListSupervisedCommitteesQuery,
  ): Promise<Page<SupervisedCommitteeView>> {
    return this.toOffice(actor, params.agencyId, JudicialSubjects.supervisedCommitteeList, query);
  }

  @Post('agencies/:agencyId/committee-inspections')
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({
    type: CommitteeInspectionView,
    description: 'an inspection of a committee in its area',
  })
  recordInspection(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Body() body: RecordCommitteeInspectionRequest,
  ): Promise<CommitteeInspectionView> {
    return this.toOffice(actor, params.agencyId, JudicialSubjects.inspectionRecord, body);
  }

  @Get('agencies/:agencyId/committee-inspections')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ description: "a page of the office's inspections, newest first" })
  inspections(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: ListCommitteeInspectionsQuery,
  ): Promise<Page<CommitteeInspectionView>> {
    return this.toOffice(actor, params.agencyId, JudicialSubjects.inspectionList, query);
  }

  @Post('agencies/:agencyId/committee-inspections/:inspectionId/rectifications/:n/done')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({ type: CommitteeInspectionView, description: '整改完成' })
  completeRectification(
    @CurrentActor() actor: RequestActor,
    @Param() params: RectificationParams,
    @Body() body: CompleteRectificationRequest,
  ): Promise<CommitteeInspectionView> {
    return this.toOffice(actor, params.agencyId, JudicialSubjects.inspectionCompleteRectification, {
      ...body,
      inspectionId: params.inspectionId,
      n: params.n,
    });
  }

  private toReferral<T>(actor: RequestActor, params: ReferralIdParams, s: string, body: object): Promise<T> {
    return this.agencies.toReferralHolder<T>(actor, params.referralId, subject(s), body, JUDICIAL);
  }

  private toOffice<T>(actor: RequestActor, agencyId: string, s: string, body: object): Promise<T> {
    return this.agencies.toAgency<T>(actor, agencyId, subject(s), body, JUDICIAL);
  }
}
