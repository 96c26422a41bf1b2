import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
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
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Actor } from '../common/actor';
import { PageQuery } from '../common/page';
import { QueryBoolean } from '../common/query-boolean';
import { PARTY_ROLES } from '../common/vocabulary';
import { JURISDICTION_CODE, JURISDICTION_CODE_MESSAGE } from '../dispatch/agency';
import { AgencyReferralFacts } from './events';

/**
 * The judicial office's (司法所) own work: 司法确认 applications for its signed agreements, 法律援助
 * referrals, and its supervision (指导监督) of the people's mediation committees in its area.
 */
const SERVICE = 'judicial-mediation';

/** A party's position in the dispute: 申请人 / 被申请人 / 其他. */
export type LegalAidPartyPosition = (typeof PARTY_ROLES)[number];

export const JudicialSubjects = {
  confirmationPrepare: `${SERVICE}.judicial_confirmation.prepare.v1`,
  confirmationGet: `${SERVICE}.judicial_confirmation.get.v1`,
  confirmationGetPdf: `${SERVICE}.judicial_confirmation.get_pdf.v1`,
  confirmationRecordFiling: `${SERVICE}.judicial_confirmation.record_filing.v1`,
  confirmationRecordResult: `${SERVICE}.judicial_confirmation.record_result.v1`,
  confirmationList: `${SERVICE}.judicial_confirmation.list.v1`,
  legalAidRefer: `${SERVICE}.legal_aid.refer.v1`,
  legalAidRecordAnswer: `${SERVICE}.legal_aid.record_answer.v1`,
  legalAidList: `${SERVICE}.legal_aid.list.v1`,
  supervisedCommitteeList: `${SERVICE}.supervised_committee.list.v1`,
  inspectionRecord: `${SERVICE}.committee_inspection.record.v1`,
  inspectionCompleteRectification: `${SERVICE}.committee_inspection.complete_rectification.v1`,
  inspectionList: `${SERVICE}.committee_inspection.list.v1`,
} as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'must be a date YYYY-MM-DD';
/** 基层人民法院 or 人民法庭: the courts a 司法确认 application goes to (人民调解法第33条). */
const COURT = /^\S.*(人民法院|人民法庭)$/;

// ---- 司法确认 ----

/** 待递交 (the 申请书 is ready) → 已递交 (the court has it, with its case number) → 已裁定. */
export const JUDICIAL_CONFIRMATION_STATUSES = ['prepared', 'filed', 'decided'] as const;
export type JudicialConfirmationStatus = (typeof JUDICIAL_CONFIRMATION_STATUSES)[number];
/** 裁定确认调解协议有效 / 裁定驳回申请. */
export const JUDICIAL_CONFIRMATION_RESULTS = ['confirmed', 'rejected'] as const;
export type JudicialConfirmationResult = (typeof JUDICIAL_CONFIRMATION_RESULTS)[number];

export class PrepareJudicialConfirmationRequest {
  @ApiProperty({ example: '青州市人民法院', description: '基层人民法院 or 人民法庭 the application goes to' })
  @IsString()
  @MaxLength(100)
  @Matches(COURT, { message: 'court must name a 人民法院 or 人民法庭' })
  court!: string;

  @ApiProperty({
    type: [Number],
    example: [0, 1],
    description:
      "the agreement's parties by position (0 = first): every party must apply jointly (人民调解法第33条)",
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  applicants!: number[];

  @ApiPropertyOptional({ example: '双方当事人均已到场签字' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class PrepareJudicialConfirmationCommand extends PrepareJudicialConfirmationRequest {
  @IsUUID()
  referralId!: string;
}

/** A referral's current (latest) application. */
export class JudicialConfirmationOfReferral {
  @IsUUID()
  referralId!: string;
}

export class RecordConfirmationFilingRequest {
  @ApiProperty({ format: 'date-time', description: 'when the application was handed to the court' })
  @IsISO8601()
  filedAt!: string;

  @ApiProperty({ example: '（2026）鲁0781民特123号', description: "the court's case number (案号)" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  courtCaseNumber!: string;
}

export class RecordConfirmationFilingCommand extends RecordConfirmationFilingRequest {
  @IsUUID()
  referralId!: string;
}

export class RecordConfirmationResultRequest {
  @ApiProperty({ enum: JUDICIAL_CONFIRMATION_RESULTS })
  @IsIn(JUDICIAL_CONFIRMATION_RESULTS)
  result!: JudicialConfirmationResult;

  @ApiProperty({ format: 'date-time', description: "the court's ruling date" })
  @IsISO8601()
  decidedAt!: string;

  @ApiProperty({ example: '（2026）鲁0781民特123号民事裁定书', description: '裁定书 number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  rulingNumber!: string;

  @ApiPropertyOptional({ description: 'why the court rejected it (required when rejected)' })
  @ValidateIf((o: RecordConfirmationResultRequest) => o.result === 'rejected' || o.reason !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason?: string;
}

export class RecordConfirmationResultCommand extends RecordConfirmationResultRequest {
  @IsUUID()
  referralId!: string;
}

export class JudicialConfirmationApplicantView {
  @ApiProperty({ description: "the party's position in the agreement (0 = first)" }) position!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['applicant', 'respondent'], description: 'their side in the mediation' })
  role!: string;
  @ApiPropertyOptional({ example: '3707**********1234', description: 'masked' }) idNumber?: string;
}

export class JudicialConfirmationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ format: 'uuid' }) agreementId!: string;
  @ApiProperty({ example: '（2026）黄楼司调字第001号' }) agreementNumber!: string;
  @ApiProperty({ format: 'date-time', description: 'when the agreement took effect (signed)' })
  agreementSignedAt!: string;
  @ApiProperty({ example: '2026-12-24', description: 'the last day to apply: 30 days after it took effect' })
  deadline!: string;
  @ApiPropertyOptional({ description: 'days left to file (while prepared); negative once past the deadline' })
  daysLeft?: number;
  @ApiProperty() court!: string;
  @ApiProperty({ type: [JudicialConfirmationApplicantView] })
  applicants!: JudicialConfirmationApplicantView[];
  @ApiPropertyOptional() note?: string;
  @ApiProperty({ enum: JUDICIAL_CONFIRMATION_STATUSES }) status!: JudicialConfirmationStatus;
  @ApiProperty({ description: 'SHA-256 of the 申请书 PDF kept' }) applicationSha256!: string;
  @ApiProperty() applicationBytes!: number;
  @ApiProperty({ format: 'date-time' }) preparedAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) filedAt?: string;
  @ApiPropertyOptional() courtCaseNumber?: string;
  @ApiPropertyOptional({ enum: JUDICIAL_CONFIRMATION_RESULTS }) result?: JudicialConfirmationResult;
  @ApiPropertyOptional({ format: 'date-time' }) decidedAt?: string;
  @ApiPropertyOptional() rulingNumber?: string;
  @ApiPropertyOptional() reason?: string;
}

export class ListJudicialConfirmationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: JUDICIAL_CONFIRMATION_STATUSES })
  @IsOptional()
  @IsIn(JUDICIAL_CONFIRMATION_STATUSES)
  status?: JudicialConfirmationStatus;

  @ApiPropertyOptional({ description: 'court name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  court?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'prepared from (inclusive)' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'prepared before (exclusive)' })
  @IsOptional()
  @IsISO8601()
  to?: string;
}

export class ListJudicialConfirmationsCommand extends ListJudicialConfirmationsQuery {
  @IsUUID()
  agencyId!: string;
}

// ---- 法律援助转介 ----

/** 已转介 → 已受理 | 不予受理 (as the 法律援助中心 answered). */
export const LEGAL_AID_STATUSES = ['referred', 'accepted', 'declined'] as const;
export type LegalAidStatus = (typeof LEGAL_AID_STATUSES)[number];
export const LEGAL_AID_ANSWERS = ['accepted', 'declined'] as const;
export type LegalAidAnswer = (typeof LEGAL_AID_ANSWERS)[number];

export class ReferToLegalAidRequest {
  @ApiProperty({ example: '王某' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  partyName!: string;

  @ApiPropertyOptional({
    enum: PARTY_ROLES,
    description: "the party's position in the dispute (申请人/被申请人)",
  })
  @IsOptional()
  @IsIn(PARTY_ROLES)
  partyPosition?: LegalAidPartyPosition;

  @ApiProperty({ example: '当事人拟提起诉讼，无力委托律师' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ description: '经济困难 (the usual ground for 法律援助)' })
  @IsBoolean()
  economicHardship!: boolean;

  @ApiProperty({ example: '追索劳动报酬诉讼代理', description: '申请援助事项' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  matter!: string;

  @ApiPropertyOptional({ example: '13812345678', description: 'stored encrypted, shown masked' })
  @IsOptional()
  @IsMobilePhone('zh-CN', {}, { message: 'contactPhone must be a mainland mobile number' })
  contactPhone?: string;
}

export class ReferToLegalAidCommand extends ReferToLegalAidRequest {
  @IsUUID()
  referralId!: string;
}

export class RecordLegalAidAnswerRequest {
  @ApiProperty({ enum: LEGAL_AID_ANSWERS, description: "the 法律援助中心's answer" })
  @IsIn(LEGAL_AID_ANSWERS)
  status!: LegalAidAnswer;

  @ApiPropertyOptional({ description: 'required when declined: why' })
  @ValidateIf((o: RecordLegalAidAnswerRequest) => o.status === 'declined' || o.note !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note?: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601()
  answeredAt!: string;
}

export class LegalAidReferralParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  legalAidReferralId!: string;
}

export class RecordLegalAidAnswerCommand extends RecordLegalAidAnswerRequest {
  @IsUUID()
  agencyId!: string;

  @IsUUID()
  legalAidReferralId!: string;
}

export class LegalAidReferralView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() partyName!: string;
  @ApiPropertyOptional({ enum: PARTY_ROLES }) partyPosition?: LegalAidPartyPosition;
  @ApiProperty() reason!: string;
  @ApiProperty() economicHardship!: boolean;
  @ApiProperty() matter!: string;
  @ApiPropertyOptional({ example: '138****5678', description: 'masked' }) contactPhone?: string;
  @ApiProperty({ enum: LEGAL_AID_STATUSES }) status!: LegalAidStatus;
  @ApiPropertyOptional() answerNote?: string;
  @ApiProperty({ format: 'date-time' }) referredAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) answeredAt?: string;
}

export class ListLegalAidReferralsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LEGAL_AID_STATUSES })
  @IsOptional()
  @IsIn(LEGAL_AID_STATUSES)
  status?: LegalAidStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  economicHardship?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  referralId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'referred from (inclusive)' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'referred before (exclusive)' })
  @IsOptional()
  @IsISO8601()
  to?: string;
}

export class ListLegalAidReferralsCommand extends ListLegalAidReferralsQuery {
  @IsUUID()
  agencyId!: string;
}

// ---- 指导监督: the people's mediation committees in the office's area ----

export class ListSupervisedCommitteesQuery extends PageQuery {
  @ApiPropertyOptional({ example: '370781007201', description: "a part of the office's area" })
  @IsOptional()
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode?: string;

  @ApiPropertyOptional({ description: 'only committees with a rebound (反弹) on record' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  withRebounds?: boolean;
}

export class ListSupervisedCommitteesCommand extends ListSupervisedCommitteesQuery {
  @IsUUID()
  agencyId!: string;
}

export class SupervisedCommitteeView {
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ example: '卢李村人民调解委员会' }) name!: string;
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty() jurisdictionName!: string;
  @ApiProperty({ description: 'referrals accepted (签收)' }) accepted!: number;
  @ApiProperty({ description: 'referrals closed (办结), any outcome' }) closed!: number;
  @ApiProperty() resolved!: number;
  @ApiProperty() failed!: number;
  @ApiProperty({ description: 'follow-ups recorded (回访)' }) followUps!: number;
  @ApiProperty() dissatisfied!: number;
  @ApiProperty({ description: '反弹数' }) rebounds!: number;
  @ApiPropertyOptional({ description: '调解成功率: resolved / closed (0–1)', nullable: true })
  successRate!: number | null;
  @ApiPropertyOptional({ description: '满意率: (满意 + 基本满意) / follow-ups (0–1)', nullable: true })
  satisfactionRate!: number | null;
  @ApiPropertyOptional({ format: 'date-time' }) lastActivityAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) lastInspectedAt?: string;
  @ApiProperty({ description: 'rectifications (整改事项) still open' }) openRectifications!: number;
}

/** 好 / 一般 / 需改进. */
export const INSPECTION_RATINGS = ['good', 'adequate', 'needs_improvement'] as const;
export type InspectionRating = (typeof INSPECTION_RATINGS)[number];

export class RectificationInput {
  @ApiProperty({ example: '调解卷宗归档不规范，补齐当事人签字' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  item!: string;

  @ApiProperty({ example: '2027-01-15' })
  @Matches(DATE, { message: DATE_MESSAGE })
  dueBy!: string;
}

export class RecordCommitteeInspectionRequest {
  @ApiProperty({ format: 'uuid', description: "a people's mediation committee in the office's area" })
  @IsUUID()
  committeeAgencyId!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601()
  inspectedAt!: string;

  @ApiProperty({ example: '台账记录完整，回访及时；个别卷宗缺少当事人签字' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  findings!: string;

  @ApiProperty({ enum: INSPECTION_RATINGS })
  @IsIn(INSPECTION_RATINGS)
  rating!: InspectionRating;

  @ApiProperty({ type: [RectificationInput], description: '整改事项, numbered from 1 in this order' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RectificationInput)
  rectifications!: RectificationInput[];
}

export class RecordCommitteeInspectionCommand extends RecordCommitteeInspectionRequest {
  @IsUUID()
  agencyId!: string;
}

export class CompleteRectificationRequest {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601()
  doneAt!: string;

  @ApiProperty({ example: '已补齐卷宗签字并复查' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class RectificationParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  inspectionId!: string;

  @ApiProperty({ description: "the rectification's number in the inspection, from 1" })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  n!: number;
}

export class CompleteRectificationCommand extends CompleteRectificationRequest {
  @IsUUID()
  agencyId!: string;

  @IsUUID()
  inspectionId!: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  n!: number;
}

export class RectificationView {
  @ApiProperty({ description: 'its number in the inspection, from 1' }) n!: number;
  @ApiProperty() item!: string;
  @ApiProperty({ example: '2027-01-15' }) dueBy!: string;
  @ApiProperty({ description: 'still open after its due date' }) overdue!: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) doneAt?: string;
  @ApiPropertyOptional() doneNote?: string;
}

export class CommitteeInspectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'the judicial office' }) agencyId!: string;
  @ApiProperty({ format: 'uuid' }) committeeAgencyId!: string;
  @ApiProperty() committeeName!: string;
  @ApiProperty({ format: 'date-time' }) inspectedAt!: string;
  @ApiProperty() findings!: string;
  @ApiProperty({ enum: INSPECTION_RATINGS }) rating!: InspectionRating;
  @ApiProperty({ type: [RectificationView] }) rectifications!: RectificationView[];
  @ApiProperty() openRectifications!: number;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class ListCommitteeInspectionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  committeeAgencyId?: string;

  @ApiPropertyOptional({ enum: INSPECTION_RATINGS })
  @IsOptional()
  @IsIn(INSPECTION_RATINGS)
  rating?: InspectionRating;

  @ApiPropertyOptional({ description: 'with rectifications still open (true) or all done (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  openRectifications?: boolean;
}

export class ListCommitteeInspectionsCommand extends ListCommitteeInspectionsQuery {
  @IsUUID()
  agencyId!: string;
}

// ---- Events (AGENCY_EVENTS) ----

/** A 司法确认申请书 was prepared for a signed agreement; the court has not got it yet. */
export class JudicialConfirmationPreparedV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.judicial_confirmation.prepared.v1';
  @IsUUID() applicationId!: string;
  @IsUUID() agreementId!: string;
  @IsString() agreementNumber!: string;
  @IsString() court!: string;
  @Matches(DATE) deadline!: string;
  @IsISO8601() preparedAt!: string;
  @ValidateNested() @Type(() => Actor) preparedBy!: Actor;
}

/** The application was handed to the court (立案), under the court's case number. */
export class JudicialConfirmationFiledV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.judicial_confirmation.filed.v1';
  @IsUUID() applicationId!: string;
  @IsUUID() agreementId!: string;
  @IsString() court!: string;
  @IsString() courtCaseNumber!: string;
  @IsISO8601() filedAt!: string;
  @ValidateNested() @Type(() => Actor) recordedBy!: Actor;
}

/** The court ruled: the agreement confirmed (enforceable) or the application rejected. */
export class JudicialConfirmationDecidedV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.judicial_confirmation.decided.v1';
  @IsUUID() applicationId!: string;
  @IsUUID() agreementId!: string;
  @IsIn(JUDICIAL_CONFIRMATION_RESULTS) result!: JudicialConfirmationResult;
  @IsString() rulingNumber!: string;
  @IsOptional() @IsString() reason?: string;
  @IsISO8601() decidedAt!: string;
  @ValidateNested() @Type(() => Actor) recordedBy!: Actor;
}

/** A party was referred to the 法律援助中心 (no personal data: the referral holds it). */
export class LegalAidReferredV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.legal_aid.referred.v1';
  @IsUUID() legalAidReferralId!: string;
  @IsBoolean() economicHardship!: boolean;
  @IsString() matter!: string;
  @IsISO8601() referredAt!: string;
  @ValidateNested() @Type(() => Actor) referredBy!: Actor;
}

/** The 法律援助中心 accepted or declined a referred party. */
export class LegalAidAnsweredV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.legal_aid.answered.v1';
  @IsUUID() legalAidReferralId!: string;
  @IsIn(LEGAL_AID_ANSWERS) status!: LegalAidAnswer;
  @IsOptional() @IsString() note?: string;
  @IsISO8601() answeredAt!: string;
  @ValidateNested() @Type(() => Actor) recordedBy!: Actor;
}

/** What every inspection event names: the office, the committee inspected, the inspection. */
export class CommitteeInspectionFacts {
  @IsUUID() inspectionId!: string;
  /** The judicial office. */
  @IsUUID() agencyId!: string;
  @IsUUID() committeeAgencyId!: string;
}

/** 指导监督: the office inspected a committee in its area, with a rating and rectifications. */
export class CommitteeInspectionRecordedV1 extends CommitteeInspectionFacts {
  static readonly subject = 'agency.committee_inspection.recorded.v1';
  @IsIn(INSPECTION_RATINGS) rating!: InspectionRating;
  @IsInt() rectifications!: number;
  @IsISO8601() inspectedAt!: string;
  @ValidateNested() @Type(() => Actor) recordedBy!: Actor;
}

/** One rectification (整改事项) of an inspection was done. */
export class RectificationCompletedV1 extends CommitteeInspectionFacts {
  static readonly subject = 'agency.committee_inspection.rectification_completed.v1';
  @IsInt() n!: number;
  @IsInt() stillOpen!: number;
  @IsISO8601() doneAt!: string;
  @ValidateNested() @Type(() => Actor) recordedBy!: Actor;
}
