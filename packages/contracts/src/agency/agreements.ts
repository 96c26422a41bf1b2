import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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
import { Actor } from '../common/actor';
import { PageQuery } from '../common/page';
import { IsPartyIdNumber } from '../common/party-id-number';
import {
  AGREEMENT_STATUSES,
  PARTY_KINDS,
  PERFORMANCE_STATUSES,
  type AgreementStatus,
  type PerformanceStatus,
} from '../common/vocabulary';
import { AgencyReferralFacts } from './events';

/** 调解协议书 (人民调解法 第28–31条 practice): who, what happened, what they agreed, how it is performed. */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The sides of an agreement: 申请人 / 被申请人 (a case's 'other' parties do not sign one). */
export const AGREEMENT_PARTY_ROLES = ['applicant', 'respondent'] as const;
export type AgreementPartyRole = (typeof AGREEMENT_PARTY_ROLES)[number];

/** The list's performance filter: any term 未履行 (defaulted), any term overdue, or every term performed. */
export const AGREEMENT_PERFORMANCE_FILTERS = ['defaulted', 'overdue', 'performed'] as const;
export type AgreementPerformanceFilter = (typeof AGREEMENT_PERFORMANCE_FILTERS)[number];

export class AgreementPartyInput {
  @ApiProperty({ example: '王某' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: AGREEMENT_PARTY_ROLES, description: '申请人 / 被申请人' })
  @IsIn(AGREEMENT_PARTY_ROLES)
  role!: AgreementPartyRole;

  @ApiProperty({ enum: PARTY_KINDS })
  @IsIn(PARTY_KINDS)
  kind!: (typeof PARTY_KINDS)[number];

  @ApiPropertyOptional({
    description:
      'a person: 居民身份证号 (GB 11643); an organisation: 统一社会信用代码 (GB 32100); stored encrypted, shown masked, printed in full on the PDF',
    example: '11010519491231002X',
  })
  @IsOptional()
  @IsPartyIdNumber()
  idNumber?: string;

  @ApiPropertyOptional({
    example: '13812345678',
    description: 'mobile number; stored encrypted, shown masked',
  })
  @IsOptional()
  @IsMobilePhone('zh-CN', {}, { message: 'phone must be a mainland mobile number' })
  phone?: string;

  @ApiPropertyOptional({ example: '青州市黄楼街道卢李村3组12号' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;
}

/** One term (协议条款), performed by a date and in a way if the parties said so. */
export class AgreementTermInput {
  @ApiProperty({ example: '李某于2026年6月30日前修复卫生间防水层，并赔偿王某损失人民币800元。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  content!: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: '履行期限 (a date, Asia/Shanghai)' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'performBy must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'performBy must be a real date' })
  performBy?: string;

  @ApiPropertyOptional({ example: '现金当面交付', description: '履行方式' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  method?: string;
}

/** 履行方式、时限 of the agreement as a whole. */
export class PerformanceSummaryInput {
  @ApiProperty({ example: '2026年6月30日前履行完毕' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  time!: string;

  @ApiProperty({ example: '一次性现金支付，维修由李某自行联系施工' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  method!: string;
}

/** Drafting (POST) and re-drafting (PUT) a referral's agreement take the same body. */
export class DraftAgreementRequest {
  @ApiProperty({ type: [AgreementPartyInput], description: '当事人, at least two' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AgreementPartyInput)
  parties!: AgreementPartyInput[];

  @ApiProperty({ example: '王某与李某系上下楼邻居。李某家卫生间漏水，致王某家天花板受损，双方协商未果。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  facts!: string;

  @ApiProperty({ type: [AgreementTermInput], description: '协议条款, at least one' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgreementTermInput)
  terms!: AgreementTermInput[];

  @ApiProperty({ type: PerformanceSummaryInput, description: '履行方式、时限' })
  @ValidateNested()
  @Type(() => PerformanceSummaryInput)
  performance!: PerformanceSummaryInput;

  @ApiProperty({ type: [String], example: ['张调解员'], description: '调解员, as they sign' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  mediatorNames!: string[];

  @ApiPropertyOptional({ example: '双方就此纠纷再无其他争议。', description: '其他事项' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  otherMatters?: string;
}

export class DraftAgreementCommand extends DraftAgreementRequest {
  @IsUUID()
  referralId!: string;
}

export class AgreementSignatoryInput {
  @ApiProperty({ description: "the party's position in the agreement's parties (0 = first)" })
  @IsInt()
  @Min(0)
  @Max(19)
  partyPosition!: number;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  signedAt!: string;
}

/**
 * 签署: every party signs (签名、盖章或按指印), then the mediator (the caller); the agreement takes
 * effect at `signedAt`, no earlier than the last party's signature.
 */
export class SignAgreementRequest {
  @ApiProperty({ format: 'date-time', description: 'when the agreement took effect (生效日期)' })
  @IsISO8601({ strict: true })
  signedAt!: string;

  @ApiProperty({ type: [AgreementSignatoryInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AgreementSignatoryInput)
  signatories!: AgreementSignatoryInput[];
}

export class SignAgreementCommand extends SignAgreementRequest {
  @IsUUID()
  referralId!: string;
}

/** The agreement (or its PDF) of one referral. */
export class AgreementRefCommand {
  @IsUUID()
  referralId!: string;
}

export class AgreementTermParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  referralId!: string;

  @ApiProperty({ description: 'the term number, 1 = 第一条' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  termNo!: number;
}

/** 履行情况 of one term, as found on a check (回访, the parties' word, a receipt). */
export class RecordPerformanceRequest {
  @ApiProperty({ enum: PERFORMANCE_STATUSES })
  @IsIn(PERFORMANCE_STATUSES)
  status!: PerformanceStatus;

  @ApiProperty({ example: '经电话回访，李某已于6月20日修复防水层并当面支付800元。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  recordedAt!: string;
}

export class RecordPerformanceCommand extends RecordPerformanceRequest {
  @IsUUID()
  referralId!: string;

  @IsInt()
  @Min(1)
  @Max(50)
  termNo!: number;
}

export class ListAgreementsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES })
  @IsOptional()
  @IsIn(AGREEMENT_STATUSES)
  status?: AgreementStatus;

  @ApiPropertyOptional({
    enum: AGREEMENT_PERFORMANCE_FILTERS,
    description:
      'defaulted: a term 未履行; overdue: a term past its performBy and not performed; performed: every term performed',
  })
  @IsOptional()
  @IsIn(AGREEMENT_PERFORMANCE_FILTERS)
  performance?: AgreementPerformanceFilter;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'signed on or after this day (Asia/Shanghai)' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'signedFrom must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'signedFrom must be a real date' })
  signedFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'signed on or before this day (Asia/Shanghai)' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'signedTo must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'signedTo must be a real date' })
  signedTo?: string;
}

export class ListAgreementsCommand extends ListAgreementsQuery {
  @IsUUID()
  agencyId!: string;
}

// ---- Views ----

export class AgreementPartyView {
  @ApiProperty({ description: 'position among the parties, 0 = first' }) position!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: AGREEMENT_PARTY_ROLES }) role!: AgreementPartyRole;
  @ApiProperty({ enum: PARTY_KINDS }) kind!: string;
  @ApiPropertyOptional({ example: '1101**********002X', description: 'masked' }) idNumber?: string;
  @ApiPropertyOptional({ example: '138****5678', description: 'masked' }) phone?: string;
  @ApiPropertyOptional() address?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when they signed' }) signedAt?: string;
}

export class PerformanceRecordView {
  @ApiProperty({ enum: PERFORMANCE_STATUSES }) status!: PerformanceStatus;
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ description: 'who recorded it' }) recordedByName!: string;
}

export class AgreementTermView {
  @ApiProperty({ description: '1 = 第一条' }) termNo!: number;
  @ApiProperty() content!: string;
  @ApiPropertyOptional({ example: '2026-06-30' }) performBy?: string;
  @ApiPropertyOptional() method?: string;
  @ApiProperty({ enum: PERFORMANCE_STATUSES, description: 'the latest record, pending before any' })
  performanceStatus!: PerformanceStatus;
  @ApiProperty({ description: 'performBy has passed (Asia/Shanghai) and the term is not performed' })
  overdue!: boolean;
  @ApiProperty({ type: [PerformanceRecordView], description: 'every record, oldest first' })
  performanceHistory!: PerformanceRecordView[];
}

export class AgreementDocumentView {
  @ApiProperty({ example: '调解协议书_（2026）黄楼人调字第001号.pdf' }) filename!: string;
  @ApiProperty({ description: 'of the PDF as rendered' }) sha256!: string;
  @ApiProperty() bytes!: number;
}

export class AgreementView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ example: '（2026）黄楼人调字第001号' }) number!: string;
  @ApiProperty({ example: '人民调解协议书' }) title!: string;
  @ApiProperty({ enum: AGREEMENT_STATUSES }) status!: AgreementStatus;
  @ApiProperty({ type: [AgreementPartyView] }) parties!: AgreementPartyView[];
  @ApiProperty() facts!: string;
  @ApiProperty({ type: [AgreementTermView] }) terms!: AgreementTermView[];
  @ApiProperty({ type: PerformanceSummaryInput }) performance!: PerformanceSummaryInput;
  @ApiProperty({ type: [String] }) mediatorNames!: string[];
  @ApiPropertyOptional() otherMatters?: string;
  @ApiProperty({ description: '本协议一式X份: one per party and one kept by the agency' }) copies!: number;
  @ApiProperty({ format: 'date-time' }) draftedAt!: string;
  @ApiProperty() draftedByName!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'in force from (生效)' }) signedAt?: string;
  @ApiPropertyOptional({ description: 'the mediator who signed it' }) signedByName?: string;
  @ApiPropertyOptional({ type: AgreementDocumentView, description: 'the signed PDF kept with the case' })
  document?: AgreementDocumentView;
}

/** One line of an agency's list of agreements. */
export class AgreementSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() caseTitle!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ enum: AGREEMENT_STATUSES }) status!: AgreementStatus;
  @ApiProperty({ type: [String] }) partyNames!: string[];
  @ApiProperty() termCount!: number;
  @ApiProperty() performedTerms!: number;
  @ApiProperty({ description: 'some term 未履行' }) defaulted!: boolean;
  @ApiProperty({ description: 'some term past its performBy and not performed' }) overdue!: boolean;
  @ApiProperty({ format: 'date-time' }) draftedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) signedAt?: string;
}

// ---- Events (stream AGENCY_EVENTS) ----

/** 调解协议书 drafted, or re-drafted while still a draft (its number stays). */
export class AgreementDraftedV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.agreement.drafted.v1';
  @IsUUID() agreementId!: string;
  @IsString() number!: string;
  /** False for the first draft, true for each re-draft. */
  @IsBoolean() redrafted!: boolean;
  @IsInt() partyCount!: number;
  @IsInt() termCount!: number;
  @IsISO8601() draftedAt!: string;
  @ValidateNested() @Type(() => Actor) draftedBy!: Actor;
}

/** 调解协议书 signed by every party and the mediator: in force, its PDF kept with the case. */
export class AgreementSignedV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.agreement.signed.v1';
  @IsUUID() agreementId!: string;
  @IsString() number!: string;
  @IsISO8601() signedAt!: string;
  @IsInt() termCount!: number;
  /** Of the PDF as rendered (before encryption at rest). */
  @Matches(/^[0-9a-f]{64}$/) sha256!: string;
  @ValidateNested() @Type(() => Actor) signedBy!: Actor;
}

/** 履行情况 of one term of a signed agreement was recorded. */
export class AgreementPerformanceRecordedV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.agreement.performance_recorded.v1';
  @IsUUID() agreementId!: string;
  @IsString() number!: string;
  @IsInt() termNo!: number;
  @IsIn(PERFORMANCE_STATUSES) status!: PerformanceStatus;
  @IsString() note!: string;
  @IsISO8601() recordedAt!: string;
  @ValidateNested() @Type(() => Actor) recordedBy!: Actor;
}
