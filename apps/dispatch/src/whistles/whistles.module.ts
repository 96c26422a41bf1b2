import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { AnswerWhistle } from './answer-whistle';
import { BlowWhistle } from './blow-whistle';
import { CloseWhistle } from './close-whistle';
import { WhistleQueries } from './whistle-queries';
import { WhistlesHandlers } from './whistles.handlers';

/** 吹哨—响应—支援 (seed 002): whistles, their summoned units' check-ins and support, and 督办. */
@Module({
  imports: [SlaModule],
  controllers: [WhistlesHandlers],
  providers: [BlowWhistle, AnswerWhistle, CloseWhistle, WhistleQueries],
})
export class WhistlesModule {}
