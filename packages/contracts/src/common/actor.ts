import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/**
 * Who performs a command. The gateway fills it; it travels with every request and event so the
 * timeline can say who did what. (Identity and its signature arrive with the identity issue.)
 */
export class Actor {
  @ApiProperty({ example: 'u-0001' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  id!: string;

  @ApiProperty({ example: '张协调员' })
  @IsString()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'coordinator' })
  @IsString()
  @MaxLength(32)
  role!: string;

  @ApiPropertyOptional({ description: 'the jurisdiction the actor works within (12 digits)' })
  @IsOptional()
  @Matches(/^\d{12}$/)
  jurisdictionCode?: string;

  @ApiPropertyOptional({ description: 'the agency the actor belongs to' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}
