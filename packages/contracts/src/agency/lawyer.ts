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
  isIdentityCard,
  IsMobilePhone,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { Actor } from '../common/actor';
import { PageQuery, type Page } from '../common/page';
import { isSocialCreditCode } from '../common/party-id-number';
import { QueryBoolean } from '../common/query-boolean';
import { AGENCY_KINDS, PARTY_KINDS, type AgencyKind } from '../common/vocabulary';
import { AgencyReferralFacts } from './events';

/**
 * 律师调解工作室: the published roster (律师名录), the lawyers' prior representations (代理记录) for the
 * conflict-of-interest check, the parties' own choice of lawyer (自主选择) and pro bono hours (公益服务时长).
 */
export const LawyerSubjects = {
  lawyerRegister: 'lawyer-mediation.lawyer.register.v1',
  lawyerUpdate: 'lawyer-mediation.lawyer.update.v1',
  lawyerGet: 'lawyer-mediation.lawyer.get.v1',
  lawyerList: 'lawyer-mediation.lawyer.list.v1',
  /** The published roster of every studio, for anyone signed in. */
  rosterList: 'lawyer-mediation.roster.list.v1',
  representationRecord: 'lawyer-mediation.representation.record.v1',
  representationList: 'lawyer-mediation.representation.list.v1',
  referralChooseLawyer: 'lawyer-mediation.referral.choose_lawyer.v1',
  lawyerChoiceList: 'lawyer-mediation.lawyer_choice.list.v1',
  proBonoHoursRecord: 'lawyer-mediation.pro_bono_hours.record.v1',
  proBonoHoursList: 'lawyer-mediation.pro_bono_hours.list.v1',
} as const;

const DISPUTE_TYPE_CODE = /^[a-z][a-z_]{1,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** 律师执业证号: 17 digits. */
const LICENCE_NUMBER = /^\d{17}$/;

/** A calendar day, YYYY-MM-DD, and a real one (no 2 月 30 日). */
const IsDay = (): PropertyDecorator => (target, key) => {
  Matches(DATE, { message: `${String(key)} must be a date YYYY-MM-DD` })(target, key);
  IsISO8601({ strict: true }, { message: `${String(key)} must be a real calendar date` })(target, key);
};

/** The client's 身份证号 or, for an organisation, its 统一社会信用代码 (checked by `clientKind`). */
const IsClientIdNumber = () =>
  ValidateBy({
    name: 'isClientIdNumber',
    validator: {
      validate: (value: unknown, args) =>
        typeof value === 'string' &&
        ((args?.object as { clientKind?: string }).clientKind === 'organisation'
          ? isSocialCreditCode(value)
          : isIdentityCard(value, 'zh-CN')),
      defaultMessage: () =>
        'clientIdNumber must be a valid resident identity card number, or for an organisation a unified social credit code',
    },
  });

/** Hours in steps of half an hour (validator's isDivisibleBy only divides by whole numbers). */
const IsHalfHours = () =>
  ValidateBy({
    name: 'isHalfHours',
    validator: {
      validate: (value: unknown) => typeof value === 'number' && Number.isInteger(value * 2),
      defaultMessage: () => 'hours must be in steps of 0.5',
    },
  });

export const LAWYER_CHOICE_STATUSES = ['chosen', 'replaced', 'refused'] as const;
export type LawyerChoiceStatus = (typeof LAWYER_CHOICE_STATUSES)[number];

/** Whose earlier work for a party made the choice a conflict of interest. */
export const CONFLICT_SOURCES = ['lawyer', 'firm'] as const;
export type ConflictSource = (typeof CONFLICT_SOURCES)[number];

// ---- The roster (律师名录) ----

export class RegisterLawyerRequest {
  @ApiProperty({ example: '刘明' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ example: '山东青州正和律师事务所', description: '律师事务所' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firm!: string;

  @ApiProperty({ example: '13707201510123456', description: '律师执业证号 (17 digits), unique' })
  @Matches(LICENCE_NUMBER, { message: 'licenceNumber must be the 17 digits of the 律师执业证号' })
  licenceNumber!: string;

  @ApiProperty({ example: ['land', 'marriage_family'], description: 'dispute type codes' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(DISPUTE_TYPE_CODE, { each: true, message: 'each specialty must be a dispute type code' })
  specialties!: string[];

  @ApiProperty({
    example: ['普通话', '青州话'],
    description: 'languages spoken (普通话, 青州话, English, 手语 …)',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(20, { each: true })
  languages!: string[];

  @ApiPropertyOptional({ example: '13812345678', description: 'stored encrypted, shown masked' })
  @IsOptional()
  @IsMobilePhone('zh-CN', {}, { message: 'phone must be a mainland mobile number' })
  phone?: string;

  @ApiProperty({ example: 12, description: '执业年限' })
  @IsInt()
  @Min(0)
  @Max(70)
  yearsOfPractice!: number;

  @ApiProperty({ description: 'on the published roster the parties choose from' })
  @IsBoolean()
  published!: boolean;

  @ApiPropertyOptional({ default: true, description: '在岗: only a lawyer on duty can be chosen' })
  @IsOptional()
  @IsBoolean()
  onDuty?: boolean;

  @ApiProperty({ example: '擅长婚姻家庭、土地纠纷调解，担任多个村居法律顾问。' })
  @IsString()
  @MaxLength(2000)
  introduction!: string;
}

export class RegisterLawyerCommand extends RegisterLawyerRequest {
  @IsUUID()
  agencyId!: string;
}

/** What a studio may change on a lawyer: publish/unpublish, duty, specialties, languages and the rest. */
export class UpdateLawyerRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  published?: boolean;

  @ApiPropertyOptional({ description: '在岗' })
  @IsOptional()
  @IsBoolean()
  onDuty?: boolean;

  @ApiPropertyOptional({ example: ['land'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(DISPUTE_TYPE_CODE, { each: true, message: 'each specialty must be a dispute type code' })
  specialties?: string[];

  @ApiPropertyOptional({ example: ['普通话', '手语'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(20, { each: true })
  languages?: string[];

  @ApiPropertyOptional({ description: 'a move to another firm; earlier representations keep their firm' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firm?: string;

  @ApiPropertyOptional({ nullable: true, example: '13812345678', description: 'null removes it' })
  @IsOptional()
  @IsMobilePhone('zh-CN', {}, { message: 'phone must be a mainland mobile number' })
  phone?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(70)
  yearsOfPractice?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  introduction?: string;
}

export class LawyerIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId!: string;

  @ApiProperty({ format: 'uuid', description: "the lawyer's id (their mediator id)" })
  @IsUUID()
  lawyerId!: string;
}

export class UpdateLawyerCommand extends UpdateLawyerRequest {
  @IsUUID() agencyId!: string;
  @IsUUID() lawyerId!: string;
}

export class GetLawyerCommand extends LawyerIdParams {}

/** The filters both lawyer lists take. */
export class LawyerFiltersQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'land', description: 'a dispute type code the lawyer is good at' })
  @IsOptional()
  @Matches(DISPUTE_TYPE_CODE, { message: 'specialty must be a dispute type code' })
  specialty?: string;

  @ApiPropertyOptional({ example: '青州话' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  language?: string;

  @ApiPropertyOptional({ example: '正和', description: 'part of the firm name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  firm?: string;

  @ApiPropertyOptional({ description: 'on duty (true) or not (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  onDuty?: boolean;
}

/** The published roster of every studio, or of one. */
export class ListRosterQuery extends LawyerFiltersQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'one studio' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

/** A studio's own lawyers, published or not. */
export class ListLawyersQuery extends LawyerFiltersQuery {
  @ApiPropertyOptional({ description: 'part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  published?: boolean;
}

export class ListLawyersCommand extends ListLawyersQuery {
  @IsUUID()
  agencyId!: string;
}

export class LawyerView {
  @ApiProperty({ format: 'uuid', description: 'the lawyer (their mediator id in the studio)' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'the studio' }) agencyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '律师事务所' }) firm!: string;
  @ApiProperty({ description: '律师执业证号' }) licenceNumber!: string;
  @ApiProperty({ type: [String] }) specialties!: string[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty() yearsOfPractice!: number;
  @ApiProperty() published!: boolean;
  @ApiProperty({ description: '在岗' }) onDuty!: boolean;
  @ApiProperty({ description: '金牌调解员' }) gold!: boolean;
  @ApiPropertyOptional({ example: '138****5678', description: 'masked' }) phone?: string;
  @ApiProperty() introduction!: string;
  @ApiPropertyOptional({ format: 'date-time' }) publishedAt?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

// ---- Prior representations (代理记录) ----

export class RecordRepresentationRequest {
  @ApiProperty({ example: '王某' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  clientName!: string;

  @ApiProperty({ enum: PARTY_KINDS })
  @IsIn(PARTY_KINDS)
  clientKind!: (typeof PARTY_KINDS)[number];

  @ApiPropertyOptional({
    description:
      '身份证号 (or 统一社会信用代码): checksum verified, stored encrypted with a lookup hash, shown masked',
    example: '11010519491231002X',
  })
  @IsOptional()
  @IsClientIdNumber()
  clientIdNumber?: string;

  @ApiProperty({ example: '王某与李某民间借贷纠纷一审，代理原告' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  matter!: string;

  @ApiProperty({ example: '2024-03-01', description: 'acting from (YYYY-MM-DD)' })
  @IsDay()
  from!: string;

  @ApiPropertyOptional({
    example: '2024-09-30',
    description: 'until (YYYY-MM-DD); absent while still acting',
  })
  @IsOptional()
  @IsDay()
  to?: string;

  @ApiPropertyOptional({ description: "the firm acted through; the lawyer's present firm when absent" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firm?: string;
}

export class RecordRepresentationCommand extends RecordRepresentationRequest {
  @IsUUID() agencyId!: string;
  @IsUUID() lawyerId!: string;
}

export class ListRepresentationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PARTY_KINDS })
  @IsOptional()
  @IsIn(PARTY_KINDS)
  clientKind?: (typeof PARTY_KINDS)[number];

  @ApiPropertyOptional({ description: "part of the client's name" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class ListRepresentationsCommand extends ListRepresentationsQuery {
  @IsUUID() agencyId!: string;
  @IsUUID() lawyerId!: string;
}

export class RepresentationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) lawyerId!: string;
  @ApiProperty({ description: 'the firm the lawyer acted through' }) firm!: string;
  @ApiProperty() clientName!: string;
  @ApiProperty({ enum: PARTY_KINDS }) clientKind!: string;
  @ApiPropertyOptional({ example: '1101**********002X', description: 'masked' }) clientIdNumber?: string;
  @ApiProperty() matter!: string;
  @ApiProperty({ example: '2024-03-01' }) from!: string;
  @ApiPropertyOptional({ example: '2024-09-30' }) to?: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

// ---- 自主选择: the parties choose their lawyer ----

export class ChooseLawyerRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'a lawyer on the published roster of the studio holding the referral',
  })
  @IsUUID()
  lawyerId!: string;

  @ApiProperty({
    example: [0, 1],
    description: 'the parties (their places in the case) who chose this lawyer',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  chosenByPartyPositions!: number[];

  @ApiPropertyOptional({ example: '双方当事人在名录中共同选定' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ChooseLawyerCommand extends ChooseLawyerRequest {
  @IsUUID()
  referralId!: string;
}

export class ListLawyerChoicesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  referralId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  lawyerId?: string;

  @ApiPropertyOptional({ enum: LAWYER_CHOICE_STATUSES })
  @IsOptional()
  @IsIn(LAWYER_CHOICE_STATUSES)
  status?: LawyerChoiceStatus;
}

export class ListLawyerChoicesCommand extends ListLawyerChoicesQuery {
  @IsUUID()
  agencyId!: string;
}

export class LawyerChoiceConflictView {
  @ApiProperty({
    enum: CONFLICT_SOURCES,
    description: 'the lawyer, or a lawyer of the same firm, acted for the party',
  })
  source!: ConflictSource;
  @ApiProperty() partyPosition!: number;
  @ApiProperty({ example: '王*', description: "the party's name, masked" }) partyName!: string;
  @ApiProperty({ format: 'uuid' }) representationId!: string;
}

export class LawyerChoiceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ format: 'uuid' }) lawyerId!: string;
  @ApiProperty() lawyerName!: string;
  @ApiProperty({ description: "the lawyer's firm when chosen" }) firm!: string;
  @ApiProperty({ type: [Number] }) chosenByPartyPositions!: number[];
  @ApiPropertyOptional() note?: string;
  @ApiProperty({
    enum: LAWYER_CHOICE_STATUSES,
    description: 'chosen (the present one), replaced (by a later choice) or refused (conflict of interest)',
  })
  status!: LawyerChoiceStatus;
  @ApiPropertyOptional({ type: LawyerChoiceConflictView }) conflict?: LawyerChoiceConflictView;
  @ApiPropertyOptional({ format: 'uuid' }) replacedByChoiceId?: string;
  @ApiPropertyOptional({ format: 'date-time' }) replacedAt?: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() recordedBy!: string;
}

// ---- 公益服务时长 ----

export class RecordProBonoHoursRequest {
  @ApiProperty({ format: 'uuid', description: 'a lawyer of the studio holding the referral' })
  @IsUUID()
  lawyerId!: string;

  @ApiProperty({ example: '2026-11-20' })
  @IsDay()
  date!: string;

  @ApiProperty({ example: 2.5, description: 'in half-hour steps; at most 12 a day for one lawyer' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(12)
  @IsHalfHours()
  hours!: number;

  @ApiProperty({ example: '主持调解并起草调解协议' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  activity!: string;
}

export class RecordProBonoHoursCommand extends RecordProBonoHoursRequest {
  @IsUUID()
  referralId!: string;
}

export class ListProBonoHoursQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'from this day on' })
  @IsOptional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'up to and including this day' })
  @IsOptional()
  @IsDay()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  lawyerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  referralId?: string;
}

export class ListProBonoHoursCommand extends ListProBonoHoursQuery {
  @IsUUID()
  agencyId!: string;
}

export class ProBonoHoursView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ format: 'uuid' }) lawyerId!: string;
  @ApiProperty() lawyerName!: string;
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: '2026-11-20' }) date!: string;
  @ApiProperty({ example: 2.5 }) hours!: number;
  @ApiProperty() activity!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() recordedBy!: string;
}

/** One lawyer's hours over the filtered period. */
export class LawyerHoursTotal {
  @ApiProperty({ format: 'uuid' }) lawyerId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() firm!: string;
  @ApiProperty({ example: 14.5 }) hours!: number;
  @ApiProperty({ description: 'how many entries' }) entries!: number;
}

/** A page of entries, with every lawyer's totals over the whole filter (not just this page). */
export class ProBonoHoursPage implements Page<ProBonoHoursView> {
  @ApiProperty({ type: [ProBonoHoursView] }) items!: ProBonoHoursView[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [LawyerHoursTotal], description: 'per lawyer, most hours first' })
  totals!: LawyerHoursTotal[];
  @ApiProperty({ example: 36 }) totalHours!: number;
}

// ---- Events (AGENCY_EVENTS) ----

/** 自主选择: the parties chose a lawyer from the roster; the lawyer is now the referral's mediator in charge. */
export class LawyerChosenV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.lawyer.chosen.v1';
  @IsUUID() choiceId!: string;
  @IsUUID() lawyerId!: string;
  @IsString() lawyerName!: string;
  @IsString() firm!: string;
  @IsArray() @IsInt({ each: true }) chosenByPartyPositions!: number[];
  /** The choice this one replaces, when the parties chose again. */
  @IsOptional() @IsUUID() replacesChoiceId?: string;
  @IsISO8601() chosenAt!: string;
  @ValidateNested() @Type(() => Actor) chosenBy!: Actor;
}

/** A choice refused for a conflict of interest: the lawyer or the lawyer's firm had acted for a party. */
export class LawyerChoiceRefusedV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.lawyer.choice_refused.v1';
  @IsUUID() choiceId!: string;
  @IsUUID() lawyerId!: string;
  @IsString() firm!: string;
  @IsIn(CONFLICT_SOURCES) conflictSource!: ConflictSource;
  @IsInt() partyPosition!: number;
  @IsISO8601() refusedAt!: string;
  @ValidateNested() @Type(() => Actor) recordedBy!: Actor;
}

/**
 * A prior representation (代理记录) was put on record for the conflict check. The client stays in the
 * studio's schema: the event names only the lawyer, the firm and the record.
 */
export class RepresentationRecordedV1 {
  static readonly subject = 'agency.representation.recorded.v1';
  @IsUUID() representationId!: string;
  @IsUUID() lawyerId!: string;
  @IsUUID() agencyId!: string;
  @IsIn(AGENCY_KINDS) agencyKind!: AgencyKind;
  @IsString() firm!: string;
  @IsISO8601() recordedAt!: string;
  @ValidateNested() @Type(() => Actor) recordedBy!: Actor;
}

/** 公益服务时长 recorded for a lawyer on a referral. */
export class ProBonoHoursRecordedV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.pro_bono_hours.recorded.v1';
  @IsUUID() entryId!: string;
  @IsUUID() lawyerId!: string;
  @Matches(DATE) date!: string;
  @IsNumber() hours!: number;
  @IsISO8601() recordedAt!: string;
  @ValidateNested() @Type(() => Actor) recordedBy!: Actor;
}
