import { createHash, randomUUID, type Hash } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { stream as xlsxStream } from 'exceljs';
import { DataSource, type QueryRunner } from 'typeorm';
import {
  LEDGER_EXPORTS_BUCKET,
  LEDGER_MAX_DAYS,
  type LedgerBasis,
  type LedgerExportCommand,
  type LedgerExportView,
} from '@fengqiao/contracts';
import { unprocessable } from '@fengqiao/errors';
import { beijingDayStart, daysBetween } from '../documents/chinese-dates';
import { LedgerExportsBucket } from './ledger-exports-bucket';
import {
  LEDGER_COLUMNS,
  LEDGER_SHEET,
  ledgerCells,
  ledgerQueries,
  SESSION_COLUMNS,
  SESSION_SHEET,
  sessionCells,
  type LedgerRow,
  type SessionRow,
  type SheetColumns,
} from './ledger-sheets';

const DAY_MS = 86_400_000;
/** Rows fetched from a cursor at a time: what the export holds in memory, whatever the period. */
const BATCH = 500;

type Worksheet = ReturnType<xlsxStream.xlsx.WorkbookWriter['addWorksheet']>;

/** Which rows an export holds. */
interface LedgerSelection {
  agencyId: string;
  basis: LedgerBasis;
  start: Date;
  end: Date;
  area: string | null;
}

/** Counts and hashes the workbook's bytes on their way to the object store. */
class Measured extends Transform {
  readonly hash: Hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/**
 * 工作台账 export: an agency's referrals of a period with their sessions, agreement, performance and
 * follow-up, as .xlsx. Rows come from server-side cursors in one read-only snapshot, go through
 * exceljs's streaming writer, and stream into the LEDGER_EXPORTS object store while they are
 * written; memory holds a batch, not the period. The reply says where the file is.
 */
@Injectable()
export class LedgerExport {
  private readonly logger = new Logger('LedgerExport');

  constructor(
    private readonly dataSource: DataSource,
    private readonly bucket: LedgerExportsBucket,
  ) {}

  /** `area`: a coordinator's own 辖区 (see coordinatorArea); the agency's own people export all of it. */
  async export(q: LedgerExportCommand, area: string | null = null): Promise<LedgerExportView> {
    const { start, end } = period(q.from, q.to);
    const basis = q.basis ?? 'received';
    const store = await this.bucket.open();
    const objectName = `ledger-${randomUUID()}`;
    const filename = `工作台账_${q.from}_${q.to}.xlsx`;

    const out = new Measured();
    const upload = store.put(
      { name: objectName, description: filename, metadata: { agencyId: q.agencyId, basis } },
      Readable.toWeb(out) as ReadableStream<Uint8Array>,
    );
    // Until the workbook is done, a failed upload is noticed where the writer waits on it.
    upload.catch(() => undefined);
    let counts: { rows: number; sessionRows: number };
    try {
      counts = await this.write(out, { agencyId: q.agencyId, basis, start, end, area }, upload);
    } catch (e) {
      out.destroy(e as Error);
      await upload.catch(() => undefined);
      await store.delete(objectName).catch(() => undefined);
      throw e;
    }
    const info = await upload;
    this.logger.log(
      `ledger of agency ${q.agencyId} ${q.from}..${q.to}: ${counts.rows} rows, ${info.size} bytes as ${objectName}`,
    );
    return {
      bucket: LEDGER_EXPORTS_BUCKET,
      objectName,
      filename,
      ...counts,
      bytes: out.bytes,
      sha256: out.hash.digest('hex'),
    };
  }

  private async write(
    out: Measured,
    { agencyId, basis, start, end, area }: LedgerSelection,
    upload: Promise<unknown>,
  ): Promise<{ rows: number; sessionRows: number }> {
    // No styles and no shared strings: per-cell style bookkeeping triples the writing time, and a
    // shared-string table would hold every text of the period in memory until the end.
    const workbook = new xlsxStream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: false,
      useSharedStrings: false,
    });
    workbook.creator = '枫桥 Hub';
    const queries = ledgerQueries(this.dataSource, basis, area);
    const params = area ? [agencyId, start, end, area] : [agencyId, start, end];
    // One snapshot for both sheets: a referral closed mid-export shows the same on each.
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // Every row will be read: plan the cursors for the whole result, not for the first rows.
      await runner.query('SET LOCAL cursor_tuple_fraction = 1');
      const sheet = sheetOf(workbook, LEDGER_SHEET, LEDGER_COLUMNS);
      const rows = await eachRow<LedgerRow>(
        runner,
        'ledger_rows',
        queries.referrals,
        params,
        out,
        upload,
        (r, n) => sheet.addRow(ledgerCells(n, r)).commit(),
      );
      sheet.commit();
      const sessions = sheetOf(workbook, SESSION_SHEET, SESSION_COLUMNS);
      const sessionRows = await eachRow<SessionRow>(
        runner,
        'ledger_sessions',
        queries.sessions,
        params,
        out,
        upload,
        (s, n) => sessions.addRow(sessionCells(n, s)).commit(),
      );
      sessions.commit();
      await runner.query('COMMIT');
      await workbook.commit();
      return { rows, sessionRows };
    } catch (e) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
  }
}

/** A sheet with its header row (frozen, so it stays in view) and column widths. */
function sheetOf(workbook: xlsxStream.xlsx.WorkbookWriter, name: string, columns: SheetColumns): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(([header, width]) => ({ header, width }));
  sheet.getRow(1).commit();
  return sheet;
}

/**
 * Walks a server-side cursor a batch at a time, writing each row; after each batch it waits until
 * the object store has taken what was written, so a slow upload slows the reading instead of
 * filling memory.
 */
async function eachRow<T>(
  runner: QueryRunner,
  cursor: string,
  sql: string,
  params: unknown[],
  out: Measured,
  upload: Promise<unknown>,
  write: (row: T, n: number) => void,
): Promise<number> {
  await runner.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, params);
  let n = 0;
  for (;;) {
    const batch = (await runner.query(`FETCH ${BATCH} FROM ${cursor}`)) as T[];
    for (const row of batch) write(row, ++n);
    if (batch.length < BATCH) break;
    // Polled rather than listened for: a 'data' listener would take the stream from the uploader.
    while (out.readableLength + out.writableLength > out.readableHighWaterMark) {
      await Promise.race([new Promise((r) => setTimeout(r, 10)), upload]);
    }
  }
  await runner.query(`CLOSE ${cursor}`);
  return n;
}

/** The period as instants, Beijing days inclusive; at most LEDGER_MAX_DAYS days, from no later than to. */
function period(from: string, to: string): { start: Date; end: Date } {
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw unprocessable('to', 'must not be before from', '结束日期不能早于开始日期');
  if (days > LEDGER_MAX_DAYS)
    throw unprocessable(
      'to',
      `the period is ${days} days; one export covers at most ${LEDGER_MAX_DAYS}`,
      `导出期间为${days}天，单次导出最长${LEDGER_MAX_DAYS}天`,
    );
  return { start: beijingDayStart(from), end: new Date(beijingDayStart(to).getTime() + DAY_MS) };
}
