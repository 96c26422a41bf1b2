import { Module } from '@nestjs/common';
import { CaseQueries } from './case-queries';
import { CasesHandlers } from './cases.handlers';
import { RegisterCase } from './register-case';
import { RevealParty } from './reveal-party';

@Module({ controllers: [CasesHandlers], providers: [RegisterCase, CaseQueries, RevealParty] })
export class CasesModule {}
