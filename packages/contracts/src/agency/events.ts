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
import { Actor } from '../common/actor';
import {
  AGENCY_KINDS,
  FOLLOW_UP_METHODS,
  MEDIATOR_CATEGORIES,
  RISK_LEVELS,
  SATISFACTION_LEVELS,
  SESSION_RESULTS,
  VIOLENCE_RISK_GRADES,
  type AgencyKind,
  type FollowUpMethod,
  type MediatorCategory,
  type RiskLevel,
  type SatisfactionLevel,
  type SessionResult,
  type ViolenceRiskGrade,
} from '../common/vocabulary';

/**
 * Events of the agencies' own work beyond the inbox (subjects `agency.<aggregate>.<past-tense>.v1`,
 * stored in AGENCY_EVENTS). Each names the referral and case it is about, so dispatch can act on it
 * without asking back.
 */
export class AgencyReferralFacts {
  @IsUUID() referralId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() agencyId!: string;
  @IsIn(AGENCY_KINDS) agencyKind!: AgencyKind;
}

/** 一事一回访: a follow-up was scheduled for a settled referral (dispatch starts its 回访 clock). */
export class FollowUpScheduledV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.follow_up.scheduled.v1';
  @IsUUID() followUpId!: string;
  @IsIn(FOLLOW_UP_METHODS) method!: FollowUpMethod;
  /** When it is planned for. */
  @IsISO8601() scheduledFor!: string;
  @IsISO8601() scheduledAt!: string;
  @ValidateNested() @Type(() => Actor) scheduledBy!: Actor;
}

/**
 * A follow-up was made: the parties' satisfaction, and whether the dispute has rebounded (反弹).
 * Dispatch stops the 回访 clock and, on a rebound, reopens the case as a new referral linked to this one.
 */
export class FollowUpRecordedV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.follow_up.recorded.v1';
  @IsUUID() followUpId!: string;
  @IsIn(FOLLOW_UP_METHODS) method!: FollowUpMethod;
  @IsIn(SATISFACTION_LEVELS) satisfaction!: SatisfactionLevel;
  @IsBoolean() rebound!: boolean;
  @IsString() note!: string;
  @IsISO8601() recordedAt!: string;
  @ValidateNested() @Type(() => Actor) recordedBy!: Actor;
}

/**
 * A police 民转刑 risk assessment of a referral's dispute. A high grade flags the case 民转刑 and raises
 * its risk to at least `raisesRiskTo` (dispatch; never lowers it), and alerts the station (notifications).
 */
export class ViolenceRiskAssessedV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.violence_risk.assessed.v1';
  /** The case's number and 辖区, so an alert can name it and its area's coordinators can find it. */
  @IsString() caseNumber!: string;
  @IsString() jurisdictionCode!: string;
  @IsUUID() assessmentId!: string;
  @IsIn(VIOLENCE_RISK_GRADES) grade!: ViolenceRiskGrade;
  @IsInt() score!: number;
  /** The factors found, by code (threats, weapons, prior violence …). */
  @IsArray() @IsString({ each: true }) factors!: string[];
  @IsBoolean() violenceRisk!: boolean;
  @IsOptional() @IsIn(RISK_LEVELS) raisesRiskTo?: RiskLevel;
  @IsString() note!: string;
  @IsISO8601() assessedAt!: string;
  @ValidateNested() @Type(() => Actor) assessedBy!: Actor;
}

/**
 * 警调对接: a police station hands a referral to the people's mediation committee stationed with it.
 * Dispatch carries it out as a transfer (转办), and the station sees dispatch.referral.transferred.v1.
 */
export class ReferralHandOffRequestedV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.referral.hand_off_requested.v1';
  @IsUUID() toAgencyId!: string;
  @IsString() reason!: string;
  @IsISO8601() requestedAt!: string;
  @ValidateNested() @Type(() => Actor) requestedBy!: Actor;
}

/**
 * 当场调处: police settled a dispute on the spot, at the lowest level, without a referral. The case was
 * registered with dispatch first (request-reply); dispatch now closes it as resolved where it started.
 */
export class OnTheSpotSettledV1 {
  static readonly subject = 'agency.on_the_spot.settled.v1';
  @IsUUID() recordId!: string;
  @IsUUID() caseId!: string;
  @IsUUID() agencyId!: string;
  @IsIn(AGENCY_KINDS) agencyKind!: AgencyKind;
  @IsOptional() @IsString() incidentNumber?: string;
  @IsString() agreementSummary!: string;
  @IsISO8601() settledAt!: string;
  @ValidateNested() @Type(() => Actor) settledBy!: Actor;
}

/** 调解记录: a mediation session was held on a referral (the first one also started it: 开始办理). */
export class MediationSessionRecordedV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.mediation_session.recorded.v1';
  @IsUUID() sessionId!: string;
  /** 第几次调解: 1, 2 … per referral. */
  @IsInt() sequence!: number;
  @IsISO8601() heldAt!: string;
  @IsIn(SESSION_RESULTS) result!: SessionResult;
  @IsOptional() @IsISO8601() nextSessionAt?: string;
  @IsISO8601() recordedAt!: string;
  @ValidateNested() @Type(() => Actor) recordedBy!: Actor;
}

/** 承办调解员: one of the agency's mediators now has the referral in charge (a reassignment names the one before). */
export class ReferralMediatorAssignedV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.referral.mediator_assigned.v1';
  @IsUUID() mediatorId!: string;
  @IsString() mediatorName!: string;
  @IsOptional() @IsUUID() previousMediatorId?: string;
  @IsISO8601() assignedAt!: string;
  @ValidateNested() @Type(() => Actor) assignedBy!: Actor;
}

/** A mediator as the roster has them now (no personal data: the phone stays in the agency's schema). */
export class MediatorFacts {
  @IsUUID() mediatorId!: string;
  @IsUUID() agencyId!: string;
  @IsIn(AGENCY_KINDS) agencyKind!: AgencyKind;
  @IsString() name!: string;
  @IsIn(MEDIATOR_CATEGORIES) category!: MediatorCategory;
  @IsArray() @IsString({ each: true }) specialties!: string[];
  @IsBoolean() gold!: boolean;
  @IsBoolean() onDuty!: boolean;
}

/** A mediator joined an agency's roster. */
export class MediatorRegisteredV1 extends MediatorFacts {
  static readonly subject = 'agency.mediator.registered.v1';
  @IsISO8601() registeredAt!: string;
  @ValidateNested() @Type(() => Actor) registeredBy!: Actor;
}

/** A mediator's duty, 金牌 mark, category or specialties changed (the event carries the result). */
export class MediatorUpdatedV1 extends MediatorFacts {
  static readonly subject = 'agency.mediator.updated.v1';
  @IsISO8601() updatedAt!: string;
  @ValidateNested() @Type(() => Actor) updatedBy!: Actor;
}
