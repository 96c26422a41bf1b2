import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { EscalateCase } from './escalate-case';
import { LadderHandlers } from './ladder.handlers';
import { LadderQueries } from './ladder-queries';

@Module({ imports: [CasesModule], controllers: [LadderHandlers], providers: [EscalateCase, LadderQueries] })
export class LadderModule {}
