import { ClassificationModule } from '../classification/classification.module';
import { Module } from '@nestjs/common';
import { SlaModule } from '../sla/sla.module';
import { CaseQueries } from './case-queries';
import { ChangeCaseRisk } from './change-case-risk';
import { CasesHandlers } from './cases.handlers';
import { RegisterCase } from './register-case';
import { PartyLookup } from './party-lookup';
import { RevealParty } from './reveal-party';

@Module({
  imports: [ClassificationModule, SlaModule],
  controllers: [CasesHandlers],
  providers: [RegisterCase, CaseQueries, RevealParty, ChangeCaseRisk, PartyLookup],
  exports: [CaseQueries, ChangeCaseRisk],
})
export class CasesModule {}
