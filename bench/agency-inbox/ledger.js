'use strict';
// The work behind the ledger's rows, in SQL: for every referral of the committee closed in the
// period, one to three mediation sessions, a signed agreement with two parties and two terms for
// the resolved ones, and a follow-up (done for most). Names only; no personal numbers are needed.

const S = 'people_mediation';

async function generateLedgerWork(client, { agencyId, period }) {
  const t0 = Date.now();
  const inPeriod = `agency_id = $1 AND status = 'closed' AND closed_at >= $2::date AND closed_at < ($3::date + 1)`;
  const args = [agencyId, period.from, period.to];
  await client.query('BEGIN');
  const sessions = await client.query(
    `INSERT INTO ${S}.mediation_sessions
       (id, referral_id, agency_id, sequence, held_at, place, mediators, participants, summary, result,
        next_session_at, recorded_by_id, recorded_by_name)
     SELECT gen_random_uuid(), r.id, r.agency_id, n, r.started_at + make_interval(days => n - 1),
            '黄楼街道人民调解室', '[{"id":"00000000-0000-4000-8000-0000000000b1","name":"李明"}]'::jsonb,
            '[{"name":"王某","role":"party","partyPosition":0},{"name":"李某","role":"party","partyPosition":1}]'::jsonb,
            '双方陈述纠纷经过，调解员释法说理。', CASE WHEN n = k THEN 'agreed' ELSE 'adjourned' END,
            CASE WHEN n < k THEN r.started_at + make_interval(days => n) END, 'bench-mediator', '李明'
       FROM (SELECT r.*, 1 + (abs(hashtext(r.id::text)) % 3) AS k FROM ${S}.referrals r WHERE ${inPeriod}) r,
            generate_series(1, r.k) AS n`,
    args,
  );
  const agreements = await client.query(
    `INSERT INTO ${S}.agreements
       (id, referral_id, agency_id, case_id, number, year, sequence, status, issuer_name, facts,
        performance_time, performance_method, mediator_names, drafted_by_id, drafted_by_name,
        signed_at, signed_by_id, signed_by_name, version)
     SELECT gen_random_uuid(), r.id, r.agency_id, r.case_id,
            '（2025）黄楼人调字第' || lpad(row_number() OVER (ORDER BY r.closed_at, r.id)::text, 5, '0') || '号',
            2025, row_number() OVER (ORDER BY r.closed_at, r.id), 'signed', '黄楼街道人民调解委员会',
            '双方因漏水发生纠纷。', '三十日内', '分项履行', ARRAY['李明'], 'bench-mediator', '李明',
            r.closed_at - interval '1 hour', 'bench-mediator', '李明', 1
       FROM ${S}.referrals r WHERE ${inPeriod} AND r.outcome = 'resolved'`,
    args,
  );
  await client.query(
    `INSERT INTO ${S}.agreement_parties (agreement_id, position, name, role, kind, signed_at)
     SELECT a.id, p.position, p.name, p.role, 'person', a.signed_at
       FROM ${S}.agreements a
      CROSS JOIN (VALUES (0, '王某', 'applicant'), (1, '李某', 'respondent')) AS p(position, name, role)
      WHERE a.agency_id = $1`,
    [agencyId],
  );
  await client.query(
    `INSERT INTO ${S}.agreement_terms (agreement_id, term_no, content, perform_by, method, performance_status)
     SELECT a.id, t.no, t.content, (a.signed_at + interval '30 days')::date, '当面交付',
            CASE WHEN abs(hashtext(a.id::text)) % 5 = 0 THEN 'defaulted' ELSE 'performed' END
       FROM ${S}.agreements a
      CROSS JOIN (VALUES (1, '李某修复防水层。'), (2, '李某赔偿王某维修费一千二百元。')) AS t(no, content)
      WHERE a.agency_id = $1`,
    [agencyId],
  );
  const followUps = await client.query(
    `INSERT INTO ${S}.follow_ups
       (id, referral_id, agency_id, status, method, scheduled_for, scheduled_at, scheduled_by_id,
        satisfaction, rebound, note, recorded_at, recorded_by_id, recorded_by_name, version)
     SELECT gen_random_uuid(), r.id, r.agency_id, CASE WHEN d THEN 'done' ELSE 'scheduled' END,
            CASE WHEN abs(hashtext(r.id::text)) % 4 = 0 THEN 'visit' ELSE 'phone' END,
            r.closed_at + interval '7 days', r.closed_at, 'bench-clerk',
            CASE WHEN d THEN (ARRAY['satisfied','satisfied','basically_satisfied','dissatisfied'])[1 + abs(hashtext(r.case_id::text)) % 4] END,
            CASE WHEN d THEN abs(hashtext(r.case_id::text)) % 50 = 0 END,
            CASE WHEN d THEN '电话回访，当事人表示协议已履行。' END,
            CASE WHEN d THEN r.closed_at + interval '7 days' END,
            CASE WHEN d THEN 'bench-clerk' END, CASE WHEN d THEN '刘文书' END, 1
       FROM (SELECT r.*, abs(hashtext(r.id::text)) % 10 < 8 AS d FROM ${S}.referrals r
              WHERE ${inPeriod} AND r.outcome = 'resolved') r`,
    args,
  );
  await client.query('COMMIT');
  for (const t of ['mediation_sessions', 'agreements', 'agreement_parties', 'agreement_terms', 'follow_ups'])
    await client.query(`VACUUM ANALYZE ${S}.${t}`);
  return {
    seconds: (Date.now() - t0) / 1000,
    sessions: sessions.rowCount,
    agreements: agreements.rowCount,
    followUps: followUps.rowCount,
  };
}

/** The ledger's row count for the period by closing date, as the export must find it. */
async function countLedgerRows(client, { agencyId, period }) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS n FROM ${S}.referrals
      WHERE agency_id = $1 AND closed_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai')
        AND closed_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`,
    [agencyId, period.from, period.to],
  );
  return rows[0].n;
}

module.exports = { generateLedgerWork, countLedgerRows };
