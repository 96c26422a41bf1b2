import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { Actor } from './common/actor';
import {
  AGENCY_KINDS,
  CASE_FLAGS,
  CASE_STATUSES,
  INTAKE_CHANNELS,
  LADDER_CODES,
  NEXT_STEPS,
  REFERRAL_OUTCOMES,
  REFERRAL_ROLES,
  RETURN_REASONS,
  RETURN_RULINGS,
  RISK_LEVELS,
  WHISTLE_URGENCIES,
  type AgencyKind,
  type CaseFlag,
  type CaseStatus,
  type LadderCode,
  type NextStep,
  type ReferralOutcome,
  type ReferralRole,
  type ReturnReason,
  type ReturnRuling,
  type RiskLevel,
  type WhistleUrgency,
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
  @IsOptional() @IsIn(RISK_LEVELS) riskLevel?: RiskLevel;
  @IsOptional() @IsBoolean() violenceRisk?: boolean;
  @IsOptional() @IsIn(LADDER_CODES) ladder?: LadderCode;
  @IsOptional() @IsInt() ladderLevel?: number;
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
  @IsOptional() @IsIn(REFERRAL_ROLES) role?: ReferralRole;
  @IsOptional() @IsIn(RISK_LEVELS) riskLevel?: RiskLevel;
  /** 民转刑 risk: the agency lists these first. */
  @IsOptional() @IsBoolean() violenceRisk?: boolean;
  @IsOptional() @IsInt() ladderLevel?: number;
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
  @IsOptional() @IsString() agreementSummary?: string;
  @IsOptional() @IsIn(NEXT_STEPS) nextStep?: NextStep;
  @IsISO8601() closedAt!: string;
  @ValidateNested() @Type(() => Actor) closedBy!: Actor;
}

/** 退单: the agency hands the referral back with a reason from the list. */
export class ReferralReturnedV1 {
  static readonly subject = 'agency.referral.returned.v1';
  @IsUUID() referralId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() agencyId!: string;
  @IsIn(AGENCY_KINDS) agencyKind!: AgencyKind;
  @IsIn(RETURN_REASONS) reason!: ReturnReason;
  @IsString() note!: string;
  @IsISO8601() returnedAt!: string;
  @ValidateNested() @Type(() => Actor) returnedBy!: Actor;
}

/** 开始办理: an accepted referral is being worked on. */
export class ReferralStartedV1 {
  static readonly subject = 'agency.referral.started.v1';
  @IsUUID() referralId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() agencyId!: string;
  @IsIn(AGENCY_KINDS) agencyKind!: AgencyKind;
  @IsISO8601() startedAt!: string;
  @ValidateNested() @Type(() => Actor) startedBy!: Actor;
}

/** The coordinator's ruling on a return the matrix contradicts; overruled puts it back in the agency's inbox. */
export class ReferralReturnRuledV1 {
  static readonly subject = 'dispatch.referral.return_ruled.v1';
  @IsUUID() referralId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() agencyId!: string;
  @IsIn(AGENCY_KINDS) agencyKind!: AgencyKind;
  @IsIn(RETURN_RULINGS) ruling!: ReturnRuling;
  @IsString() note!: string;
  @IsISO8601() ruledAt!: string;
  @ValidateNested() @Type(() => Actor) ruledBy!: Actor;
}

/** 转办: the coordinator moved the referral to another agency; it leaves the old agency's inbox. */
export class ReferralTransferredV1 {
  static readonly subject = 'dispatch.referral.transferred.v1';
  @IsUUID() referralId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() agencyId!: string;
  @IsIn(AGENCY_KINDS) agencyKind!: AgencyKind;
  @IsUUID() toReferralId!: string;
  @IsUUID() toAgencyId!: string;
  @IsString() reason!: string;
  @IsISO8601() transferredAt!: string;
  @ValidateNested() @Type(() => Actor) transferredBy!: Actor;
}

/** A case was flagged: 重复件 (linked to earlier cases), 推诿扯皮 (returned again and again), 民转刑 risk. */
export class CaseFlaggedV1 {
  static readonly subject = 'dispatch.case.flagged.v1';
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsIn(CASE_FLAGS) flag!: CaseFlag;
  @IsString() detail!: string;
  @IsArray() @IsUUID('all', { each: true }) linkedCaseIds!: string[];
  @IsISO8601() flaggedAt!: string;
}

/** The dispute type was corrected after registration (the correction is kept as training data). */
export class CaseReclassifiedV1 {
  static readonly subject = 'dispatch.case.reclassified.v1';
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsString() from!: string;
  @IsString() to!: string;
  @IsISO8601() reclassifiedAt!: string;
  @ValidateNested() @Type(() => Actor) reclassifiedBy!: Actor;
}

/** One step up the jurisdiction's ladder, with who, why and from which level. */
export class CaseEscalatedV1 {
  static readonly subject = 'dispatch.case.escalated.v1';
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsIn(LADDER_CODES) ladder!: LadderCode;
  @IsInt() fromLevel!: number;
  @IsInt() toLevel!: number;
  @IsString() reason!: string;
  @IsISO8601() escalatedAt!: string;
  @ValidateNested() @Type(() => Actor) escalatedBy!: Actor;
}

/** A new version of the responsibility matrix (派单 rules) is in force. */
export class RoutingMatrixPublishedV1 {
  static readonly subject = 'dispatch.routing_matrix.published.v1';
  @IsInt() version!: number;
  @IsInt() entries!: number;
  @IsString() note!: string;
  @IsISO8601() publishedAt!: string;
  @ValidateNested() @Type(() => Actor) publishedBy!: Actor;
}

/** 吹哨: a unit calls others to a case; each must 报到 by respondBy. */
export class WhistleBlownV1 {
  static readonly subject = 'dispatch.whistle.blown.v1';
  @IsUUID() whistleId!: string;
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsIn(WHISTLE_URGENCIES) urgency!: WhistleUrgency;
  @IsArray() @IsUUID('all', { each: true }) summonedUnitIds!: string[];
  @IsISO8601() respondBy!: string;
  @IsISO8601() blownAt!: string;
  @ValidateNested() @Type(() => Actor) blownBy!: Actor;
}

/** 报到: a summoned unit checked in; `late` when after the deadline. */
export class WhistleRespondedV1 {
  static readonly subject = 'dispatch.whistle.responded.v1';
  @IsUUID() whistleId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() unitId!: string;
  @IsInt() responseSeconds!: number;
  @IsBoolean() late!: boolean;
  @IsISO8601() respondedAt!: string;
  @ValidateNested() @Type(() => Actor) respondedBy!: Actor;
}

/** 支援: what a summoned unit did. */
export class WhistleSupportReportedV1 {
  static readonly subject = 'dispatch.whistle.support_reported.v1';
  @IsUUID() whistleId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() unitId!: string;
  @IsString() report!: string;
  @IsISO8601() reportedAt!: string;
  @ValidateNested() @Type(() => Actor) reportedBy!: Actor;
}

/** The raiser confirmed the whistle answered. */
export class WhistleClosedV1 {
  static readonly subject = 'dispatch.whistle.closed.v1';
  @IsUUID() whistleId!: string;
  @IsUUID() caseId!: string;
  @IsString() note!: string;
  @IsISO8601() closedAt!: string;
  @ValidateNested() @Type(() => Actor) closedBy!: Actor;
}

/** 联席会议 scheduled for a case at the joint-conference level. */
export class ConferenceScheduledV1 {
  static readonly subject = 'dispatch.conference.scheduled.v1';
  @IsUUID() conferenceId!: string;
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsISO8601() scheduledFor!: string;
  @IsString() place!: string;
  @IsArray() @IsUUID('all', { each: true }) participantUnitIds!: string[];
  @ValidateNested() @Type(() => Actor) scheduledBy!: Actor;
}

/** The conference met; its minutes are recorded. */
export class ConferenceHeldV1 {
  static readonly subject = 'dispatch.conference.held.v1';
  @IsUUID() conferenceId!: string;
  @IsUUID() caseId!: string;
  @IsISO8601() heldAt!: string;
  @ValidateNested() @Type(() => Actor) recordedBy!: Actor;
}

/** A task (派单) from the conference to one department, with a deadline. */
export class ConferenceTaskIssuedV1 {
  static readonly subject = 'dispatch.conference_task.issued.v1';
  @IsUUID() taskId!: string;
  @IsUUID() conferenceId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() unitId!: string;
  @IsString() description!: string;
  @IsISO8601() dueAt!: string;
  @ValidateNested() @Type(() => Actor) issuedBy!: Actor;
}

export class ConferenceTaskClosedV1 {
  static readonly subject = 'dispatch.conference_task.closed.v1';
  @IsUUID() taskId!: string;
  @IsUUID() conferenceId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() unitId!: string;
  @IsString() result!: string;
  @IsISO8601() closedAt!: string;
  @ValidateNested() @Type(() => Actor) closedBy!: Actor;
}

export interface EventContract<T = object> {
  new (): T;
  readonly subject: string;
}

/** The JetStream streams and the event subjects each one stores (explicit, so requests never land in a stream). */
export const EVENT_STREAMS = {
  DISPATCH_EVENTS: [
    CaseRegisteredV1,
    CaseStatusChangedV1,
    CaseFlaggedV1,
    CaseReclassifiedV1,
    CaseEscalatedV1,
    ReferralIssuedV1,
    ReferralReturnRuledV1,
    ReferralTransferredV1,
    RoutingMatrixPublishedV1,
    WhistleBlownV1,
    WhistleRespondedV1,
    WhistleSupportReportedV1,
    WhistleClosedV1,
    ConferenceScheduledV1,
    ConferenceHeldV1,
    ConferenceTaskIssuedV1,
    ConferenceTaskClosedV1,
  ],
  AGENCY_EVENTS: [ReferralAcceptedV1, ReferralReturnedV1, ReferralStartedV1, ReferralClosedV1],
} as const satisfies Record<string, readonly EventContract[]>;

export type EventStreamName = keyof typeof EVENT_STREAMS;
