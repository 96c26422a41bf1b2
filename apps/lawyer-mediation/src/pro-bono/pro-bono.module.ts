import { Module } from '@nestjs/common';
import { ProBonoHandlers } from './pro-bono.handlers';
import { ProBonoHours } from './pro-bono-hours';
import { ProBonoQueries } from './pro-bono-queries';

/** 公益服务时长: the lawyers' pro bono hours on the studio's referrals, with totals. */
@Module({
  controllers: [ProBonoHandlers],
  providers: [ProBonoHours, ProBonoQueries],
})
export class ProBonoModule {}
