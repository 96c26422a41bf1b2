import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, ValidateNested } from 'class-validator';
import { Actor } from './common/actor';
import {
  AGENCY_KINDS,
  CASE_STATUSES,
  INTAKE_CHANNELS,
  REFERRAL_OUTCOMES,
  type AgencyKind,
  type CaseStatus,
  type ReferralOutcome,
} from './common/vocabulary';

/**
 * Every event is a versioned class here, named by its subject `<service>.<aggregate>.<past-tense>.v<N>`.
 * A breaking change adds a v2 beside v1; a published subject is never renamed.
 */

export class CaseRegisteredV1 {
  static readonly subject = 'dispatch.case.registered.v1';
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsString() disputeType!: string;
  @IsString() jurisdictionCode!: string;
  @IsIn(INTAKE_CHANNELS) channel!: string;
  @IsISO8601() registeredAt!: string;
  @ValidateNested() @Type(() => Actor) registeredBy!: Actor;
}

/** A case's status moved (registered → referred → in_mediation → resolved | unresolved | withdrawn). */
export class CaseStatusChangedV1 {
  static readonly subject = 'dispatch.case.status_changed.v1';
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsIn(CASE_STATUSES) from!: CaseStatus;
  @IsIn(CASE_STATUSES) to!: CaseStatus;
  @IsString() reason!: string;
  @IsISO8601() changedAt!: string;
}

export class ReferralIssuedV1 {
  static readonly subject = 'dispatch.referral.issued.v1';
  @IsUUID() referralId!: string;
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsString() caseTitle!: string;
  @IsString() disputeType!: string;
  @IsString() jurisdictionCode!: string;
  @IsUUID() agencyId!: string;
  @IsIn(AGENCY_KINDS) agencyKind!: AgencyKind;
  @IsOptional() @IsString() note?: string;
  @IsISO8601() issuedAt!: string;
  @ValidateNested() @Type(() => Actor) issuedBy!: Actor;
}

export class ReferralAcceptedV1 {
  static readonly subject = 'agency.referral.accepted.v1';
  @IsUUID() referralId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() agencyId!: string;
  @IsIn(AGENCY_KINDS) agencyKind!: AgencyKind;
  @IsISO8601() acceptedAt!: string;
  @ValidateNested() @Type(() => Actor) acceptedBy!: Actor;
}

export class ReferralClosedV1 {
  static readonly subject = 'agency.referral.closed.v1';
  @IsUUID() referralId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() agencyId!: string;
  @IsIn(AGENCY_KINDS) agencyKind!: AgencyKind;
  @IsIn(REFERRAL_OUTCOMES) outcome!: ReferralOutcome;
  @IsString() note!: string;
  @IsISO8601() closedAt!: string;
  @ValidateNested() @Type(() => Actor) closedBy!: Actor;
}

export interface EventContract<T = object> {
  new (): T;
  readonly subject: string;
}

/** The JetStream streams and the event subjects each one stores (explicit, so requests never land in a stream). */
export const EVENT_STREAMS = {
  DISPATCH_EVENTS: [CaseRegisteredV1, CaseStatusChangedV1, ReferralIssuedV1],
  AGENCY_EVENTS: [ReferralAcceptedV1, ReferralClosedV1],
} as const satisfies Record<string, readonly EventContract[]>;

export type EventStreamName = keyof typeof EVENT_STREAMS;
