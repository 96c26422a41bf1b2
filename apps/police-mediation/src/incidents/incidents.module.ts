import { Module } from '@nestjs/common';
import { IncidentHandlers } from './incidents.handlers';
import { IncidentLinkQueries } from './incident-link-queries';
import { IncidentLinks } from './incident-links';

/** 110 警情 linked to referrals' cases. */
@Module({ controllers: [IncidentHandlers], providers: [IncidentLinks, IncidentLinkQueries] })
export class IncidentsModule {}
