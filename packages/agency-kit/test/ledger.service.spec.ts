import { createHash, randomUUID } from 'node:crypto';
import { Objm } from '@nats-io/obj';
import { Workbook, type Worksheet } from 'exceljs';
import { LEDGER_EXPORTS_BUCKET, type LedgerExportView, type MediatorView } from '@fengqiao/contracts';
import { TEST_ACTOR } from '@fengqiao/testing';
import { beijingDay } from '../src';
import {
  CLERK,
  COMMITTEE,
  CommitteeService,
  failure,
  MEDIATOR,
  OTHER_CLERK,
  subjects,
} from './support/committee-service';

const COLLEAGUE = { id: 'u-chen', name: '陈回访员', role: 'agency_staff', agencyId: COMMITTEE };

const HEADERS = [
  '序号',
  '案件编号',
  '收案（签收）日期',
  '纠纷类型',
  '纠纷简要情况（案件标题）',
  '当事人',
  '承办调解员',
  '调解次数',
  '调解日期',
  '调解结果',
  '协议书编号',
  '履行情况',
  '办结日期',
  '回访日期',
  '回访方式',
  '满意度',
  '是否反弹',
  '备注',
];

let service: CommitteeService;
let mediatorId: string;

const send = <T>(subject: string, body: object, actor: object = CLERK) =>
  service.send<T>(subject, body, actor);
const db = () => service.db();
const today = () => beijingDay(new Date());

async function anAcceptedReferral(caseNumber: string, caseTitle: string, disputeType = 'neighbour') {
  return (await service.anAcceptedReferral({ caseNumber, caseTitle, disputeType })).referralId;
}

const session = (referralId: string, result: string, summary: string, over: object = {}) =>
  send(
    subjects.sessionRecord,
    {
      referralId,
      heldAt: new Date().toISOString(),
      place: '黄楼街道调解室',
      mediatorIds: [mediatorId],
      participants: [
        { name: '王某', role: 'party', partyPosition: 0 },
        { name: '李某', role: 'party', partyPosition: 1 },
        { name: '王某之子', role: 'relative' },
      ],
      summary,
      result,
      ...over,
    },
    MEDIATOR,
  );

const exportLedger = (q: object, actor: object = CLERK) =>
  send<LedgerExportView>(subjects.ledgerExport, { agencyId: COMMITTEE, ...q }, actor);

async function fetchWorkbook(exported: LedgerExportView): Promise<Workbook> {
  const store = await new Objm(service.stores.nc).open(LEDGER_EXPORTS_BUCKET);
  const blob = await store.getBlob(exported.objectName);
  expect(blob).not.toBeNull();
  const bytes = Buffer.from(blob!);
  expect(bytes.length).toBe(exported.bytes);
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(exported.sha256);
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const rowValues = (sheet: Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
const byCase = (sheet: Worksheet, caseNumber: string) => {
  for (let n = 2; n <= sheet.rowCount; n++)
    if (sheet.getCell(n, 2).value === caseNumber) return rowValues(sheet, n);
  throw new Error(`no row for ${caseNumber}`);
};

beforeAll(async () => {
  service = await CommitteeService.start();
  const mediator = await send<MediatorView>(subjects.mediatorRegister, {
    agencyId: COMMITTEE,
    name: '张调解员',
    category: 'full_time',
    userId: MEDIATOR.id,
  });
  mediatorId = mediator.id;
});

afterAll(async () => {
  await service?.close();
});

describe('the ledger (工作台账)', () => {
  let settled: string;

  beforeAll(async () => {
    // A dispute settled in two sessions, with a signed agreement partly performed, closed and
    // followed up (dissatisfied, rebounded); one still in hand; one that failed.
    settled = await anAcceptedReferral('370781-2026-000101', '楼上漏水致楼下受损纠纷');
    await send(subjects.referralAssignMediator, { referralId: settled, mediatorId });
    await session(settled, 'adjourned', '双方陈述各自意见，约定查明漏点后再调。', {
      nextSessionAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await session(settled, 'agreed', '查明漏点系被申请人卫生间防水层老化，双方同意维修并赔偿。');
    await send(
      subjects.agreementDraft,
      {
        referralId: settled,
        parties: [
          { name: '王某', role: 'applicant', kind: 'person', idNumber: '11010519491231002X' },
          { name: '李某', role: 'respondent', kind: 'person' },
        ],
        facts: '李某家卫生间漏水致王某家天花板受损。',
        terms: [{ content: '李某修复防水层。' }, { content: '李某赔偿王某八百元。' }],
        performance: { time: '三十日内', method: '当面交付' },
        mediatorNames: ['张调解员'],
      },
      MEDIATOR,
    );
    const now = new Date().toISOString();
    await send(
      subjects.agreementSign,
      {
        referralId: settled,
        signedAt: now,
        signatories: [
          { partyPosition: 0, signedAt: now },
          { partyPosition: 1, signedAt: now },
        ],
      },
      MEDIATOR,
    );
    await send(
      subjects.agreementRecordPerformance,
      {
        referralId: settled,
        termNo: 1,
        status: 'performed',
        note: '已修复',
        recordedAt: new Date().toISOString(),
      },
      MEDIATOR,
    );
    await send(subjects.referralClose, {
      referralId: settled,
      outcome: 'resolved',
      note: '双方达成调解协议',
      agreementSummary: '李某修复防水层并赔偿八百元',
    });
    await send(
      subjects.followUpRecord,
      {
        referralId: settled,
        method: 'visit',
        satisfaction: 'dissatisfied',
        rebound: true,
        note: '赔偿款未付，王某要求重新调解',
      },
      COLLEAGUE,
    );

    await anAcceptedReferral('370781-2026-000102', '宅基地边界纠纷', 'land');
    const failed = await anAcceptedReferral('370781-2026-000103', '劳务费拖欠纠纷', 'labour');
    await session(failed, 'no_agreement', '双方对欠款数额分歧较大。');
    await send(subjects.referralClose, {
      referralId: failed,
      outcome: 'failed',
      note: '建议通过诉讼解决',
      nextStep: 'litigation',
    });
  });

  it('exports the period as .xlsx into the object store: a 工作台账 row per referral, a 调解记录 row per session', async () => {
    const exported = await exportLedger({ from: today(), to: today() });
    expect(exported).toMatchObject({
      bucket: LEDGER_EXPORTS_BUCKET,
      filename: `工作台账_${today()}_${today()}.xlsx`,
      rows: 3,
      sessionRows: 3,
    });
    expect(exported.objectName).toMatch(/^ledger-[0-9a-f-]{36}$/);

    const workbook = await fetchWorkbook(exported);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['工作台账', '调解记录']);
    const ledger = workbook.getWorksheet('工作台账')!;
    expect(rowValues(ledger, 1)).toEqual(HEADERS);
    expect(ledger.rowCount).toBe(4);
    expect(ledger.getColumn(1).values.slice(2)).toEqual([1, 2, 3]);

    const row = byCase(ledger, '370781-2026-000101');
    const cell = (header: string) => row[HEADERS.indexOf(header)];
    expect(cell('收案（签收）日期')).toBe(today());
    expect(cell('纠纷类型')).toBe('neighbour');
    expect(cell('纠纷简要情况（案件标题）')).toBe('楼上漏水致楼下受损纠纷');
    expect(cell('当事人')).toBe('王某、李某');
    expect(cell('承办调解员')).toBe('张调解员');
    expect(cell('调解次数')).toBe(2);
    expect(cell('调解日期')).toBe(`${today()}、${today()}`);
    expect(cell('调解结果')).toBe('调解成功');
    expect(cell('协议书编号')).toMatch(/^（\d{4}）黄楼人调字第\d{3}号$/);
    expect(cell('履行情况')).toBe('部分履行');
    expect(cell('办结日期')).toBe(today());
    expect(cell('回访日期')).toBe(today());
    expect(cell('回访方式')).toBe('上门回访');
    expect(cell('满意度')).toBe('不满意');
    expect(cell('是否反弹')).toBe('是');
    expect(cell('备注')).toBe('双方达成调解协议');
    // ID numbers never reach the ledger.
    expect(JSON.stringify(ledger.getSheetValues())).not.toContain('11010519491231002X');

    const open = byCase(ledger, '370781-2026-000102');
    expect(open[HEADERS.indexOf('调解结果')]).toBe('已签收');
    expect(open[HEADERS.indexOf('调解次数')]).toBe(0);
    expect(open[HEADERS.indexOf('办结日期')]).toBeUndefined(); // left blank
    const failed = byCase(ledger, '370781-2026-000103');
    expect(failed[HEADERS.indexOf('调解结果')]).toBe('调解不成');
    expect(failed[HEADERS.indexOf('当事人')]).toBe('王某、李某'); // from the session's parties
    expect(failed[HEADERS.indexOf('承办调解员')]).toBe('张调解员'); // none assigned: who held its sessions

    const sessions = workbook.getWorksheet('调解记录')!;
    expect(rowValues(sessions, 1)).toEqual([
      '序号',
      '案件编号',
      '第几次调解',
      '调解时间',
      '调解地点',
      '调解员',
      '参加人员',
      '调解情况',
      '调解结果',
      '下次调解时间',
      '记录人',
    ]);
    const first = rowValues(sessions, 2);
    expect(first.slice(1, 3)).toEqual(['370781-2026-000101', 1]);
    expect(first[3]).toMatch(new RegExp(`^${today()} \\d{2}:\\d{2}$`));
    expect(first.slice(4)).toEqual([
      '黄楼街道调解室',
      '张调解员',
      '王某、李某、王某之子',
      '双方陈述各自意见，约定查明漏点后再调。',
      '择期再调',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      '张调解员',
    ]);
    expect(rowValues(sessions, 3).slice(1, 3)).toEqual(['370781-2026-000101', 2]);
    expect(rowValues(sessions, 3)[8]).toBe('达成协议');
  });

  it('filters by the period on Beijing days, received or closed', async () => {
    // Accepted 2026-01-15 23:30 and 2026-01-16 00:30 Beijing time (15:30 and 16:30 UTC).
    const late = await anAcceptedReferral('370781-2026-000201', '一月十五日深夜收案');
    const next = await anAcceptedReferral('370781-2026-000202', '一月十六日凌晨收案');
    await db().query(`UPDATE people_mediation.referrals SET accepted_at = $2 WHERE id = $1`, [
      late,
      '2026-01-15T15:30:00Z',
    ]);
    await db().query(`UPDATE people_mediation.referrals SET accepted_at = $2 WHERE id = $1`, [
      next,
      '2026-01-15T16:30:00Z',
    ]);
    const cases = async (q: object) => {
      const exported = await exportLedger(q);
      const sheet = (await fetchWorkbook(exported)).getWorksheet('工作台账')!;
      return sheet.getColumn(2).values.slice(2);
    };
    expect(await cases({ from: '2026-01-15', to: '2026-01-15' })).toEqual(['370781-2026-000201']);
    expect(await cases({ from: '2026-01-16', to: '2026-01-31' })).toEqual(['370781-2026-000202']);
    expect(await cases({ from: '2026-01-01', to: '2026-01-31', basis: 'received' })).toHaveLength(2);
    expect(await cases({ from: '2026-01-01', to: '2026-01-31', basis: 'closed' })).toEqual([]);
    expect(await cases({ from: today(), to: today(), basis: 'closed' })).toEqual(
      expect.arrayContaining(['370781-2026-000101', '370781-2026-000103']),
    );
    expect(await cases({ from: today(), to: today(), basis: 'closed' })).not.toContain('370781-2026-000102');
    const empty = await exportLedger({ from: '2025-01-01', to: '2025-12-31' });
    expect(empty).toMatchObject({ rows: 0, sessionRows: 0 });
    expect(rowValues((await fetchWorkbook(empty)).getWorksheet('工作台账')!, 1)).toEqual(HEADERS);
  });

  it('refuses a bad period, and another agency', async () => {
    const backwards = await failure(exportLedger({ from: '2026-03-01', to: '2026-02-28' }));
    expect(backwards).toMatchObject({ status: 422, fields: [expect.objectContaining({ field: 'to' })] });
    const tooLong = await failure(exportLedger({ from: '2025-01-01', to: '2026-01-02' }));
    expect(tooLong).toMatchObject({ status: 422, fields: [expect.objectContaining({ field: 'to' })] });
    await exportLedger({ from: '2024-01-01', to: '2024-12-31' }); // a leap year: 366 days
    expect((await failure(exportLedger({ from: '2026-02-30', to: '2026-03-01' }))).status).toBe(400);
    expect((await failure(exportLedger({ from: '2026/01/01', to: '2026-03-01' }))).status).toBe(400);
    expect(
      (await failure(exportLedger({ from: '2026-01-01', to: '2026-03-01', basis: 'issued' }))).status,
    ).toBe(400);
    expect((await failure(exportLedger({ from: today(), to: today() }, OTHER_CLERK))).status).toBe(403);
    const coordinator = await exportLedger({ from: today(), to: today() }, { ...TEST_ACTOR });
    expect(coordinator.rows).toBe(3);
    // A coordinator of another street: the export holds none of this committee's (黄楼) cases.
    const wangfu = { ...TEST_ACTOR, jurisdictionCode: '370781001000' };
    expect((await exportLedger({ from: today(), to: today() }, wangfu)).rows).toBe(0);
  });

  it('streams a 10,000-row export', async () => {
    const agencyId = randomUUID();
    await db().query(
      `INSERT INTO people_mediation.referrals
         (id, case_id, case_number, case_title, dispute_type, jurisdiction_code, agency_id, status,
          outcome, closing_note, issued_at, accepted_at, closed_at, version)
       SELECT gen_random_uuid(), gen_random_uuid(), '370781-2026-' || lpad(i::text, 6, '0'),
              '邻里纠纷第' || i || '号', 'neighbour', '370781007201', $1, 'closed', 'resolved',
              '双方和解', timestamptz '2026-03-01 09:00+08' + i * interval '1 minute',
              timestamptz '2026-03-01 09:00+08' + i * interval '1 minute',
              timestamptz '2026-03-20 09:00+08' + i * interval '1 minute', 1
         FROM generate_series(1, 10000) i`,
      [agencyId],
    );
    await db().query(
      `INSERT INTO people_mediation.mediation_sessions
         (id, referral_id, agency_id, sequence, held_at, place, mediators, participants, summary, result,
          recorded_by_id, recorded_by_name)
       SELECT gen_random_uuid(), r.id, r.agency_id, 1, r.accepted_at + interval '1 day', '调解室',
              '[{"id":"m","name":"张调解员"}]', '[{"name":"甲","role":"party"},{"name":"乙","role":"party"}]',
              '双方当面协商，达成一致。', 'agreed', 'u-zhang', '张调解员'
         FROM people_mediation.referrals r WHERE r.agency_id = $1`,
      [agencyId],
    );
    const clerk = { ...CLERK, agencyId };
    const started = Date.now();
    const exported = await send<LedgerExportView>(
      subjects.ledgerExport,
      { agencyId, from: '2026-03-01', to: '2026-03-31' },
      clerk,
    );
    const took = Date.now() - started;
    console.log(
      `ledger export: ${exported.rows} rows, ${exported.sessionRows} sessions, ${exported.bytes} bytes in ${took} ms`,
    );
    expect(exported).toMatchObject({ rows: 10000, sessionRows: 10000 });
    const workbook = await fetchWorkbook(exported);
    const ledger = workbook.getWorksheet('工作台账')!;
    expect(ledger.rowCount).toBe(10001);
    expect(rowValues(ledger, 10001).slice(0, 3)).toEqual([10000, '370781-2026-010000', '2026-03-08']);
    expect(workbook.getWorksheet('调解记录')!.rowCount).toBe(10001);
  });
});
