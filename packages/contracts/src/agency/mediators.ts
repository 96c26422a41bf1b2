import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsMobilePhone,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../common/page';
import { QueryBoolean } from '../common/query-boolean';
import { MEDIATOR_CATEGORIES, type MediatorCategory } from '../common/vocabulary';

/** A dispute type code, as the taxonomy names them (neighbour, land, medical …). */
const DISPUTE_TYPE_CODE = /^[a-z][a-z_]{1,40}$/;
const DISPUTE_TYPE_MESSAGE = 'each specialty must be a dispute type code such as neighbour';

/** 调解员 of one agency: who they are and what they are good at. */
export class RegisterMediatorRequest {
  @ApiProperty({ example: '王秀兰' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({
    enum: MEDIATOR_CATEGORIES,
    description: '专职/兼职, 警务助理, 律师, or one of the 五老乡贤',
  })
  @IsIn(MEDIATOR_CATEGORIES)
  category!: MediatorCategory;

  @ApiPropertyOptional({ type: [String], example: ['neighbour', 'land'], description: 'dispute type codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(DISPUTE_TYPE_CODE, { each: true, message: DISPUTE_TYPE_MESSAGE })
  specialties?: string[];

  @ApiPropertyOptional({ default: false, description: '金牌调解员' })
  @IsOptional()
  @IsBoolean()
  gold?: boolean;

  @ApiPropertyOptional({ default: true, description: '在岗: only a mediator on duty can take new referrals' })
  @IsOptional()
  @IsBoolean()
  onDuty?: boolean;

  @ApiPropertyOptional({
    example: '13812345678',
    description: 'mobile number; stored encrypted, shown masked',
  })
  @IsOptional()
  @IsMobilePhone('zh-CN', {}, { message: 'phone must be a mainland mobile number' })
  phone?: string;

  @ApiPropertyOptional({
    example: 'u-mediator-0001',
    description: 'their identity account, when they sign in themselves; one mediator per account and agency',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  userId?: string;

  @ApiPropertyOptional({ example: '退休教师，从事人民调解工作十二年，擅长邻里和婚姻家庭纠纷。' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  introduction?: string;
}

export class RegisterMediatorCommand extends RegisterMediatorRequest {
  @IsUUID()
  agencyId!: string;
}

/**
 * What changes about a mediator: duty, 金牌, specialties, category, phone and the rest. Absent
 * fields stay as they are; `phone: null` or `userId: null` removes it.
 */
export class UpdateMediatorRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name?: string;

  @ApiPropertyOptional({ enum: MEDIATOR_CATEGORIES })
  @IsOptional()
  @IsIn(MEDIATOR_CATEGORIES)
  category?: MediatorCategory;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(DISPUTE_TYPE_CODE, { each: true, message: DISPUTE_TYPE_MESSAGE })
  specialties?: string[];

  @ApiPropertyOptional({ description: '金牌调解员' })
  @IsOptional()
  @IsBoolean()
  gold?: boolean;

  @ApiPropertyOptional({ description: '在岗 / 离岗' })
  @IsOptional()
  @IsBoolean()
  onDuty?: boolean;

  @ApiPropertyOptional({ nullable: true, example: '13812345678', description: 'null removes it' })
  @IsOptional()
  @IsMobilePhone('zh-CN', {}, { message: 'phone must be a mainland mobile number' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'null unlinks the account' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  userId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  introduction?: string;
}

export class MediatorRefParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  mediatorId!: string;
}

export class UpdateMediatorCommand extends UpdateMediatorRequest {
  @IsUUID()
  agencyId!: string;

  @IsUUID()
  mediatorId!: string;
}

/** An agency's mediators: on duty first, 金牌 first, the lightest load, then by name. */
export class ListMediatorsQuery extends PageQuery {
  @ApiPropertyOptional({ description: '在岗 only (true) or off duty only (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  onDuty?: boolean;

  @ApiPropertyOptional({ description: '金牌 only (true) or the others (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  gold?: boolean;

  @ApiPropertyOptional({ enum: MEDIATOR_CATEGORIES })
  @IsOptional()
  @IsIn(MEDIATOR_CATEGORIES)
  category?: MediatorCategory;

  @ApiPropertyOptional({ example: 'neighbour', description: 'a dispute type code among their specialties' })
  @IsOptional()
  @Matches(DISPUTE_TYPE_CODE, { message: 'specialty must be a dispute type code such as neighbour' })
  specialty?: string;

  @ApiPropertyOptional({ example: '王', description: 'part of the name' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  q?: string;
}

export class ListMediatorsCommand extends ListMediatorsQuery {
  @IsUUID()
  agencyId!: string;
}

/** 指定承办调解员: one of the agency's own mediators, on duty, takes the referral. */
export class AssignMediatorRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  mediatorId!: string;
}

export class AssignMediatorCommand extends AssignMediatorRequest {
  @IsUUID()
  referralId!: string;
}

export class MediatorView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ example: '王秀兰' }) name!: string;
  @ApiProperty({ enum: MEDIATOR_CATEGORIES }) category!: MediatorCategory;
  @ApiProperty({ type: [String] }) specialties!: string[];
  @ApiProperty({ description: '金牌调解员' }) gold!: boolean;
  @ApiProperty({ description: '在岗' }) onDuty!: boolean;
  @ApiPropertyOptional({ example: '138****5678', description: 'masked' }) phone?: string;
  @ApiPropertyOptional() userId?: string;
  @ApiPropertyOptional() introduction?: string;
  @ApiProperty({ description: 'referrals accepted or in progress with them in charge (承办中)' })
  currentLoad!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
