import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsMobilePhone,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/page';
import { QueryBoolean } from '../common/query-boolean';
import { IsPartyIdNumber } from '../common/party-id-number';
import {
  CASE_STATUSES,
  INTAKE_CHANNELS,
  LADDER_CODES,
  LADDER_MODES,
  PARTY_KINDS,
  PARTY_ROLES,
  RISK_LEVELS,
  type CaseStatus,
  type IntakeChannel,
  type LadderCode,
  type LadderMode,
  type RiskLevel,
} from '../common/vocabulary';
import { JURISDICTION_CODE, JURISDICTION_CODE_MESSAGE } from './agency';
import { ReferralView } from './referral';

export class PartyInput {
  @ApiProperty({ enum: PARTY_KINDS })
  @IsIn(PARTY_KINDS)
  kind!: (typeof PARTY_KINDS)[number];

  @ApiProperty({ enum: PARTY_ROLES })
  @IsIn(PARTY_ROLES)
  role!: (typeof PARTY_ROLES)[number];

  @ApiProperty({ example: '王某' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({
    description:
      'a person: 居民身份证号 (GB 11643); an organisation: 统一社会信用代码 (GB 32100); checksum verified, stored encrypted, shown masked',
    example: '11010519491231002X',
  })
  @IsOptional()
  @IsPartyIdNumber()
  idNumber?: string;

  @ApiPropertyOptional({
    description: 'mobile number; stored encrypted, shown masked',
    example: '13812345678',
  })
  @IsOptional()
  @IsMobilePhone('zh-CN', {}, { message: 'phone must be a mainland mobile number' })
  phone?: string;
}

export class RegisterCaseRequest {
  @ApiProperty({ example: '邻里漏水纠纷' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '楼上住户卫生间漏水，楼下住户多次协商未果。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description!: string;

  @ApiProperty({ example: 'neighbour', description: 'a code from the dispute type taxonomy' })
  @Matches(/^[a-z][a-z_]{1,40}$/, { message: 'must be a dispute type code such as neighbour' })
  disputeType!: string;

  @ApiProperty({ example: '370781005001' })
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode!: string;

  @ApiProperty({ enum: INTAKE_CHANNELS })
  @IsIn(INTAKE_CHANNELS)
  channel!: IntakeChannel;

  @ApiPropertyOptional({
    description: '110 警情编号 when the channel is call_110',
    example: 'J3707812026112300012',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{4,40}$/, { message: 'must be 4-40 letters, digits or dashes' })
  incidentNumber?: string;

  @ApiPropertyOptional({ enum: RISK_LEVELS, default: 'general', description: '风险等级' })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  riskLevel?: RiskLevel;

  @ApiPropertyOptional({ default: false, description: '民转刑 risk: police lists show the case first' })
  @IsOptional()
  @IsBoolean()
  violenceRisk?: boolean;

  @ApiPropertyOptional({
    example: '黄楼街道卢李村3号',
    description: 'where it happened; used to find repeats',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'the ladder level mediation starts at (default 1, the lowest)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  startLevel?: number;

  @ApiProperty({ type: [PartyInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartyInput)
  parties!: PartyInput[];
}

/** What the gateway sends dispatch: the request plus the caller's Idempotency-Key header, if any. */
export class RegisterCaseCommand extends RegisterCaseRequest {
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,100}$/, { message: 'Idempotency-Key must be 8-100 letters, digits, - or _' })
  idempotencyKey?: string;
}

export class CaseIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  caseId!: string;
}

export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'a dispute type code' })
  @IsOptional()
  @Matches(/^[a-z][a-z_]{1,40}$/, { message: 'must be a dispute type code such as neighbour' })
  disputeType?: string;

  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  riskLevel?: RiskLevel;

  @ApiPropertyOptional({ description: '民转刑 risk only' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  violenceRisk?: boolean;

  @ApiPropertyOptional({ description: 'repeats (重复件) only' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  repeat?: boolean;

  @ApiPropertyOptional({ description: 'ping-pong (推诿扯皮) only' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  pingPong?: boolean;

  @ApiPropertyOptional({ description: 'reopened after a rebound (反弹重开) only' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  rebound?: boolean;

  @ApiPropertyOptional({ description: 'current ladder level' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ladderLevel?: number;

  @ApiPropertyOptional({ enum: CASE_STATUSES })
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional({ description: 'cases in this jurisdiction or below it' })
  @IsOptional()
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode?: string;
}

export class PartyView {
  @ApiProperty({ enum: PARTY_KINDS }) kind!: string;
  @ApiProperty({ enum: PARTY_ROLES }) role!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ example: '1101**********002X', description: 'masked' }) idNumber?: string;
  @ApiPropertyOptional({ example: '138****5678', description: 'masked' }) phone?: string;
}

export class TimelineEntryView {
  @ApiProperty({ example: 'referral_accepted' }) step!: string;
  @ApiProperty({ example: '黄楼派出所签收派单' }) summary!: string;
  @ApiProperty({ description: 'who did it' }) actorName!: string;
  @ApiPropertyOptional({ description: 'the agency that did it, if any' }) agencyName?: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class CaseSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '370781-2026-000001' }) caseNumber!: string;
  @ApiProperty() title!: string;
  @ApiProperty() disputeType!: string;
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty({ enum: INTAKE_CHANNELS }) channel!: IntakeChannel;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiProperty({ enum: RISK_LEVELS }) riskLevel!: RiskLevel;
  @ApiProperty({ description: '民转刑 risk' }) violenceRisk!: boolean;
  @ApiProperty({ description: '重复件/反复矛盾' }) repeat!: boolean;
  @ApiProperty({ description: '推诿扯皮: returned again and again' }) pingPong!: boolean;
  @ApiProperty({ description: '反弹重开: a follow-up found it rebounded and it was referred again' })
  rebound!: boolean;
  @ApiProperty({ description: 'current ladder level' }) ladderLevel!: number;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class CaseOwnerView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ format: 'uuid' }) agencyId?: string;
}

export class CaseLadderView {
  @ApiProperty({ enum: LADDER_CODES }) code!: LadderCode;
  @ApiProperty() level!: number;
  @ApiProperty({ example: '介入调' }) levelName!: string;
  @ApiProperty({ enum: LADDER_MODES }) mode!: LadderMode;
  @ApiProperty() startLevel!: number;
  @ApiPropertyOptional({ description: 'the next level a failed mediation proposed' }) proposedLevel?: number;
  @ApiPropertyOptional() closedLevel?: number;
}

export class CaseLinkView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ enum: ['same_id_number', 'same_phone', 'same_address', 'rebound'] }) reason!: string;
}

export class EscalationView {
  @ApiProperty() fromLevel!: number;
  @ApiProperty() toLevel!: number;
  @ApiProperty() reason!: string;
  @ApiProperty() escalatedBy!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class CaseView extends CaseSummaryView {
  @ApiProperty() description!: string;
  @ApiPropertyOptional() incidentNumber?: string;
  @ApiPropertyOptional() address?: string;
  @ApiProperty({ type: CaseOwnerView, description: '首接负责: who received it' }) firstOwner!: CaseOwnerView;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the agency whose accepted lead referral holds the case now',
  })
  ownerAgencyId?: string;
  @ApiProperty({ type: CaseLadderView }) ladder!: CaseLadderView;
  @ApiProperty({ type: [CaseLinkView], description: 'earlier cases of the same party or place' })
  links!: CaseLinkView[];
  @ApiProperty({ type: [EscalationView] }) escalations!: EscalationView[];
  @ApiProperty({ type: [PartyView] }) parties!: PartyView[];
  @ApiProperty({ type: [ReferralView] }) referrals!: ReferralView[];
  @ApiProperty({ type: [TimelineEntryView] }) timeline!: TimelineEntryView[];
}

export class PartyRefParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  caseId!: string;

  @ApiProperty({ description: "the party's position in the case (0 = first)" })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(49)
  position!: number;
}

/** A party's personal data in clear: only for roles that must contact the party; every read is audited. */
export class PartyPersonalDataView {
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ example: '11010519491231002X' }) idNumber?: string;
  @ApiPropertyOptional({ example: '13812345678' }) phone?: string;
}

/** 风险等级调整: a coordinator re-rates a case; 重大/特别重大 or 民转刑 makes its deadlines urgent. */
export class ChangeCaseRiskRequest {
  @ApiProperty({ enum: RISK_LEVELS })
  @IsIn(RISK_LEVELS)
  riskLevel!: RiskLevel;

  @ApiPropertyOptional({ description: '民转刑 risk; once flagged it stays flagged' })
  @IsOptional()
  @IsBoolean()
  violenceRisk?: boolean;

  @ApiProperty({ example: '一方扬言报复，已有肢体冲突' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class ChangeCaseRiskCommand extends ChangeCaseRiskRequest {
  @IsUUID()
  caseId!: string;
}

/**
 * A case's parties as an agency holding a referral on it may compare them: names and keyed lookup
 * hashes (the same PII_HASH_KEY in every service), never the clear ID or phone numbers.
 */
export class CasePartyLookupView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: () => [PartyLookupEntry] }) parties!: PartyLookupEntry[];
}

export class PartyLookupEntry {
  @ApiProperty({ description: "the party's place in the case (0-based)" }) position!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PARTY_KINDS }) kind!: (typeof PARTY_KINDS)[number];
  @ApiProperty({ enum: PARTY_ROLES }) role!: (typeof PARTY_ROLES)[number];
  @ApiProperty({ description: 'lookupHash of the normalised name' }) nameHash!: string;
  @ApiPropertyOptional({
    description: 'lookupHash of the ID number (身份证号 / 统一社会信用代码), when given',
  })
  idNumberHash?: string;
}
