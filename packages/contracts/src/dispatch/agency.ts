import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../common/page';
import { UNIT_KINDS, type UnitKind } from '../common/vocabulary';

export const JURISDICTION_CODE = /^\d{6}(\d{3}(\d{3})?)?$/;
export const JURISDICTION_CODE_MESSAGE = 'must be a 6-, 9- or 12-digit division code';

export class ListAgenciesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

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
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty({ example: '370781005000' }) jurisdictionCode!: string;
  @ApiProperty({ example: '黄楼街道' }) jurisdictionName!: string;
  @ApiProperty({ description: 'open referrals it can carry at once' }) capacity!: number;
  @ApiProperty({ description: 'on the published list the parties choose from (律师名录)' })
  published!: boolean;
  @ApiProperty({
    type: [String],
    description: 'dispute types a specialised committee takes (医调委: medical)',
  })
  specialties!: string[];
}
