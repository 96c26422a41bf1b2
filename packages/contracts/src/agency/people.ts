import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Actor } from '../common/actor';
import { PageQuery } from '../common/page';
import { FIVE_ELDERS_CATEGORIES, type AgencyKind } from '../common/vocabulary';
import { ListMediatorsQuery } from './mediators';

type FiveEldersCategory = (typeof FIVE_ELDERS_CATEGORIES)[number];
import { JURISDICTION_CODE, JURISDICTION_CODE_MESSAGE } from '../dispatch/agency';
import { AgencyReferralFacts } from './events';

// ---- 人民调解委员会: the people-mediation service's own part ----

/**
 * 村 / 社区 / 街道乡镇 committees, and the 行业性专业性 ones: 医调委 (medical), 交调委 (traffic),
 * 劳动争议 (labour); an enterprise's own committee (企事业单位); anything else.
 */
export const COMMITTEE_KINDS = [
  'village',
  'community',
  'street',
  'industry_medical',
  'industry_traffic',
  'labour',
  'enterprise',
  'other',
] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];

/** Where a committee sits when it is stationed in another unit: 驻派出所, 驻法院/法庭, 驻司法所, 驻医院 … */
export const STATION_KINDS = [
  'police_station',
  'court',
  'judicial_office',
  'hospital',
  'traffic_police',
  'petition_office',
  'other',
] as const;
export type StationKind = (typeof STATION_KINDS)[number];

/** Who chairs a 听证调 hearing: the community police officer, the party secretary, the committee's director, a mediator. */
export const HEARING_CHAIR_ROLES = [
  'community_police',
  'party_secretary',
  'committee_director',
  'mediator',
] as const;
export type HearingChairRole = (typeof HEARING_CHAIR_ROLES)[number];

/** Who takes part: the parties, neighbours, relatives, 党支部书记, 村委会, 社区民警, lawyers, 人大代表 … */
export const HEARING_PARTICIPANT_ROLES = [
  'party',
  'neighbour',
  'relative',
  'party_secretary',
  'village_committee',
  'community_police',
  'lawyer',
  'deputy',
  'other',
] as const;
export type HearingParticipantRole = (typeof HEARING_PARTICIPANT_ROLES)[number];

/** What a hearing came to: 达成一致, 未达成一致, 休会择期再议. */
export const HEARING_RESULTS = ['agreed', 'no_agreement', 'adjourned'] as const;
export type HearingResult = (typeof HEARING_RESULTS)[number];

export const HEARING_STATUSES = ['scheduled', 'held'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];

/** A dispute type code as dispatch's taxonomy spells it (neighbour, medical, traffic_accident …). */
const DISPUTE_TYPE_CODE = /^[a-z][a-z0-9_]{1,39}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class CommitteeStation {
  @ApiProperty({ enum: STATION_KINDS, description: '驻派出所 / 驻法院 / 驻司法所 / 驻医院 …' })
  @IsIn(STATION_KINDS)
  kind!: StationKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'the unit it is stationed in, when the hub knows it (a police station must be of kind police)',
  })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ example: '黄楼派出所一楼调解室' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

/** A committee's profile, set by its own clerk or an admin. */
export class SetCommitteeProfileRequest {
  @ApiProperty({ enum: COMMITTEE_KINDS })
  @IsIn(COMMITTEE_KINDS)
  committeeKind!: CommitteeKind;

  @ApiProperty({ example: '黄楼街道人民调解委员会' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ format: 'date', example: '2012-03-15', description: '成立日期' })
  @Matches(DATE_ONLY, { message: 'establishedOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  establishedOn!: string;

  @ApiProperty({ example: '张建国', description: '人民调解委员会主任' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  directorName!: string;

  @ApiProperty({
    minimum: 1,
    example: 7,
    description: '委员人数 (a village, community or enterprise committee has 3 to 9: 人民调解法 第八条)',
  })
  @IsInt()
  @Min(1)
  @Max(500)
  membersCount!: number;

  @ApiPropertyOptional({ type: CommitteeStation, description: '派驻: where it is stationed, if anywhere' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CommitteeStation)
  stationedAt?: CommitteeStation;

  @ApiProperty({
    type: [String],
    example: ['neighbour', 'marriage_family', 'land'],
    description: 'the dispute types it takes (codes, at least one); an industry committee must take its own',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ArrayUnique()
  @Matches(DISPUTE_TYPE_CODE, { each: true, message: 'each disputeTypes entry must be a dispute type code' })
  disputeTypes!: string[];
}

export class SetCommitteeProfileCommand extends SetCommitteeProfileRequest {
  @IsUUID()
  agencyId!: string;
}

export class CommitteeProfileView {
  @ApiProperty({ format: 'uuid', description: "dispatch's agency id" }) agencyId!: string;
  @ApiProperty({ enum: COMMITTEE_KINDS }) committeeKind!: CommitteeKind;
  @ApiProperty() name!: string;
  @ApiProperty({ description: "the agency's jurisdiction, as dispatch had it when the profile was set" })
  jurisdictionCode!: string;
  @ApiProperty({ format: 'date' }) establishedOn!: string;
  @ApiProperty({ description: '人民调解委员会主任' }) directorName!: string;
  @ApiProperty() membersCount!: number;
  @ApiPropertyOptional({ type: CommitteeStation }) stationedAt?: CommitteeStation;
  @ApiProperty({ type: [String] }) disputeTypes!: string[];
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() updatedById!: string;
}

export class ListPeopleCommitteesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMMITTEE_KINDS })
  @IsOptional()
  @IsIn(COMMITTEE_KINDS)
  committeeKind?: CommitteeKind;

  @ApiPropertyOptional({ description: 'committees in this jurisdiction or below it', example: '370781007' })
  @IsOptional()
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode?: string;

  @ApiPropertyOptional({ description: 'committees that take this dispute type', example: 'medical' })
  @IsOptional()
  @Matches(DISPUTE_TYPE_CODE, { message: 'disputeType must be a dispute type code' })
  disputeType?: string;
}

/**
 * A committee's 五老乡贤 (老干部, 老党员, 老教师, 老模范, 老军人, 乡贤): its mediators in those categories,
 * with their load, filtered like any mediator list; `category` narrows to one of the five elders.
 */
export class ListFiveEldersQuery extends ListMediatorsQuery {
  @ApiPropertyOptional({ enum: FIVE_ELDERS_CATEGORIES })
  @IsOptional()
  @IsIn(FIVE_ELDERS_CATEGORIES)
  declare category?: FiveEldersCategory;
}

export class ListFiveEldersCommand extends ListFiveEldersQuery {
  @IsUUID()
  agencyId!: string;
}

// ---- 听证调: hearings on a referral ----

export class HearingChair {
  @ApiProperty({ example: '李警官' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ enum: HEARING_CHAIR_ROLES })
  @IsIn(HEARING_CHAIR_ROLES)
  role!: HearingChairRole;
}

export class HearingParticipant {
  @ApiProperty({ example: '王某' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ enum: HEARING_PARTICIPANT_ROLES })
  @IsIn(HEARING_PARTICIPANT_ROLES)
  role!: HearingParticipantRole;

  @ApiPropertyOptional({
    description:
      "which of the case's parties they are (the party's position, 0 = first), as a session names it: required for a party; for a neighbour or relative, the party they came with",
  })
  @ValidateIf((p: HearingParticipant) => p.role === 'party' || p.partyPosition !== undefined)
  @IsInt()
  @Min(0)
  @Max(99)
  partyPosition?: number;
}

/** 听证调 scheduled on a referral the committee is working on. */
export class ScheduleHearingRequest {
  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  scheduledFor!: string;

  @ApiProperty({ example: '卢李村村委会议室' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place!: string;

  @ApiProperty({ type: HearingChair, description: 'required (422 when missing)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => HearingChair)
  chair?: HearingChair;

  @ApiProperty({ type: [HearingParticipant], description: 'at least two parties (422 otherwise)' })
  @IsArray()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => HearingParticipant)
  participants!: HearingParticipant[];
}

export class ScheduleHearingCommand extends ScheduleHearingRequest {
  @IsUUID()
  referralId!: string;
}

export class HearingStatement {
  @ApiProperty({ description: "the speaker: an index into the hearing's participants (0-based)" })
  @IsInt()
  @Min(0)
  participantIndex!: number;

  @ApiProperty({ description: 'the order in which it was made (1, 2 …); unique within the hearing' })
  @IsInt()
  @Min(1)
  order!: number;

  @ApiProperty({ example: '东侧院墙系1998年按宅基地证所建，未越界。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  content!: string;
}

/** The hearing was held: who said what, the debate, the finding (听证意见) and the result. */
export class RecordHearingRequest {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  heldAt!: string;

  @ApiProperty({ type: [HearingStatement] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => HearingStatement)
  statements!: HearingStatement[];

  @ApiPropertyOptional({ description: '辩论要点' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  debate?: string;

  @ApiProperty({
    description: '听证意见 / 结论',
    example: '经听证，东侧界址以1998年确权图为准，双方均表示认可。',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  finding!: string;

  @ApiProperty({ enum: HEARING_RESULTS })
  @IsIn(HEARING_RESULTS)
  result!: HearingResult;
}

export class HearingIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  referralId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  hearingId!: string;
}

export class RecordHearingCommand extends RecordHearingRequest {
  @IsUUID()
  referralId!: string;

  @IsUUID()
  hearingId!: string;
}

export class GetHearingCommand extends HearingIdParams {}

export class ListHearingsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: HEARING_STATUSES })
  @IsOptional()
  @IsIn(HEARING_STATUSES)
  status?: HearingStatus;

  @ApiPropertyOptional({ enum: HEARING_RESULTS })
  @IsOptional()
  @IsIn(HEARING_RESULTS)
  result?: HearingResult;
}

export class ListHearingsCommand extends ListHearingsQuery {
  @IsUUID()
  referralId!: string;
}

export class HearingParticipantView {
  @ApiProperty({ description: 'what a statement names as participantIndex' }) index!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: HEARING_PARTICIPANT_ROLES }) role!: HearingParticipantRole;
  @ApiPropertyOptional({ description: "the case party's position (0 = first)" }) partyPosition?: number;
}

export class HearingStatementView {
  @ApiProperty() order!: number;
  @ApiProperty() participantIndex!: number;
  @ApiProperty() participantName!: string;
  @ApiProperty({ enum: HEARING_PARTICIPANT_ROLES }) participantRole!: HearingParticipantRole;
  @ApiProperty() content!: string;
}

export class HearingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ description: 'the 1st, 2nd … hearing on this referral' }) sequence!: number;
  @ApiProperty({ enum: HEARING_STATUSES }) status!: HearingStatus;
  @ApiProperty({ format: 'date-time' }) scheduledFor!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ type: HearingChair }) chair!: HearingChair;
  @ApiProperty({ type: [HearingParticipantView] }) participants!: HearingParticipantView[];
  @ApiProperty({ format: 'date-time' }) scheduledAt!: string;
  @ApiProperty() scheduledById!: string;
  @ApiPropertyOptional({ format: 'date-time' }) heldAt?: string;
  @ApiPropertyOptional({ type: [HearingStatementView], description: 'in the order they were made' })
  statements?: HearingStatementView[];
  @ApiPropertyOptional({ description: '辩论要点' }) debate?: string;
  @ApiPropertyOptional({ description: '听证意见 / 结论' }) finding?: string;
  @ApiPropertyOptional({ enum: HEARING_RESULTS }) result?: HearingResult;
  @ApiPropertyOptional({ format: 'date-time' }) recordedAt?: string;
  @ApiPropertyOptional() recordedById?: string;
}

// ---- Events (AGENCY_EVENTS) ----

/** A committee's profile was set or changed: what kind it is, where, and which dispute types it takes. */
export class CommitteeProfileSetV1 {
  static readonly subject = 'agency.committee_profile.set.v1';
  @IsUUID() agencyId!: string;
  @IsIn(['people']) agencyKind!: Extract<AgencyKind, 'people'>;
  @IsIn(COMMITTEE_KINDS) committeeKind!: CommitteeKind;
  @IsString() jurisdictionCode!: string;
  @IsOptional() @IsIn(STATION_KINDS) stationedAtKind?: StationKind;
  @IsOptional() @IsUUID() stationedAtAgencyId?: string;
  @IsArray() @IsString({ each: true }) disputeTypes!: string[];
  @IsISO8601() setAt!: string;
  @ValidateNested() @Type(() => Actor) setBy!: Actor;
}

/** 听证调 scheduled on a referral (the fourth rung of 五级联动). */
export class HearingScheduledV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.hearing.scheduled.v1';
  @IsUUID() hearingId!: string;
  @IsInt() sequence!: number;
  @IsISO8601() scheduledFor!: string;
  @IsString() place!: string;
  @IsIn(HEARING_CHAIR_ROLES) chairRole!: HearingChairRole;
  @IsInt() participantCount!: number;
  @IsISO8601() scheduledAt!: string;
  @ValidateNested() @Type(() => Actor) scheduledBy!: Actor;
}

/** The hearing was held and recorded: its result and finding (听证意见). Not a mediation session. */
export class HearingHeldV1 extends AgencyReferralFacts {
  static readonly subject = 'agency.hearing.held.v1';
  @IsUUID() hearingId!: string;
  @IsInt() sequence!: number;
  @IsISO8601() heldAt!: string;
  @IsIn(HEARING_RESULTS) result!: HearingResult;
  @IsString() finding!: string;
  @IsISO8601() recordedAt!: string;
  @ValidateNested() @Type(() => Actor) recordedBy!: Actor;
}

/** The people-mediation service's own request subjects (the inbox's are in agencySubjects('people')). */
export const PeopleSubjects = {
  committeeProfileSet: 'people-mediation.committee_profile.set.v1',
  committeeProfileGet: 'people-mediation.committee_profile.get.v1',
  committeeList: 'people-mediation.committee.list.v1',
  fiveEldersList: 'people-mediation.five_elders.list.v1',
  hearingSchedule: 'people-mediation.hearing.schedule.v1',
  hearingRecord: 'people-mediation.hearing.record.v1',
  hearingList: 'people-mediation.hearing.list.v1',
  hearingGet: 'people-mediation.hearing.get.v1',
} as const;
