import { Module } from '@nestjs/common';
import { Representations } from './representations';
import { RepresentationsHandlers } from './representations.handlers';

/** 代理记录: the lawyers' prior clients, for the conflict-of-interest check. */
@Module({
  controllers: [RepresentationsHandlers],
  providers: [Representations],
})
export class RepresentationsModule {}
