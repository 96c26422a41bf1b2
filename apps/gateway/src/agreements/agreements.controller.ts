import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  type StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  agencySubjects,
  AgencyIdParams,
  AgreementSummaryView,
  AgreementTermParams,
  AgreementView,
  DraftAgreementRequest,
  ListAgreementsQuery,
  RecordPerformanceRequest,
  ReferralIdParams,
  SignAgreementRequest,
  type KeptDocumentFileView,
  type Page,
} from '@fengqiao/contracts';
import { Allow, type RequestActor } from '../http/access';
import { CurrentActor } from '../http/actor';
import { AgencyRouter } from '../http/agency-router';
import { documentDownload } from '../http/attachment';

/** 调解协议书: drafted, signed (the PDF kept with the case) and followed through its performance. */
@ApiTags('agreements 调解协议书')
@Controller('api/v1')
export class AgreementsController {
  constructor(private readonly agencies: AgencyRouter) {}

  @Post('referrals/:referralId/agreement')
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({ type: AgreementView, description: 'the draft, numbered （年）字号调字第NNN号' })
  draft(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: DraftAgreementRequest,
  ): Promise<AgreementView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).agreementDraft,
      body,
    );
  }

  @Put('referrals/:referralId/agreement')
  @Allow('agency_staff', 'mediator')
  @ApiOkResponse({ type: AgreementView, description: 're-drafted while still a draft; the number stays' })
  redraft(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: DraftAgreementRequest,
  ): Promise<AgreementView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).agreementRedraft,
      body,
    );
  }

  @Post('referrals/:referralId/agreement/sign')
  @Allow('agency_staff', 'mediator')
  @HttpCode(200)
  @ApiOkResponse({
    type: AgreementView,
    description: 'signed by every party and the caller; the PDF is kept',
  })
  sign(
    @CurrentActor() actor: RequestActor,
    @Param() params: ReferralIdParams,
    @Body() body: SignAgreementRequest,
  ): Promise<AgreementView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).agreementSign,
      body,
    );
  }

  @Get('referrals/:referralId/agreement')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: AgreementView, description: 'ID and phone numbers masked' })
  get(@CurrentActor() actor: RequestActor, @Param() params: ReferralIdParams): Promise<AgreementView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).agreementGet,
      {},
    );
  }

  /** The signed PDF as kept: it prints the parties' full ID numbers, so only the agency's own people. */
  @Get('referrals/:referralId/agreement.pdf')
  @Allow('agency_staff', 'mediator')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the signed 调解协议书 (PDF)' })
  async pdf(@CurrentActor() actor: RequestActor, @Param() params: ReferralIdParams): Promise<StreamableFile> {
    const pdf = await this.agencies.toReferralHolder<KeptDocumentFileView>(
      actor,
      params.referralId,
      (k) => agencySubjects(k).agreementPdf,
      {},
    );
    return documentDownload(pdf, 'agreement.pdf');
  }

  @Post('referrals/:referralId/agreement/terms/:termNo/performance')
  @Allow('agency_staff', 'mediator')
  @HttpCode(201)
  @ApiCreatedResponse({ type: AgreementView, description: '履行情况 recorded; the history is kept' })
  recordPerformance(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgreementTermParams,
    @Body() body: RecordPerformanceRequest,
  ): Promise<AgreementView> {
    return this.agencies.toReferralHolder(
      actor,
      params.referralId,
      (k) => agencySubjects(k).agreementRecordPerformance,
      { ...body, termNo: params.termNo },
    );
  }

  @Get('agencies/:agencyId/agreements')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiOkResponse({ type: AgreementSummaryView, isArray: true, description: 'a page, newest number first' })
  list(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: ListAgreementsQuery,
  ): Promise<Page<AgreementSummaryView>> {
    return this.agencies.toAgency(actor, params.agencyId, (k) => agencySubjects(k).agreementList, query);
  }
}
