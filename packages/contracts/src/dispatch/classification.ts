import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** Ask for a dispute type from the words of the complaint, before registering it. */
export class SuggestTypeRequest {
  @ApiPropertyOptional({ example: '宅基地边界纠纷' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiProperty({ example: '两户因宅基地边界砌墙发生争执，多次协商未果。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  description!: string;
}

export class WeightedWordView {
  @ApiProperty({ example: '宅基地' }) word!: string;
  @ApiProperty() weight!: number;
}

export class TypeAlternativeView {
  @ApiProperty() disputeType!: string;
  @ApiProperty() confidence!: number;
}

export class TypeSuggestionView {
  @ApiProperty({ example: 'land' }) disputeType!: string;
  @ApiProperty({ example: '土地/宅基地纠纷' }) disputeTypeName!: string;
  @ApiProperty({ description: '0..1' }) confidence!: number;
  @ApiProperty({ type: [WeightedWordView], description: 'the words that drove the suggestion' })
  drivingWords!: WeightedWordView[];
  @ApiPropertyOptional({ description: 'the rule that decided it, when a rule did' }) rule?: string;
  @ApiProperty({ type: [TypeAlternativeView] }) alternatives!: TypeAlternativeView[];
  @ApiProperty() modelVersion!: string;
}

/** 更正类型: the coordinator corrects a case's type; the correction becomes training data. */
export class ReclassifyCaseRequest {
  @ApiProperty({ example: 'land' })
  @Matches(/^[a-z][a-z_]{1,40}$/, { message: 'must be a dispute type code such as neighbour' })
  disputeType!: string;
}

export class ReclassifyCaseCommand extends ReclassifyCaseRequest {
  @IsUUID()
  caseId!: string;
}
