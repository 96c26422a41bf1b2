import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ChooseLadderRequest,
  DispatchSubjects,
  JurisdictionParams,
  LadderView,
  NotEscalatedIndexQuery,
  NotEscalatedIndexView,
} from '@fengqiao/contracts';
import { Allow } from '../http/access';
import { CurrentActor } from '../http/actor';
import { ServiceClient } from '../http/service-client';

@ApiTags('ladders 调解阶梯')
@Controller('api/v1')
export class LaddersController {
  constructor(private readonly services: ServiceClient) {}

  @Get('ladders')
  @Allow('coordinator', 'reporter', 'leader', 'agency_staff', 'mediator', 'admin')
  @ApiOkResponse({ type: [LadderView], description: 'the ladders on offer and who chose which' })
  list(@CurrentActor() actor: Actor): Promise<LadderView[]> {
    return this.services.dispatch(DispatchSubjects.ladderList, actor, {});
  }

  @Put('jurisdictions/:jurisdictionCode/ladder')
  @Allow('admin')
  @ApiOkResponse({ type: [LadderView], description: 'a jurisdiction chooses its ladder' })
  choose(
    @CurrentActor() actor: Actor,
    @Param() params: JurisdictionParams,
    @Body() body: ChooseLadderRequest,
  ): Promise<LadderView[]> {
    return this.services.dispatch(DispatchSubjects.ladderChoose, actor, { ...body, ...params });
  }

  @Get('stats/not-escalated-index')
  @Allow('coordinator', 'leader')
  @ApiOkResponse({ type: NotEscalatedIndexView, description: '矛盾不上交 index' })
  notEscalatedIndex(
    @CurrentActor() actor: Actor,
    @Query() query: NotEscalatedIndexQuery,
  ): Promise<NotEscalatedIndexView> {
    return this.services.dispatch(DispatchSubjects.notEscalatedIndex, actor, query);
  }
}
