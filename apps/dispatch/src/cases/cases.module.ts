import { ClassificationModule } from '../classification/classification.module';
import { Module } from '@nestjs/common';
import { CaseQueries } from './case-queries';
import { CasesHandlers } from './cases.handlers';
import { RegisterCase } from './register-case';
import { RevealParty } from './reveal-party';

@Module({
  imports: [ClassificationModule],
  controllers: [CasesHandlers],
  providers: [RegisterCase, CaseQueries, RevealParty],
  exports: [CaseQueries],
})
export class CasesModule {}
