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
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/page';
import { SESSION_RESULTS, type SessionResult } from '../common/vocabulary';

/** Who took part in a session besides the mediators: 当事人, 代理人, 亲属, 证人, 其他. */
export const SESSION_PARTICIPANT_ROLES = ['party', 'agent', 'relative', 'witness', 'other'] as const;
export type SessionParticipantRole = (typeof SESSION_PARTICIPANT_ROLES)[number];

export class MediationSessionParticipant {
  @ApiProperty({ example: '王某' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: SESSION_PARTICIPANT_ROLES })
  @IsIn(SESSION_PARTICIPANT_ROLES)
  role!: SessionParticipantRole;

  @ApiPropertyOptional({
    description: "which of the case's parties they are or stand for (the party's position, 0 = first)",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(99)
  partyPosition?: number;
}

/** 调解记录: one mediation session on a referral. */
export class RecordMediationSessionRequest {
  @ApiProperty({
    format: 'date-time',
    example: '2026-11-23T09:30:00+08:00',
    description: 'when it was held: not in the future, not before the referral was accepted',
  })
  @IsISO8601({ strict: true })
  heldAt!: string;

  @ApiProperty({ example: '卢李村村委会调解室' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  place!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: "the agency's own mediators who held it" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  mediatorIds!: string[];

  @ApiProperty({ type: [MediationSessionParticipant] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MediationSessionParticipant)
  participants!: MediationSessionParticipant[];

  @ApiProperty({
    example: '申请人陈述漏水经过及损失；被申请人同意查明漏点后承担维修费用，对赔偿金额有异议。',
    description: 'what was said (调解经过)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  summary!: string;

  @ApiProperty({ enum: SESSION_RESULTS, description: '达成协议, 部分达成, 未达成, 择期再调' })
  @IsIn(SESSION_RESULTS)
  result!: SessionResult;

  @ApiPropertyOptional({ format: 'date-time', description: 'the next session: required when adjourned' })
  @ValidateIf((o: RecordMediationSessionRequest) => o.result === 'adjourned' || o.nextSessionAt != null)
  @IsISO8601(
    { strict: true },
    { message: 'nextSessionAt is required when the session is adjourned (择期再调须填写下次调解时间)' },
  )
  nextSessionAt?: string;
}

export class RecordMediationSessionCommand extends RecordMediationSessionRequest {
  @IsUUID()
  referralId!: string;
}

/** A referral's sessions, in the order they were held. */
export class ListMediationSessionsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SESSION_RESULTS })
  @IsOptional()
  @IsIn(SESSION_RESULTS)
  result?: SessionResult;
}

export class ListMediationSessionsCommand extends ListMediationSessionsQuery {
  @IsUUID()
  referralId!: string;
}

/** Who did something, as the record names them. */
export class ActorRefView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class MediationSessionMediatorView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class MediationSessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) referralId!: string;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiProperty({ description: '第几次调解: 1, 2 … per referral' }) sequence!: number;
  @ApiProperty({ format: 'date-time' }) heldAt!: string;
  @ApiProperty() place!: string;
  @ApiProperty({
    type: [MediationSessionMediatorView],
    description: 'the mediators, named as they were then',
  })
  mediators!: MediationSessionMediatorView[];
  @ApiProperty({ type: [MediationSessionParticipant] }) participants!: MediationSessionParticipant[];
  @ApiProperty() summary!: string;
  @ApiProperty({ enum: SESSION_RESULTS }) result!: SessionResult;
  @ApiPropertyOptional({ format: 'date-time' }) nextSessionAt?: string;
  @ApiProperty({ type: ActorRefView, description: 'who recorded it' }) recordedBy!: ActorRefView;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}
