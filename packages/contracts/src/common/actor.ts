import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

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
}
