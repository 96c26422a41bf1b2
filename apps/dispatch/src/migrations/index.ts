import { Init1795460483054 } from './1795460483054-init';
import { DisputeTypes1795460484054 } from './1795460484054-dispute-types';
import { CaseIdempotencyKey1795462370191 } from './1795462370191-case-idempotency-key';
import { PartyPersonalData1795463918347 } from './1795463918347-party-personal-data';
import { AuditLog1795464247051 } from './1795464247051-audit-log';
import { RoutingLadderIntake1795470000000 } from './1795470000000-routing-ladder-intake';
import { LaddersAndMatrix1795470000001 } from './1795470000001-ladders-and-matrix';
import { WhistlesConferences1795470100000 } from './1795470100000-whistles-conferences';
import { OnTimeIndex1795470200000 } from './1795470200000-on-time-index';
import { SlaClocks1795470300000 } from './1795470300000-sla-clocks';
import { SlaPolicyV11795470300001 } from './1795470300001-sla-policy-v1';
import { FollowUpsAndAgencyReports1795479600000 } from './1795479600000-follow-ups-and-agency-reports';

/** This service's migrations, in order, as class references. */
export const MIGRATIONS: Function[] = [
  Init1795460483054,
  DisputeTypes1795460484054,
  CaseIdempotencyKey1795462370191,
  PartyPersonalData1795463918347,
  AuditLog1795464247051,
  RoutingLadderIntake1795470000000,
  LaddersAndMatrix1795470000001,
  WhistlesConferences1795470100000,
  OnTimeIndex1795470200000,
  SlaClocks1795470300000,
  SlaPolicyV11795470300001,
  FollowUpsAndAgencyReports1795479600000,
];
