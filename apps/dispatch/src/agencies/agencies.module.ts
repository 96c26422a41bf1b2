import { Module } from '@nestjs/common';
import { AgenciesHandlers } from './agencies.handlers';
import { AgencyQueries } from './agency-queries';

@Module({ controllers: [AgenciesHandlers], providers: [AgencyQueries] })
export class AgenciesModule {}
