import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
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
} from 'class-validator';
import {
  LADDER_CODES,
  LADDER_MODES,
  UNIT_KINDS,
  type LadderCode,
  type LadderMode,
  type UnitKind,
} from '../common/vocabulary';
import { JURISDICTION_CODE, JURISDICTION_CODE_MESSAGE } from './agency';

export class LadderLevelView {
  @ApiProperty() level!: number;
  @ApiProperty({ example: '介入调' }) nameZh!: string;
  @ApiProperty({ enum: LADDER_MODES }) mode!: LadderMode;
  @ApiProperty({ enum: UNIT_KINDS, isArray: true }) unitKinds!: UnitKind[];
}

export class LadderView {
  @ApiProperty({ enum: LADDER_CODES }) code!: LadderCode;
  @ApiProperty({ example: '五级联动' }) nameZh!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [LadderLevelView] }) levels!: LadderLevelView[];
  @ApiProperty({ description: 'jurisdictions that chose it', type: [String] }) chosenBy!: string[];
}

export class ChooseLadderRequest {
  @ApiProperty({ enum: LADDER_CODES })
  @IsIn(LADDER_CODES)
  ladderCode!: LadderCode;
}

export class ChooseLadderCommand extends ChooseLadderRequest {
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode!: string;
}

/** 升级: one or more levels up the case's ladder, with the reason. */
export class EscalateCaseRequest {
  @ApiProperty({ example: '拉呱调未能化解，双方分歧较大' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ description: 'default: the next level' })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(9)
  toLevel?: number;
}

export class EscalateCaseCommand extends EscalateCaseRequest {
  @IsUUID()
  caseId!: string;
}

export class NotEscalatedIndexQuery {
  @ApiPropertyOptional({ example: '370781', description: 'default: the caller’s own 辖区' })
  @IsOptional()
  @Matches(JURISDICTION_CODE, { message: JURISDICTION_CODE_MESSAGE })
  jurisdictionCode?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'cases closed from (inclusive)' })
  @IsOptional()
  @IsISO8601()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'cases closed before (exclusive)' })
  @IsOptional()
  @IsISO8601()
  to?: string;
}

export class LevelCountView {
  @ApiProperty() level!: number;
  @ApiProperty() cases!: number;
}

/** 矛盾不上交 index over the cases closed in the period, in the jurisdiction. */
export class NotEscalatedIndexView {
  @ApiProperty() jurisdictionCode!: string;
  @ApiProperty() closedCases!: number;
  @ApiProperty({ description: 'closed at or below the level they started at' }) closedAtStartLevel!: number;
  @ApiProperty({ description: 'closed below level 3' }) closedBelowLevel3!: number;
  @ApiProperty({ description: 'closed at their start level or below level 3' }) notEscalated!: number;
  @ApiProperty({ description: 'notEscalated ÷ closedCases (null when nothing closed)', nullable: true })
  index!: number | null;
  @ApiProperty({ type: [LevelCountView], description: 'closed cases by the level they closed at' })
  byClosingLevel!: LevelCountView[];
  @ApiProperty({ description: 'escalations recorded in the period' }) escalations!: number;
}
