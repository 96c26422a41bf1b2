import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../common/page';

export const ROLES = ['coordinator', 'agency_staff', 'mediator', 'reporter', 'leader', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export class LoginRequest {
  @ApiProperty({ example: 'coordinator.huanglou' })
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'username must be 3-64 lower-case letters, digits, . _ or -' })
  username!: string;

  @ApiProperty({ example: '••••••••' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

/** What the gateway sends identity: the login plus the caller's address (throttling, audit). */
export class LoginCommand extends LoginRequest {
  @IsString()
  @MaxLength(100)
  origin!: string;
}

export class RefreshRequest {
  @ApiProperty({ description: 'the refresh token from login or the last refresh' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,200}$/, { message: 'refreshToken is not a refresh token' })
  refreshToken!: string;
}

export class SessionUserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiPropertyOptional({ description: 'the jurisdiction the user works within' }) jurisdictionCode?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the agency the user belongs to' }) agencyId?: string;
}

export class SessionView {
  @ApiProperty({ description: 'short-lived bearer token for the API' }) accessToken!: string;
  @ApiProperty({ description: 'seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ description: 'one-use token to get the next access token; rotated on every refresh' })
  refreshToken!: string;
  @ApiProperty({ type: SessionUserView }) user!: SessionUserView;
}

export class CreateUserRequest {
  @ApiProperty({ example: 'coordinator.wangfu' })
  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'username must be 3-64 lower-case letters, digits, . _ or -' })
  username!: string;

  @ApiProperty({ example: '王府街道综治中心 孙协调员' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    description: 'required for coordinator, reporter and leader',
    example: '370781001000',
  })
  @IsOptional()
  @Matches(/^\d{12}$/, { message: 'jurisdictionCode must be a 12-digit division code' })
  jurisdictionCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for agency_staff and mediator' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiProperty({ description: 'at least 12 characters' })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password!: string;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class UserIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;
}

export class UserView extends SessionUserView {
  @ApiProperty() disabled!: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) lockedUntil?: string;
}
