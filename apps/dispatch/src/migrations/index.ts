import { Init1795460483054 } from './1795460483054-init';
import { DisputeTypes1795460484054 } from './1795460484054-dispute-types';
import { CaseIdempotencyKey1795462370191 } from './1795462370191-case-idempotency-key';
import { PartyPersonalData1795463918347 } from './1795463918347-party-personal-data';
import { AuditLog1795464247051 } from './1795464247051-audit-log';

/** This service's migrations, in order, as class references. */
export const MIGRATIONS: Function[] = [
  Init1795460483054,
  DisputeTypes1795460484054,
  CaseIdempotencyKey1795462370191,
  PartyPersonalData1795463918347,
  AuditLog1795464247051,
];
