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
  FollowUpRecordedV1,
  FollowUpScheduledV1,
  MediationSessionRecordedV1,
  MediatorRegisteredV1,
  MediatorUpdatedV1,
  OnTheSpotSettledV1,
  ReferralMediatorAssignedV1,
  ReferralHandOffRequestedV1,
  ViolenceRiskAssessedV1,
} from './agency/events';
import {
  LawyerChoiceRefusedV1,
  LawyerChosenV1,
  ProBonoHoursRecordedV1,
  RepresentationRecordedV1,
} from './agency/lawyer';
import { AgreementDraftedV1, AgreementPerformanceRecordedV1, AgreementSignedV1 } from './agency/agreements';
import { CommitteeProfileSetV1, HearingHeldV1, HearingScheduledV1 } from './agency/people';
import {
  CommitteeInspectionRecordedV1,
  JudicialConfirmationDecidedV1,
  JudicialConfirmationFiledV1,
  JudicialConfirmationPreparedV1,
  LegalAidAnsweredV1,
  LegalAidReferredV1,
  RectificationCompletedV1,
} from './agency/judicial';
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
  SATISFACTION_LEVELS,
  WHISTLE_URGENCIES,
  SLA_BREACH_ACTIONS,
  SLA_CLOCK_KINDS,
  SLA_LEVELS,
  SLA_PAUSE_REASONS,
  SLA_STOP_REASONS,
  SLA_UNITS,
  SLA_URGENCIES,
  type SlaBreachAction,
  type SlaClockKind,
  type SlaLevel,
  type SlaPauseReason,
  type SlaStopReason,
  type SlaUnit,
  type SlaUrgency,
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
  type SatisfactionLevel,
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
  /** 反弹重开: the resolved referral this one reopens (same agency), when a follow-up found a rebound. */
  @IsOptional() @IsUUID() reopenedFromReferralId?: string;
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

/**
 * 反弹重开: a follow-up found a settled dispute rebounded; the case left `resolved` and went back to
 * the same agency as a new referral (`referralId`, issued with dispatch.referral.issued.v1 in the same
 * transaction), linked to the resolved one (`fromReferralId`).
 */
export class CaseReopenedV1 {
  static readonly subject = 'dispatch.case.reopened.v1';
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsUUID() referralId!: string;
  @IsUUID() fromReferralId!: string;
  @IsUUID() agencyId!: string;
  @IsIn(AGENCY_KINDS) agencyKind!: AgencyKind;
  @IsUUID() followUpId!: string;
  @IsIn(SATISFACTION_LEVELS) satisfaction!: SatisfactionLevel;
  @IsString() note!: string;
  @IsISO8601() reopenedAt!: string;
  @ValidateNested() @Type(() => Actor) reopenedBy!: Actor;
}

/** 风险等级调整: the case was re-rated; its deadlines follow (SLA clocks are re-targeted). */
export class CaseRiskChangedV1 {
  static readonly subject = 'dispatch.case.risk_changed.v1';
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsIn(RISK_LEVELS) from!: RiskLevel;
  @IsIn(RISK_LEVELS) to!: RiskLevel;
  @IsBoolean() violenceRisk!: boolean;
  @IsString() reason!: string;
  @IsISO8601() changedAt!: string;
  @ValidateNested() @Type(() => Actor) changedBy!: Actor;
}

/** What every SLA clock event says about the clock: what it times, for whom, and when it is due. */
export class SlaClockFacts {
  @IsUUID() clockId!: string;
  @IsIn(SLA_CLOCK_KINDS) kind!: SlaClockKind;
  /** The referral, summons or task the clock times. */
  @IsUUID() subjectId!: string;
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  /** The unit that must act: the referral's agency, the summoned unit or the task's owner. */
  @IsUUID() agencyId!: string;
  @IsString() agencyName!: string;
  @IsString() jurisdictionCode!: string;
  /** Null while the clock is paused. */
  @IsOptional() @IsISO8601() dueAt!: string | null;
}

/** A clock started: 签收, 办结, 报到 … is now owed by `agencyId`. */
export class SlaClockStartedV1 extends SlaClockFacts {
  static readonly subject = 'dispatch.sla_clock.started.v1';
  @IsInt() targetAmount!: number;
  @IsIn(SLA_UNITS) targetUnit!: SlaUnit;
  @IsIn(SLA_URGENCIES) urgency!: SlaUrgency;
  @IsOptional() @IsInt() policyVersion!: number | null;
  @IsISO8601() startedAt!: string;
}

export class SlaClockPausedV1 extends SlaClockFacts {
  static readonly subject = 'dispatch.sla_clock.paused.v1';
  @IsIn(SLA_PAUSE_REASONS) reason!: SlaPauseReason;
  @IsString() note!: string;
  @IsISO8601() pausedAt!: string;
  @ValidateNested() @Type(() => Actor) pausedBy!: Actor;
}

export class SlaClockResumedV1 extends SlaClockFacts {
  static readonly subject = 'dispatch.sla_clock.resumed.v1';
  /** How long this pause lasted, in the clock's own measure (working or wall milliseconds). */
  @IsInt() pausedMs!: number;
  @IsISO8601() resumedAt!: string;
  @ValidateNested() @Type(() => Actor) resumedBy!: Actor;
}

/** 延期申请 filed by the unit. */
export class SlaExtensionRequestedV1 extends SlaClockFacts {
  static readonly subject = 'dispatch.sla_clock.extension_requested.v1';
  @IsUUID() extensionId!: string;
  @IsInt() amount!: number;
  @IsIn(SLA_UNITS) unit!: SlaUnit;
  @IsString() reason!: string;
  @IsISO8601() requestedAt!: string;
  @ValidateNested() @Type(() => Actor) requestedBy!: Actor;
}

/** A coordinator approved (the deadline moved, `dueAt` is the new one) or refused an extension. */
export class SlaExtensionDecidedV1 extends SlaClockFacts {
  static readonly subject = 'dispatch.sla_clock.extension_decided.v1';
  @IsUUID() extensionId!: string;
  @IsBoolean() approved!: boolean;
  @IsString() note!: string;
  @IsISO8601() decidedAt!: string;
  @ValidateNested() @Type(() => Actor) decidedBy!: Actor;
}

/** The case's urgency changed: the clock keeps its elapsed time, pauses and extensions, under a new target. */
export class SlaClockRetargetedV1 extends SlaClockFacts {
  static readonly subject = 'dispatch.sla_clock.retargeted.v1';
  @IsIn(SLA_URGENCIES) urgency!: SlaUrgency;
  @IsInt() targetAmount!: number;
  @IsIn(SLA_UNITS) targetUnit!: SlaUnit;
  @IsString() reason!: string;
  @IsISO8601() retargetedAt!: string;
}

/** 预警: the clock passed a warning threshold (黄灯 / 橙灯). */
export class SlaClockWarnedV1 extends SlaClockFacts {
  static readonly subject = 'dispatch.sla_clock.warned.v1';
  @IsIn(SLA_LEVELS) level!: SlaLevel;
  /** The threshold passed, as a percentage of the allowed time. */
  @IsInt() thresholdPercent!: number;
  /** When the threshold was reached (the engine may notice it a moment later: `firedAt`). */
  @IsISO8601() reachedAt!: string;
  @IsISO8601() firedAt!: string;
}

/** 超期 (红灯): the deadline passed with the work not done; `actions` says what the hub did about it. */
export class SlaClockBreachedV1 extends SlaClockFacts {
  static readonly subject = 'dispatch.sla_clock.breached.v1';
  @IsArray() @IsIn(SLA_BREACH_ACTIONS, { each: true }) actions!: SlaBreachAction[];
  @IsOptional() @IsUUID() supervisionId!: string | null;
  @IsISO8601() reachedAt!: string;
  @IsISO8601() firedAt!: string;
}

export class SlaClockStoppedV1 extends SlaClockFacts {
  static readonly subject = 'dispatch.sla_clock.stopped.v1';
  @IsIn(SLA_STOP_REASONS) reason!: SlaStopReason;
  /** Stopped after its deadline. */
  @IsBoolean() late!: boolean;
  @IsISO8601() stoppedAt!: string;
}

/** 督办: a breach put on record for the coordinator and leadership. */
export class SupervisionOpenedV1 {
  static readonly subject = 'dispatch.supervision.opened.v1';
  @IsUUID() supervisionId!: string;
  @IsUUID() clockId!: string;
  @IsUUID() caseId!: string;
  @IsString() caseNumber!: string;
  @IsUUID() agencyId!: string;
  @IsString() jurisdictionCode!: string;
  @IsString() reason!: string;
  @IsISO8601() openedAt!: string;
}

export class SupervisionClosedV1 {
  static readonly subject = 'dispatch.supervision.closed.v1';
  @IsUUID() supervisionId!: string;
  @IsUUID() caseId!: string;
  @IsString() note!: string;
  @IsISO8601() closedAt!: string;
  @ValidateNested() @Type(() => Actor) closedBy!: Actor;
}

export class SlaPolicyPublishedV1 {
  static readonly subject = 'dispatch.sla_policy.published.v1';
  @IsInt() version!: number;
  @IsInt() rules!: number;
  @IsString() note!: string;
  @IsISO8601() publishedAt!: string;
  @ValidateNested() @Type(() => Actor) publishedBy!: Actor;
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
    CaseRiskChangedV1,
    CaseReopenedV1,
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
    SlaClockStartedV1,
    SlaClockPausedV1,
    SlaClockResumedV1,
    SlaExtensionRequestedV1,
    SlaExtensionDecidedV1,
    SlaClockRetargetedV1,
    SlaClockWarnedV1,
    SlaClockBreachedV1,
    SlaClockStoppedV1,
    SupervisionOpenedV1,
    SupervisionClosedV1,
    SlaPolicyPublishedV1,
  ],
  AGENCY_EVENTS: [
    ReferralAcceptedV1,
    ReferralReturnedV1,
    ReferralStartedV1,
    ReferralClosedV1,
    FollowUpScheduledV1,
    FollowUpRecordedV1,
    MediationSessionRecordedV1,
    ReferralMediatorAssignedV1,
    MediatorRegisteredV1,
    MediatorUpdatedV1,
    ViolenceRiskAssessedV1,
    ReferralHandOffRequestedV1,
    OnTheSpotSettledV1,
    CommitteeProfileSetV1,
    HearingScheduledV1,
    HearingHeldV1,
    JudicialConfirmationPreparedV1,
    JudicialConfirmationFiledV1,
    JudicialConfirmationDecidedV1,
    LegalAidReferredV1,
    LegalAidAnsweredV1,
    CommitteeInspectionRecordedV1,
    RectificationCompletedV1,
    AgreementDraftedV1,
    AgreementSignedV1,
    AgreementPerformanceRecordedV1,
    LawyerChosenV1,
    LawyerChoiceRefusedV1,
    ProBonoHoursRecordedV1,
    RepresentationRecordedV1,
  ],
} as const satisfies Record<string, readonly EventContract[]>;

export type EventStreamName = keyof typeof EVENT_STREAMS;
