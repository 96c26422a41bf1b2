import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgencyIdParams, LedgerExportQuery, XLSX_CONTENT_TYPE } from '@fengqiao/contracts';
import { Allow, type RequestActor } from '../http/access';
import { CurrentActor } from '../http/actor';
import { AgencyRouter } from '../http/agency-router';
import { LedgerDownloads } from './ledger-downloads';

/** 工作台账: an agency's referrals of a period, with sessions, agreements and follow-ups, as .xlsx. */
@ApiTags('ledger 工作台账')
@Controller('api/v1/agencies/:agencyId')
export class LedgerController {
  constructor(
    private readonly agencies: AgencyRouter,
    private readonly downloads: LedgerDownloads,
  ) {}

  @Get('ledger.xlsx')
  @Allow('coordinator', 'agency_staff', 'mediator')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'sheets 工作台账 (a row per referral) and 调解记录 (a row per session)' })
  async ledger(
    @CurrentActor() actor: RequestActor,
    @Param() params: AgencyIdParams,
    @Query() query: LedgerExportQuery,
    @Res() res: Response,
  ): Promise<void> {
    const agency = await this.agencies.agency(actor, params.agencyId);
    const exported = await this.downloads.export(agency.kind, actor, { ...query, agencyId: agency.id });
    await this.downloads.send(exported, res);
  }
}
