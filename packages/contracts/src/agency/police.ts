import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/page';
import {
  RISK_LEVELS,
  VIOLENCE_RISK_GRADES,
  type RiskLevel,
  type ViolenceRiskGrade,
} from '../common/vocabulary';
import { JURISDICTION_CODE, JURISDICTION_CODE_MESSAGE } from '../dispatch/agency';
import { PartyInput, PartyView } from '../dispatch/case';

/**
 * The police station's (派出所) own work: 当场调处 recorded on the spot, 110 警情 linked to cases,
 * the 民转刑 risk assessment, and 警调对接 to the people's mediators stationed at the station.
 */
export const PoliceSubjects = {
  onTheSpotRecord: 'police-mediation.on_the_spot.record.v1',
  onTheSpotList: 'police-mediation.on_the_spot.list.v1',
  onTheSpotGet: 'police-mediation.on_the_spot.get.v1',
  incidentLink: 'police-mediation.incident.link.v1',
  incidentList: 'police-mediation.incident.list.v1',
  violenceRiskAssess: 'police-mediation.violence_risk.assess.v1',
  violenceRiskList: 'police-mediation.violence_risk.list.v1',
  stationedCommitteeSet: 'police-mediation.stationed_committee.set.v1',
  stationedCommitteeGet: 'police-mediation.stationed_committee.get.v1',
  referralHandOff: 'police-mediation.referral.hand_off.v1',
} as const;

/** Where a dispute settled on the spot came from: a 110 call, a patrol, or someone walking in. */
export const ON_THE_SPOT_CHANNELS = ['call_110', 'patrol', 'walk_in'] as const;
export type OnTheSpotChannel = (typeof ON_THE_SPOT_CHANNELS)[number];

/** 当场化解 / 未能当场化解 (the case then waits for the coordinator to dispatch it). */
export const ON_THE_SPOT_OUTCOMES = ['settled', 'not_settled'] as const;
export type OnTheSpotOutcome = (typeof ON_THE_SPOT_OUTCOMES)[number];

/** `registering` until dispatch has registered the case, then `registered` (with its case number). */
export const ON_THE_SPOT_STATUSES = ['registering', 'registered'] as const;
export type OnTheSpotStatus = (typeof ON_THE_SPOT_STATUSES)[number];

/**
 * 民转刑 risk factors (the checklist a police officer ticks) with their weights. The score is the
 * sum, capped at 100: below 30 low, below 60 medium, otherwise high (docs/agencies.md).
 */
export const VIOLENCE_RISK_FACTORS = {
  threats_of_harm: { weight: 30, zh: '扬言伤害他人' },
  weapons_involved: { weight: 30, zh: '涉及凶器' },
  prior_violence: { weight: 20, zh: '曾有暴力行为' },
  alcohol_or_drugs: { weight: 10, zh: '酗酒或涉毒' },
  mental_health_concern: { weight: 10, zh: '疑似精神异常' },
  repeated_conflict: { weight: 10, zh: '反复发生冲突' },
  extreme_statements: { weight: 20, zh: '有过激言论' },
  vulnerable_party: { weight: 10, zh: '一方为弱势群体' },
  property_destroyed: { weight: 10, zh: '有毁损财物行为' },
  escalating: { weight: 15, zh: '矛盾呈激化趋势' },
} as const satisfies Record<string, { weight: number; zh: string }>;
export type ViolenceRiskFactor = keyof typeof VIOLENCE_RISK_FACTORS;

const DISPUTE_TYPE_CODE = /^[a-z][a-z_]{1,40}$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

// ---- 当场调处 ----

export class RecordOnTheSpotMediationRequest {
  @ApiPropertyOptional({
    description: '110 警情编号: required when the channel is call_110 (4-40 letters, digits or dashes)',
    example: 'J3707812026112300012',
  })
  @ValidateIf(
    (o: RecordOnTheSpotMediationRequest) => o.channel === 'call_110' || o.incidentNumber !== undefined,
  )
  @IsString({ message: 'incidentNumber is required when the channel is call_110 (110警情须填写警情编号)' })
  @IsNotEmpty({ message: 'incidentNumber is required when the channel is call_110 (110警情须填写警情编号)' })
  @MaxLength(40)
  incidentNumber?: string;

  @ApiProperty({ enum: ON_THE_SPOT_CHANNELS, description: '110 接警 / 巡逻发现 / 来所求助' })
  @IsIn(ON_THE_SPOT_CHANNELS)
  channel!: OnTheSpotChannel;

  @ApiProperty({ format: 'date-time', description: 'when the dispute happened (not in the future)' })
  @IsISO8601()
  occurredAt!: string;

  @ApiProperty({ example: '黄楼街道卢李村3号门前' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  place!: string;

  @ApiProperty({ example: '370781007201', description: "the station's own 辖区 or a place below it" })
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode!: string;

  @ApiProperty({ example: 'neighbour', description: 'a code from the dispute type taxonomy' })
  @Matches(DISPUTE_TYPE_CODE, { message: 'must be a dispute type code such as neighbour' })
  disputeType!: string;

  @ApiProperty({ example: '邻里停车纠纷' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ type: [PartyInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartyInput)
  parties!: PartyInput[];

  @ApiProperty({ example: '双方因门前停车发生口角，民警到场后分别做工作。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;

  @ApiProperty({ enum: RISK_LEVELS, description: '风险等级: only general may be settled on the spot' })
  @IsIn(RISK_LEVELS)
  riskLevel!: RiskLevel;

  @ApiProperty({ description: '民转刑 risk: such a dispute may not be settled on the spot' })
  @IsBoolean()
  violenceRisk!: boolean;

  @ApiProperty({ enum: ON_THE_SPOT_OUTCOMES })
  @IsIn(ON_THE_SPOT_OUTCOMES)
  outcome!: OnTheSpotOutcome;

  @ApiPropertyOptional({
    description: 'what the parties agreed: required when settled',
    example: '双方同意各自车辆停放于自家门前，互不占道',
  })
  @ValidateIf((o: RecordOnTheSpotMediationRequest) => o.outcome === 'settled')
  @IsString({ message: 'agreementSummary is required when settled (当场化解须填写协议内容)' })
  @IsNotEmpty({ message: 'agreementSummary is required when settled (当场化解须填写协议内容)' })
  @MaxLength(2000)
  agreementSummary?: string;
}

/** The request plus the station and the caller's Idempotency-Key header, if any. */
export class RecordOnTheSpotMediationCommand extends RecordOnTheSpotMediationRequest {
  @IsUUID()
  agencyId!: string;

  @IsOptional()
  @Matches(IDEMPOTENCY_KEY, { message: 'Idempotency-Key must be 8-100 letters, digits, - or _' })
  idempotencyKey?: string;
}

export class ListOnTheSpotMediationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ON_THE_SPOT_OUTCOMES })
  @IsOptional()
  @IsIn(ON_THE_SPOT_OUTCOMES)
  outcome?: OnTheSpotOutcome;

  @ApiPropertyOptional({ enum: ON_THE_SPOT_STATUSES })
  @IsOptional()
  @IsIn(ON_THE_SPOT_STATUSES)
  status?: OnTheSpotStatus;

  @ApiPropertyOptional({ format: 'date-time', description: 'occurred from (inclusive)' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'occurred before (exclusive)' })
  @IsOptional()
  @IsISO8601()
  to?: string;

  @ApiPropertyOptional({ description: 'the 110 警情编号 (case does not matter)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  incidentNumber?: string;
}

export class ListOnTheSpotMediationsCommand extends ListOnTheSpotMediationsQuery {
  @IsUUID()
  agencyId!: string;
}

export class OnTheSpotMediationParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  recordId!: string;
}

export class PoliceActorView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class OnTheSpotMediationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'the station' }) agencyId!: string;
  @ApiProperty({ enum: ON_THE_SPOT_STATUSES }) status!: OnTheSpotStatus;
  @ApiPropertyOptional({ format: 'uuid', description: 'the case dispatch registered' }) caseId?: string;
  @ApiPropertyOptional({ example: '370781-2026-000031' }) caseNumber?: string;
  @ApiPropertyOptional({ description: '110 警情编号' }) incidentNumber?: string;
  @ApiProperty({ enum: ON_THE_SPOT_CHANNELS }) channel!: OnTheSpotChannel;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty() place!: string;
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty() disputeType!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [PartyView], description: 'ID and phone numbers masked' }) parties!: PartyView[];
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: RISK_LEVELS }) riskLevel!: RiskLevel;
  @ApiProperty() violenceRisk!: boolean;
  @ApiProperty({ enum: ON_THE_SPOT_OUTCOMES }) outcome!: OnTheSpotOutcome;
  @ApiPropertyOptional() agreementSummary?: string;
  @ApiProperty({ type: PoliceActorView }) recordedBy!: PoliceActorView;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) registeredAt?: string;
}

// ---- 110 警情 linked to a referral's case ----

export class LinkIncidentRequest {
  @ApiProperty({
    example: 'J3707812026112300012',
    description: '110 警情编号 (4-40 letters, digits or dashes)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  incidentNumber!: string;

  @ApiProperty({ format: 'date-time', description: 'when the 110 call was received (接警时间)' })
  @IsISO8601()
  receivedAt!: string;
}

export class LinkIncidentCommand extends LinkIncidentRequest {
  @IsUUID()
  referralId!: string;
}

export class ListReferralIncidentsCommand extends PageQuery {
  @IsUUID()
  referralId!: string;
}

export class IncidentLinkView {
  @ApiProperty() incidentNumber!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid', description: 'the station that linked it' }) agencyId!: string;
  @ApiPropertyOptional({ format: 'uuid' }) referralId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the on-the-spot record it came with' })
  onTheSpotRecordId?: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) linkedAt!: string;
  @ApiProperty({ type: PoliceActorView }) linkedBy!: PoliceActorView;
}

// ---- 民转刑 risk assessment ----

export class AssessViolenceRiskRequest {
  @ApiProperty({
    description: `factor codes from the checklist: ${Object.keys(VIOLENCE_RISK_FACTORS).join(', ')}`,
    example: ['threats_of_harm', 'prior_violence'],
  })
  @IsArray()
  @ArrayMaxSize(Object.keys(VIOLENCE_RISK_FACTORS).length)
  @ArrayUnique()
  @IsString({ each: true })
  factors!: string[];

  @ApiProperty({ example: '一方多次扬言报复，曾有肢体冲突' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class AssessViolenceRiskCommand extends AssessViolenceRiskRequest {
  @IsUUID()
  referralId!: string;
}

export class ListViolenceRiskAssessmentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: VIOLENCE_RISK_GRADES })
  @IsOptional()
  @IsIn(VIOLENCE_RISK_GRADES)
  grade?: ViolenceRiskGrade;
}

export class ListViolenceRiskAssessmentsCommand extends ListViolenceRiskAssessmentsQuery {
  @IsUUID()
  referralId!: string;
}

export class ViolenceRiskAssessmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ type: [String] }) factors!: string[];
  @ApiProperty({ description: 'the sum of the factors’ weights, at most 100' }) score!: number;
  @ApiProperty({ enum: VIOLENCE_RISK_GRADES }) grade!: ViolenceRiskGrade;
  @ApiProperty({ description: 'high grade: the case is flagged 民转刑' }) violenceRisk!: boolean;
  @ApiPropertyOptional({ enum: RISK_LEVELS, description: 'the risk level the case is raised to (at least)' })
  raisesRiskTo?: RiskLevel;
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'date-time' }) assessedAt!: string;
  @ApiProperty({ type: PoliceActorView }) assessedBy!: PoliceActorView;
}

// ---- 警调对接 ----

export class SetStationedCommitteeRequest {
  @ApiProperty({
    format: 'uuid',
    description: "the people's mediation committee whose mediators sit at the station (驻所人民调解室)",
  })
  @IsUUID()
  committeeAgencyId!: string;
}

export class SetStationedCommitteeCommand extends SetStationedCommitteeRequest {
  @IsUUID()
  agencyId!: string;
}

export class StationedCommitteeView {
  @ApiProperty({ format: 'uuid' }) stationAgencyId!: string;
  @ApiProperty({ format: 'uuid' }) committeeAgencyId!: string;
  @ApiProperty({ example: '黄楼街道人民调解委员会' }) committeeName!: string;
  @ApiProperty({ format: 'date-time' }) setAt!: string;
  @ApiProperty({ type: PoliceActorView }) setBy!: PoliceActorView;
}

export class HandOffReferralRequest {
  @ApiProperty({ example: '邻里纠纷，适宜由驻所人民调解员调解' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class HandOffReferralCommand extends HandOffReferralRequest {
  @IsUUID()
  referralId!: string;
}

export class HandOffView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid', description: 'the station' }) fromAgencyId!: string;
  @ApiProperty({ format: 'uuid', description: 'the stationed committee' }) toAgencyId!: string;
  @ApiProperty() toAgencyName!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: PoliceActorView }) requestedBy!: PoliceActorView;
}
