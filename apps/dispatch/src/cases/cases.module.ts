import { Module } from '@nestjs/common';
import { CaseQueries } from './case-queries';
import { CasesHandlers } from './cases.handlers';
import { RegisterCase } from './register-case';

@Module({ controllers: [CasesHandlers], providers: [RegisterCase, CaseQueries] })
export class CasesModule {}
