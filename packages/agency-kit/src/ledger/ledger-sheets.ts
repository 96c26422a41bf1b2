import type { DataSource } from 'typeorm';
import type {
  AgreementStatus,
  FollowUpMethod,
  FollowUpStatus,
  LedgerBasis,
  ReferralOutcome,
  ReferralStatus,
  SatisfactionLevel,
  SessionResult,
} from '@fengqiao/contracts';
import { Agreement, AgreementParty, AgreementTerm } from '../agreements/agreement.entity';
import { tableOf } from '../agreements/table-path';
import { FollowUp } from '../follow-ups/follow-up.entity';
import { InboxReferral } from '../inbox/inbox-referral.entity';
import { STATUS_ZH } from '../inbox/working-referrals';
import { Mediator } from '../mediators/mediator.entity';
import { MediationSession } from '../sessions/mediation-session.entity';
import { FOLLOW_UP_METHOD_ZH, OUTCOME_ZH, SATISFACTION_ZH, SESSION_RESULT_ZH, zh } from './ledger-words';

/** A sheet's columns: header and width (in characters), in the order a Chinese 工作台账 has them. */
export type SheetColumns = readonly (readonly [header: string, width: number])[];

export const LEDGER_SHEET = '工作台账';
export const LEDGER_COLUMNS: SheetColumns = [
  ['序号', 6],
  ['案件编号', 20],
  ['收案（签收）日期', 14],
  ['纠纷类型', 14],
  ['纠纷简要情况（案件标题）', 36],
  ['当事人', 24],
  ['承办调解员', 14],
  ['调解次数', 9],
  ['调解日期', 24],
  ['调解结果', 12],
  ['协议书编号', 28],
  ['履行情况', 14],
  ['办结日期', 12],
  ['回访日期', 12],
  ['回访方式', 10],
  ['满意度', 10],
  ['是否反弹', 9],
  ['备注', 40],
];

export const SESSION_SHEET = '调解记录';
export const SESSION_COLUMNS: SheetColumns = [
  ['序号', 6],
  ['案件编号', 20],
  ['第几次调解', 10],
  ['调解时间', 17],
  ['调解地点', 20],
  ['调解员', 16],
  ['参加人员', 28],
  ['调解情况', 60],
  ['调解结果', 12],
  ['下次调解时间', 17],
  ['记录人', 10],
];

/** The period's referrals: which timestamp puts one in it. */
const BASIS_COLUMN: Record<LedgerBasis, string> = { received: 'accepted_at', closed: 'closed_at' };

const day = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`;
const minute = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`;

/**
 * The names a referral's sessions list (mediators, or the parties among the participants), each
 * once, in the order they first appear.
 */
const namesInSessions = (sessions: string, list: 'mediators' | 'participants', which: string) => `
  (SELECT string_agg(name, '、' ORDER BY first_seen) FROM (
     SELECT e.v->>'name' AS name, min(x.sequence * 1000 + e.n) AS first_seen
       FROM ${sessions} x, jsonb_array_elements(x.${list}) WITH ORDINALITY e(v, n)
      WHERE x.referral_id = r.id AND ${which}
      GROUP BY 1) named)`;

export interface LedgerRow {
  case_number: string;
  accepted_day: string | null;
  dispute_type: string;
  case_title: string;
  status: ReferralStatus;
  outcome: ReferralOutcome | null;
  closing_note: string | null;
  return_note: string | null;
  transfer_reason: string | null;
  violence_risk: boolean;
  closed_day: string | null;
  mediator_name: string | null;
  session_count: number;
  session_days: string | null;
  session_mediators: string | null;
  session_parties: string | null;
  agreement_number: string | null;
  agreement_status: AgreementStatus | null;
  agreement_parties: string | null;
  terms: number | null;
  performed: number | null;
  started: boolean | null;
  defaulted: boolean | null;
  overdue: boolean | null;
  follow_up_status: FollowUpStatus | null;
  follow_up_method: FollowUpMethod | null;
  follow_up_day: string | null;
  follow_up_planned_day: string | null;
  satisfaction: SatisfactionLevel | null;
  rebound: boolean | null;
}

export interface SessionRow {
  case_number: string;
  sequence: number;
  held: string;
  place: string;
  mediator_names: string | null;
  participant_names: string | null;
  summary: string;
  result: SessionResult;
  next_session: string | null;
  recorded_by_name: string;
}

/**
 * The two queries the ledger streams through server-side cursors, both over the same referrals
 * (the agency's, in the period, oldest first) so the sheets list cases in the same order.
 * Everything a row shows is gathered in the one query: no query per row.
 */
export function ledgerQueries(ds: DataSource, basis: LedgerBasis, area: string | null = null) {
  const t = {
    referrals: tableOf(ds, InboxReferral),
    mediators: tableOf(ds, Mediator),
    sessions: tableOf(ds, MediationSession),
    agreements: tableOf(ds, Agreement),
    parties: tableOf(ds, AgreementParty),
    terms: tableOf(ds, AgreementTerm),
    followUps: tableOf(ds, FollowUp),
  };
  const at = `r.${BASIS_COLUMN[basis]}`;
  // A coordinator's export holds their own 辖区's cases only ($4, see coordinatorArea).
  const inPeriod = `r.agency_id = $1 AND ${at} >= $2 AND ${at} < $3${area ? ' AND r.jurisdiction_code LIKE $4' : ''}`;
  const order = `${at}, r.id`;
  const referrals = `
    SELECT r.case_number, ${day('r.accepted_at')} AS accepted_day, r.dispute_type, r.case_title,
           r.status, r.outcome, r.closing_note, r.return_note, r.transfer_reason, r.violence_risk,
           ${day('r.closed_at')} AS closed_day,
           m.name AS mediator_name,
           s.session_count, s.session_days, s.session_mediators, s.session_parties,
           a.number AS agreement_number, a.status AS agreement_status,
           (SELECT string_agg(p.name, '、' ORDER BY p.position) FROM ${t.parties} p
             WHERE p.agreement_id = a.id) AS agreement_parties,
           perf.terms, perf.performed, perf.started, perf.defaulted, perf.overdue,
           f.status AS follow_up_status, f.method AS follow_up_method,
           ${day('f.recorded_at')} AS follow_up_day, ${day('f.scheduled_for')} AS follow_up_planned_day,
           f.satisfaction, f.rebound
      FROM ${t.referrals} r
      LEFT JOIN ${t.mediators} m ON m.id = r.mediator_id
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS session_count,
               string_agg(${day('ms.held_at')}, '、' ORDER BY ms.sequence) AS session_days,
               ${namesInSessions(t.sessions, 'mediators', 'true')} AS session_mediators,
               ${namesInSessions(t.sessions, 'participants', `e.v->>'role' = 'party'`)} AS session_parties
          FROM ${t.sessions} ms WHERE ms.referral_id = r.id
      ) s ON true
      LEFT JOIN ${t.agreements} a ON a.referral_id = r.id
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS terms,
               count(*) FILTER (WHERE tt.performance_status = 'performed')::int AS performed,
               bool_or(tt.performance_status IN ('performed', 'partly_performed')) AS started,
               bool_or(tt.performance_status = 'defaulted') AS defaulted,
               bool_or(tt.perform_by < (now() AT TIME ZONE 'Asia/Shanghai')::date
                       AND tt.performance_status <> 'performed') AS overdue
          FROM ${t.terms} tt WHERE tt.agreement_id = a.id
      ) perf ON a.id IS NOT NULL
      LEFT JOIN ${t.followUps} f ON f.referral_id = r.id
     WHERE ${inPeriod}
     ORDER BY ${order}`;
  const sessions = `
    SELECT r.case_number, ms.sequence, ${minute('ms.held_at')} AS held, ms.place,
           (SELECT string_agg(e->>'name', '、') FROM jsonb_array_elements(ms.mediators) e) AS mediator_names,
           (SELECT string_agg(e->>'name', '、') FROM jsonb_array_elements(ms.participants) e) AS participant_names,
           ms.summary, ms.result, ${minute('ms.next_session_at')} AS next_session, ms.recorded_by_name
      FROM ${t.referrals} r
      JOIN ${t.sessions} ms ON ms.referral_id = r.id
     WHERE ${inPeriod}
     ORDER BY ${order}, ms.sequence`;
  return { referrals, sessions };
}

/** 履行情况 of the referral's agreement, in a word (and whether a term is overdue). */
function performance(r: LedgerRow): string {
  if (!r.agreement_number) return '';
  if (r.agreement_status !== 'signed') return '协议未签署';
  const word = r.defaulted
    ? '未履行'
    : r.terms && r.performed === r.terms
      ? '已履行'
      : r.started
        ? '部分履行'
        : '待履行';
  return r.overdue ? `${word}（逾期）` : word;
}

/** 调解结果: the outcome once closed, else where the referral stands. */
const result = (r: LedgerRow) => (r.outcome ? OUTCOME_ZH[r.outcome] : (STATUS_ZH[r.status] ?? r.status));

function remarks(r: LedgerRow): string {
  return [
    r.violence_risk ? '民转刑风险' : '',
    r.closing_note ?? '',
    r.status === 'transferred' && r.transfer_reason ? `已转办：${r.transfer_reason}` : '',
    r.status === 'returned' && r.return_note ? `已退单：${r.return_note}` : '',
  ]
    .filter(Boolean)
    .join('；');
}

function followUpDay(r: LedgerRow): string {
  if (r.follow_up_status === 'done') return r.follow_up_day ?? '';
  return r.follow_up_planned_day ? `待回访（计划${r.follow_up_planned_day}）` : '';
}

type Cell = string | number | null;
/** Nothing is written for an empty value: the cell stays blank. */
const blanks = (cells: Cell[]) => cells.map((c) => (c === '' ? null : c));

/** One referral as a row of 工作台账. Party names only (from the agreement, else the sessions). */
export const ledgerCells = (n: number, r: LedgerRow): Cell[] =>
  blanks([
    n,
    r.case_number,
    r.accepted_day ?? '',
    r.dispute_type,
    r.case_title,
    r.agreement_parties ?? r.session_parties ?? '',
    r.mediator_name ?? r.session_mediators ?? '',
    r.session_count,
    r.session_days ?? '',
    result(r),
    r.agreement_number ?? '',
    performance(r),
    r.closed_day ?? '',
    followUpDay(r),
    r.follow_up_status === 'done' ? zh(FOLLOW_UP_METHOD_ZH, r.follow_up_method) : '',
    zh(SATISFACTION_ZH, r.satisfaction),
    r.rebound === null ? '' : r.rebound ? '是' : '否',
    remarks(r),
  ]);

/** One session as a row of 调解记录. */
export const sessionCells = (n: number, s: SessionRow): Cell[] =>
  blanks([
    n,
    s.case_number,
    s.sequence,
    s.held,
    s.place,
    s.mediator_names ?? '',
    s.participant_names ?? '',
    s.summary,
    zh(SESSION_RESULT_ZH, s.result),
    s.next_session ?? '',
    s.recorded_by_name,
  ]);
