import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../common/page';
import { AGENCY_KINDS, type AgencyKind } from '../common/vocabulary';

export const JURISDICTION_CODE = /^\d{6}(\d{3}(\d{3})?)?$/;
export const JURISDICTION_CODE_MESSAGE = 'must be a 6-, 9- or 12-digit division code';

export class ListAgenciesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @IsOptional()
  @IsIn(AGENCY_KINDS)
  kind?: AgencyKind;

  @ApiPropertyOptional({ description: 'agencies in this jurisdiction or below it', example: '370781' })
  @IsOptional()
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode?: string;
}

export class AgencyIdParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId!: string;
}

export class AgencyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '青州市公安局黄楼派出所' }) name!: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind!: AgencyKind;
  @ApiProperty({ example: '370781005000' }) jurisdictionCode!: string;
  @ApiProperty({ example: '黄楼街道' }) jurisdictionName!: string;
}
