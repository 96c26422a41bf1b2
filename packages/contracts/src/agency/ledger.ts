import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

/**
 * 工作台账: an agency's referrals of a period as an .xlsx. The agency service writes it into a JetStream
 * Object Store bucket and answers where; the gateway streams it from there to the caller.
 */
export const LEDGER_EXPORTS_BUCKET = 'LEDGER_EXPORTS';
/** An export is fetched at once by the gateway that asked for it; the bucket forgets it after this. */
export const LEDGER_EXPORT_TTL_MS = 3600 * 1000;
/** The longest period one export may cover: a year, leap years included. */
export const LEDGER_MAX_DAYS = 366;
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Which date puts a referral in the period: 收案（签收）日期 or 办结日期. */
export const LEDGER_BASES = ['received', 'closed'] as const;
export type LedgerBasis = (typeof LEDGER_BASES)[number];

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class LedgerExportQuery {
  @ApiProperty({ example: '2026-01-01', description: 'first day of the period (Asia/Shanghai)' })
  @Matches(DATE_ONLY, { message: 'from must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real date' })
  from!: string;

  @ApiProperty({ example: '2026-06-30', description: 'last day of the period, at most 366 days after from' })
  @Matches(DATE_ONLY, { message: 'to must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real date' })
  to!: string;

  @ApiPropertyOptional({
    enum: LEDGER_BASES,
    default: 'received',
    description: 'received: referrals accepted (签收) in the period; closed: referrals closed (办结) in it',
  })
  @IsOptional()
  @IsIn(LEDGER_BASES)
  basis?: LedgerBasis;
}

export class LedgerExportCommand extends LedgerExportQuery {
  @IsUUID()
  agencyId!: string;
}

/** Where the export was written, and what it holds. */
export class LedgerExportView {
  @ApiProperty({ example: LEDGER_EXPORTS_BUCKET }) bucket!: string;
  @ApiProperty({ description: 'a random name in the bucket' }) objectName!: string;
  @ApiProperty({ example: '工作台账_2026-01-01_2026-06-30.xlsx' }) filename!: string;
  @ApiProperty({ description: 'referral rows on the 工作台账 sheet' }) rows!: number;
  @ApiProperty({ description: 'session rows on the 调解记录 sheet' }) sessionRows!: number;
  @ApiProperty() bytes!: number;
  @ApiProperty({ description: 'SHA-256 of the .xlsx, hex' }) sha256!: string;
}
