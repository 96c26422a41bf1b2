import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsMobilePhone,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/page';
import {
  NOTIFICATION_CHANNEL_KINDS,
  SLA_LEVELS,
  type NotificationChannelKind,
  type SlaLevel,
} from '../common/vocabulary';

/**
 * Where one unit receives its SLA warnings and breaches. A DingTalk robot needs its webhook and
 * its 加签 secret; a WeCom robot its webhook (the key in its URL is the credential); SMS the mobiles.
 */
export class NotificationChannelInput {
  @ApiProperty({ enum: NOTIFICATION_CHANNEL_KINDS })
  @IsIn(NOTIFICATION_CHANNEL_KINDS)
  kind!: NotificationChannelKind;

  @ApiPropertyOptional({ example: 'https://oapi.dingtalk.com/robot/send?access_token=…' })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(1000)
  webhookUrl?: string;

  @ApiPropertyOptional({ description: 'DingTalk 加签 secret (SEC…); kept encrypted, never shown again' })
  @IsOptional()
  @IsString()
  @Matches(/^SEC[0-9a-zA-Z]{8,128}$/, { message: 'must be a DingTalk signing secret starting with SEC' })
  secret?: string;

  @ApiPropertyOptional({ type: [String], example: ['13800138000'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsMobilePhone('zh-CN', {}, { each: true, message: 'each phone must be a mainland mobile number' })
  phones?: string[];

  @ApiProperty({ enum: SLA_LEVELS, isArray: true, description: 'which levels this channel receives' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SLA_LEVELS, { each: true })
  levels!: SlaLevel[];

  @ApiProperty()
  @IsBoolean()
  enabled!: boolean;
}

/** Replaces a unit's channels as a whole. */
export class SetNotificationChannelsRequest {
  @ApiProperty({ type: [NotificationChannelInput] })
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => NotificationChannelInput)
  channels!: NotificationChannelInput[];
}

export class SetNotificationChannelsCommand extends SetNotificationChannelsRequest {
  @IsUUID()
  agencyId!: string;
}

export class NotificationChannelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_CHANNEL_KINDS }) kind!: NotificationChannelKind;
  @ApiPropertyOptional({ description: 'scheme and host only; the token is never shown' }) webhook?: string;
  @ApiProperty() hasSecret!: boolean;
  @ApiPropertyOptional({ type: [String], example: ['138****8000'] }) phones?: string[];
  @ApiProperty({ enum: SLA_LEVELS, isArray: true }) levels!: SlaLevel[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What a delivery announces: an SLA warning or breach, or a police station's 民转刑风险预警. */
export const DELIVERY_KINDS = ['sla', 'violence_risk'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export class ListDeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  clockId?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: DELIVERY_KINDS })
  @IsOptional()
  @IsIn(DELIVERY_KINDS)
  kind?: DeliveryKind;
}

/** One warning, breach or 民转刑 alert sent (or being retried) on one channel. */
export class DeliveryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DELIVERY_KINDS }) kind!: DeliveryKind;
  @ApiProperty({ format: 'uuid' }) agencyId!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the SLA clock (kind sla)' }) clockId?: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty({ enum: SLA_LEVELS }) level!: SlaLevel;
  @ApiProperty({ enum: NOTIFICATION_CHANNEL_KINDS }) channelKind!: NotificationChannelKind;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: DeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional() lastError?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) deliveredAt?: string;
}
