'use strict';
// The generated city, in SQL: jurisdictions, agencies, a million open cases with their open
// referrals and some closed ones, written straight into dispatch's tables (INSERT … SELECT over
// generate_series, one statement per table) after dispatch's own migrations have run.
const { bulkSession, stepper } = require('../lib/sql');

/** City code (4 significant digits): 3799 is no real prefecture, so nothing here is mistaken for data. */
const CITY = '3799';
const CITY_CODE = `${CITY}00000000`;

const DISTRICT_NAMES =
  '城关区 东城区 西城区 南湖区 北山区 河东区 河西区 新华区 清河区 桥东区 桥西区 开元区 长安区 龙泉区 凤山区 白云区 青山区 临江区 高新区 经开区'.split(
    ' ',
  );
const STREET_WORDS =
  '解放 人民 建设 和平 胜利 文化 新华 中山 友谊 团结 光明 幸福 东风 红旗 前进 朝阳 育才 安定 永安 兴隆'.split(
    ' ',
  );
const SURNAMES = '李 王 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗'.split(' ');
const VILLAGE_SUFFIXES = ['家庄', '家村', '庄', '屯', '营'];

/**
 * How often each dispute type comes in (per cent; sums to 100). Registrations in the benchmark
 * draw from the same mix.
 */
const TYPE_WEIGHTS = {
  neighbour: 22,
  marriage_family: 12,
  property_management: 8,
  labour: 8,
  private_lending: 7,
  land: 7,
  traffic_accident: 6,
  tenancy: 5,
  consumer: 5,
  inheritance: 4,
  work_injury: 3,
  medical: 3,
  environment: 2,
  expropriation: 2,
  campus: 2,
  enterprise: 2,
  other: 2,
};

/** Agencies at every district: [kind, name suffix, capacity, published, specialties]. */
const PER_DISTRICT = [
  ['police', '公安分局交警大队', 100, false, ['traffic_accident']],
  ['people', '道路交通事故人民调解委员会', 100, false, ['traffic_accident']],
  ['people', '医疗纠纷人民调解委员会', 80, false, ['medical']],
  ['people', '物业纠纷人民调解委员会', 80, false, ['property_management']],
  ['judicial', '劳动人事争议调解中心', 80, false, ['labour', 'work_injury']],
  ['people', '矛盾纠纷多元化解中心', 100, false, []],
  ['judicial', '公共法律服务中心', 60, false, []],
  ['lawyer', '明理律师调解工作室', 20, true, []],
  ['lawyer', '正言律师调解工作室', 20, true, []],
  ['lawyer', '和衡律师调解工作室', 20, true, []],
  ['lawyer', '安和律师调解工作室', 20, true, []],
  ['department', '人力资源和社会保障局', 20, false, []],
  ['department', '自然资源局', 20, false, []],
  ['department', '住房和城乡建设局', 20, false, []],
  ['department', '人民法院', 20, false, []],
];
/** Agencies at every street (街道/镇). */
const PER_STREET = [
  ['police', '派出所', 40, false, []],
  ['judicial', '司法所', 30, false, []],
  ['people', '人民调解委员会', 50, false, []],
  ['lawyer', '律师调解工作室', 20, true, []],
  ['department', '自然资源所', 20, false, []],
  ['department', '民政办', 20, false, []],
  ['department', '市场监管所', 20, false, []],
];
/** Agencies of the city itself. */
const AT_CITY = [
  ['people', '枫桥市医疗纠纷人民调解委员会', 200, false, ['medical']],
  ['lawyer', '枫桥市公共法律服务中心律师调解工作室', 100, true, []],
  ['department', '枫桥市中级人民法院诉调对接中心', 50, false, []],
  ['department', '枫桥市信访局', 50, false, []],
];
/** What the rest of the agencies are: village committees and police posts, in pairs. */
const PER_VILLAGE = [
  ['people', '人民调解委员会', 10, false, []],
  ['police', '警务室', 15, false, []],
];

/** The tree's shape and how many agencies sit at each level; throws when the numbers cannot work. */
function plan(o) {
  if (o.districts < 1 || o.districts > 99) throw new Error('--districts must be 1..99');
  if (o.streets < 1 || o.streets > 99) throw new Error('--streets must be 1..99 (per district)');
  if (o.villages < 1 || o.villages > 99) throw new Error('--villages must be 1..99 (per street)');
  const streets = o.districts * o.streets;
  const villages = streets * o.villages;
  const fixed = AT_CITY.length + o.districts * PER_DISTRICT.length + streets * PER_STREET.length;
  const atVillages = o.agencies - fixed;
  if (atVillages < 0) {
    throw new Error(
      `--agencies ${o.agencies} is too few for ${o.districts} districts × ${o.streets} streets: the city, its districts and streets alone have ${fixed}`,
    );
  }
  if (o.closedReferrals > o.cases) throw new Error('--closed-referrals cannot exceed --cases');
  return {
    jurisdictions: 1 + o.districts + streets + villages,
    districts: o.districts,
    streets,
    villages,
    agencies: {
      city: AT_CITY.length,
      district: o.districts * PER_DISTRICT.length,
      street: streets * PER_STREET.length,
      village: atVillages,
    },
  };
}

/** A VALUES list of agency templates as SQL literals (no user input: constants above). */
function templates(rows) {
  const lit = (s) => `'${String(s).replace(/'/g, "''")}'`;
  return rows
    .map(
      ([kind, name, capacity, published, specs], i) =>
        `(${i}, ${lit(kind)}, ${lit(name)}, ${capacity}, ${published}, ARRAY[${specs.map(lit).join(',')}]::varchar[])`,
    )
    .join(',\n          ');
}

/**
 * Writes the city into the migrated scratch database. `client` is one pg Client (the temporary
 * tables live in its session). Returns the sizes and the time of each step.
 */
async function generateCity(client, o, log = () => undefined) {
  const shape = plan(o);
  const { step, steps } = stepper(client, log);
  const t0 = performance.now();

  // Fast, not durable: a crash mid-generation loses a scratch database nobody needs.
  await bulkSession(client);

  // 1. The 辖区 tree: city → districts → streets → villages (level 'community').
  await step(
    'jurisdictions',
    `INSERT INTO dispatch.jurisdictions (code, name, level, prefix, parent_code)
     SELECT $1::varchar, '枫桥市', 'city', $2::varchar, NULL
     UNION ALL
     SELECT $2 || lpad(d::text, 2, '0') || '000000',
            coalesce(($5::text[])[d], '第' || d || '区'), 'district',
            $2 || lpad(d::text, 2, '0'), $1
       FROM generate_series(1, $3::int) d
     UNION ALL
     SELECT $2 || lpad(d::text, 2, '0') || lpad(s::text, 3, '0') || '000',
            coalesce(($6::text[])[s], '第' || s) || '街道', 'street',
            $2 || lpad(d::text, 2, '0') || lpad(s::text, 3, '0'),
            $2 || lpad(d::text, 2, '0') || '000000'
       FROM generate_series(1, $3::int) d, generate_series(1, $4::int) s
     UNION ALL
     SELECT code, name, 'community', code, parent
       FROM (SELECT $2 || lpad(d::text, 2, '0') || lpad(s::text, 3, '0') || (200 + v)::text AS code,
                    coalesce(($8::text[])[1 + (v - 1) % 20], '') || ($9::text[])[1 + (d + s + (v - 1) / 20) % 5]
                      || CASE WHEN v > 20 THEN ((v - 1) / 20 + 1)::text ELSE '' END || '村委会' AS name,
                    $2 || lpad(d::text, 2, '0') || lpad(s::text, 3, '0') || '000' AS parent
               FROM generate_series(1, $3::int) d, generate_series(1, $4::int) s,
                    generate_series(1, $7::int) v) x`,
    [
      CITY_CODE,
      CITY,
      o.districts,
      o.streets,
      DISTRICT_NAMES,
      STREET_WORDS,
      o.villages,
      SURNAMES,
      VILLAGE_SUFFIXES,
    ],
  );
  // The city chooses 五级联动 for all of it (registration refuses a jurisdiction without a ladder).
  await step(
    'ladder policy',
    `INSERT INTO dispatch.ladder_policies (jurisdiction_code, ladder_code, chosen_at, chosen_by_id)
     VALUES ($1, 'five_level', now(), 'bench')`,
    [CITY_CODE],
  );

  // Nodes by index, for drawing a random village or street per case.
  await client.query(`CREATE TEMP TABLE bench_village AS
    SELECT (row_number() OVER (ORDER BY v.code) - 1)::int AS idx, v.code, v.name, v.parent_code AS street_code,
           s.name || replace(v.name, '委会', '') AS address_stem
      FROM dispatch.jurisdictions v JOIN dispatch.jurisdictions s ON s.code = v.parent_code
     WHERE v.level = 'community'`);
  await client.query(`CREATE TEMP TABLE bench_street AS
    SELECT (row_number() OVER (ORDER BY s.code) - 1)::int AS idx, s.code, s.name, d.name || s.name AS address_stem
      FROM dispatch.jurisdictions s JOIN dispatch.jurisdictions d ON d.code = s.parent_code
     WHERE s.level = 'street'`);
  await client.query('CREATE UNIQUE INDEX ON bench_village (idx)');
  await client.query('CREATE UNIQUE INDEX ON bench_street (idx)');

  // 2. Agencies: the city's, each district's, each street's, and the rest at villages (a people's
  //    mediation committee and a police post per village that has any, spread evenly).
  const villagePairs = Math.ceil(shape.agencies.village / PER_VILLAGE.length);
  await step(
    'agencies',
    `INSERT INTO dispatch.agencies (id, name, kind, jurisdiction_code, capacity, published, specialties, created_at)
     SELECT gen_random_uuid(), t.name, t.kind, $1, t.capacity, t.published, t.specs, now() - interval '2 years'
       FROM (VALUES ${templates(AT_CITY)}) AS t(n, kind, name, capacity, published, specs)
     UNION ALL
     SELECT gen_random_uuid(), j.name || t.name, t.kind, j.code, t.capacity, t.published, t.specs, now() - interval '2 years'
       FROM dispatch.jurisdictions j,
            (VALUES ${templates(PER_DISTRICT)}) AS t(n, kind, name, capacity, published, specs)
      WHERE j.level = 'district'
     UNION ALL
     SELECT gen_random_uuid(), j.name || t.name, t.kind, j.code, t.capacity, t.published, t.specs,
            now() - interval '2 years'
       FROM dispatch.jurisdictions j,
            (VALUES ${templates(PER_STREET)}) AS t(n, kind, name, capacity, published, specs)
      WHERE j.level = 'street'
     UNION ALL
     SELECT gen_random_uuid(), v.name || t.name, t.kind, v.code, t.capacity, t.published, t.specs,
            now() - interval '2 years'
       FROM generate_series(0, $2::int - 1) k
       JOIN (VALUES ${templates(PER_VILLAGE)}) AS t(n, kind, name, capacity, published, specs)
         ON t.n = k % ${PER_VILLAGE.length}
       JOIN bench_village v ON v.idx = ((k / ${PER_VILLAGE.length})::bigint * $3::int / $4::int)::int`,
    [CITY_CODE, shape.agencies.village, shape.villages, Math.max(1, villagePairs)],
  );

  // Where a case at a node goes for a kind: the node's own agency of that kind, else its street's.
  await client.query(`CREATE TEMP TABLE bench_pick AS
    SELECT n.code, k.kind,
           coalesce((SELECT a.id FROM dispatch.agencies a
                      WHERE a.jurisdiction_code = n.code AND a.kind = k.kind AND a.specialties = '{}'
                      ORDER BY a.id LIMIT 1),
                    (SELECT a.id FROM dispatch.agencies a
                      WHERE a.jurisdiction_code = n.street_code AND a.kind = k.kind AND a.specialties = '{}'
                      ORDER BY a.id LIMIT 1)) AS agency_id
      FROM (SELECT code, street_code FROM bench_village UNION ALL SELECT code, code FROM bench_street) n,
           (VALUES ('police'), ('judicial'), ('people'), ('lawyer')) k(kind)`);
  await client.query('CREATE UNIQUE INDEX ON bench_pick (code, kind)');
  await client.query('ANALYZE bench_pick; ANALYZE bench_village; ANALYZE bench_street');

  // Dispute types with their draw weights and the lead kinds of routing matrix v1 at community level.
  const types = Object.entries(TYPE_WEIGHTS);
  let acc = 0;
  const ranges = types.map(([code, w]) => {
    const lo = acc / 100;
    acc += w;
    return [code, lo, acc / 100];
  });
  ranges[ranges.length - 1][2] = 1.000001;
  await client.query(
    `CREATE TEMP TABLE bench_type AS
     SELECT t.code, t.name_zh, r.lo, r.hi,
            (SELECT array_agg(e.agency_kind::text ORDER BY e.agency_kind)
               FROM dispatch.routing_matrix_entries e
              WHERE e.version = 1 AND e.dispute_type = t.code AND e.jurisdiction_level = 'community'
                AND e.role = 'lead') AS leads
       FROM dispatch.dispute_types t
       JOIN unnest($1::text[], $2::float8[], $3::float8[]) AS r(code, lo, hi) ON r.code = t.code`,
    [ranges.map((r) => r[0]), ranges.map((r) => r[1]), ranges.map((r) => r[2])],
  );
  const { rows: typeCheck } = await client.query(
    'SELECT count(*)::int AS n, count(leads)::int AS with_leads FROM bench_type',
  );
  if (typeCheck[0].n !== types.length || typeCheck[0].with_leads !== types.length) {
    throw new Error(
      `dispute types or routing matrix v1 are not what this benchmark expects (${JSON.stringify(typeCheck[0])} of ${types.length})`,
    );
  }

  // 3. One row per case with everything its case row and referral rows need, drawn once.
  //    has_prior: the case had an earlier referral (returned, transferred, or closed without
  //    agreement) before its current one: those are the closed referrals.
  //    An acceptance delay (minutes): 80 % within the 2-hour target, the rest up to 48 h.
  const acceptDelay = (r) => `(CASE WHEN ${r} < 0.8 THEN ${r} * 137.5 ELSE 120 + (${r} - 0.8) * 13800 END)`;
  await step(
    'draw the cases (temp table)',
    `CREATE TEMP TABLE bench_gen AS
     WITH draw AS (
       SELECT i, i <= $2::int AS has_prior,
              random() AS r_node, random() AS r_pick, random() AS r_type, random() AS r_kind,
              random() AS r_reg, random() AS r_status, random() AS r_acc, random() AS r_issue,
              random() AS r_pkind, random() AS r_pstatus, random() AS r_pacc, random() AS r_pend,
              random() AS r_chan, random() AS r_risk, random() AS r_house, random() AS r_text
         FROM generate_series(1, $1::int) i
     ), placed AS (
       SELECT d.*, coalesce(v.code, s.code) AS code, coalesce(v.address_stem, s.address_stem) AS address_stem,
              t.code AS dispute_type, t.name_zh,
              t.leads[1 + floor(d.r_kind * cardinality(t.leads))::int] AS kind,
              (ARRAY['police','judicial','people','lawyer'])[1 + floor(d.r_pkind * 4)::int] AS prior_kind,
              now() - CASE WHEN d.has_prior THEN interval '7 days' + d.r_reg * interval '83 days'
                           ELSE d.r_reg * interval '90 days' END AS registered_at
         FROM draw d
         LEFT JOIN bench_village v ON d.r_node < 0.95 AND v.idx = floor(d.r_pick * $3::int)::int
         LEFT JOIN bench_street s ON d.r_node >= 0.95 AND s.idx = floor(d.r_pick * $4::int)::int
         JOIN bench_type t ON d.r_type >= t.lo AND d.r_type < t.hi
     ), prior AS (
       SELECT p.*,
              CASE WHEN NOT p.has_prior THEN NULL
                   WHEN p.r_pstatus < 0.5 THEN 'returned' WHEN p.r_pstatus < 0.7 THEN 'transferred'
                   ELSE 'closed' END AS prior_status,
              p.registered_at + (5 + p.r_issue * 115) * interval '1 minute' AS prior_issued_at
         FROM placed p
     ), prior2 AS (
       SELECT p.*,
              CASE WHEN NOT p.has_prior OR (p.prior_status = 'returned' AND p.r_pacc < 0.5) THEN NULL
                   ELSE p.prior_issued_at + ${acceptDelay('p.r_pacc')} * interval '1 minute' END AS prior_accepted_at
         FROM prior p
     ), timed AS (
       SELECT p.*,
              CASE WHEN p.has_prior
                   THEN coalesce(p.prior_accepted_at, p.prior_issued_at) + (1 + p.r_pend * 71) * interval '1 hour'
              END AS prior_ended_at
         FROM prior2 p
     ), open AS (
       SELECT t.*,
              least(now(), CASE WHEN t.has_prior THEN t.prior_ended_at + (10 + t.r_issue * 110) * interval '1 minute'
                                ELSE t.registered_at + (5 + t.r_issue * 115) * interval '1 minute' END) AS issued_at,
              CASE WHEN t.r_status < 0.2 THEN 'issued' WHEN t.r_status < 0.55 THEN 'accepted'
                   ELSE 'in_progress' END AS status
         FROM timed t
     )
     SELECT o.i, gen_random_uuid() AS id, gen_random_uuid() AS referral_id, gen_random_uuid() AS prior_referral_id,
            o.code, o.address_stem, o.dispute_type, o.name_zh, o.kind, pk.agency_id,
            o.prior_kind, pp.agency_id AS prior_agency_id, o.prior_status, o.prior_issued_at,
            o.prior_accepted_at, o.prior_ended_at,
            o.registered_at, o.issued_at, o.status,
            CASE WHEN o.status = 'issued' THEN NULL
                 ELSE least(now(), o.issued_at + ${acceptDelay('o.r_acc')} * interval '1 minute') END AS accepted_at,
            o.r_chan, o.r_risk, o.r_house, o.r_text,
            row_number() OVER (PARTITION BY left(o.code, 6),
                                            extract(year FROM o.registered_at AT TIME ZONE 'Asia/Shanghai')
                                ORDER BY o.registered_at) AS seq,
            extract(year FROM o.registered_at AT TIME ZONE 'Asia/Shanghai')::int AS yr
       FROM open o
       JOIN bench_pick pk ON pk.code = o.code AND pk.kind = o.kind
       LEFT JOIN bench_pick pp ON o.has_prior AND pp.code = o.code AND pp.kind = o.prior_kind`,
    [o.cases, o.closedReferrals, shape.villages, shape.streets],
  );

  // 4. The cases: 'referred' while the lead referral waits for 签收, 'in_mediation' once accepted
  //    (the accepting agency then owns the case). No parties, timeline or type suggestions: the
  //    routing proposal does not read them, and registration makes its own.
  await step(
    'cases',
    `INSERT INTO dispatch.cases (
        id, case_number, title, description, dispute_type, jurisdiction_code, channel, incident_number,
        risk_level, violence_risk, address, address_key, first_owner_id, first_owner_name,
        first_owner_agency_id, owner_agency_id, ladder_code, start_level, ladder_level, status,
        registered_at, registered_by_id, registered_by_name, return_count, version)
     SELECT g.id,
            left(g.code, 6) || '-' || g.yr || '-' || lpad(g.seq::text, greatest(6, length(g.seq::text)), '0'),
            g.name_zh || '（' || g.address_stem || '）',
            (ARRAY['当事人双方多次协商未果，申请调解。', '一方情绪激动，网格员上报，需尽快介入。',
                   '双方对赔偿金额分歧较大，请求组织调解。', '纠纷持续数月，村（居）委会调处未果。',
                   '当事人来访反映，要求依法处理。'])[1 + floor(g.r_text * 5)::int]
              || '（生成数据 #' || g.i || '）',
            g.dispute_type, g.code, ch.channel,
            CASE WHEN ch.channel = 'call_110' THEN 'J' || left(g.code, 6) || lpad(g.i::text, 10, '0') END,
            CASE WHEN g.r_risk < 0.90 THEN 'general' WHEN g.r_risk < 0.98 THEN 'serious' ELSE 'major' END,
            g.r_risk > 0.97,
            g.address_stem || (1 + floor(g.r_house * 1000))::int || '号',
            g.address_stem || (1 + floor(g.r_house * 1000))::int || '号',
            'bench-coordinator', '基准协调员', NULL,
            CASE WHEN g.status <> 'issued' THEN g.agency_id END,
            'five_level', 1, 1,
            CASE WHEN g.status = 'issued' THEN 'referred' ELSE 'in_mediation' END,
            g.registered_at, 'bench-coordinator', '基准协调员',
            CASE WHEN g.prior_status = 'returned' THEN 1 ELSE 0 END, 1
       FROM bench_gen g
       CROSS JOIN LATERAL (
         SELECT CASE WHEN g.r_chan < 0.30 THEN 'walk_in' WHEN g.r_chan < 0.50 THEN 'hotline_12345'
                     WHEN g.r_chan < 0.65 THEN 'call_110' WHEN g.r_chan < 0.80 THEN 'grid_report'
                     WHEN g.r_chan < 0.85 THEN 'patrol' WHEN g.r_chan < 0.90 THEN 'survey'
                     ELSE 'online' END AS channel) ch`,
  );

  // 5. Each case's open lead referral.
  await step(
    'open referrals',
    `INSERT INTO dispatch.referrals (
        id, case_id, agency_id, agency_kind, role, status, ladder_level, matrix_version,
        issued_at, issued_by_id, accepted_at, started_at)
     SELECT g.referral_id, g.id, g.agency_id, g.kind, 'lead', g.status, 1, 1,
            g.issued_at, 'bench-coordinator', g.accepted_at,
            CASE WHEN g.status = 'in_progress' THEN least(now(), g.accepted_at + interval '30 minutes') END
       FROM bench_gen g`,
  );

  // 6. The earlier referrals of the cases that had one: returned (half of them before 签收),
  //    transferred to the current one, or closed without agreement. All within the last 90 days,
  //    so they count in the agencies' on-time record.
  await step(
    'closed referrals',
    `INSERT INTO dispatch.referrals (
        id, case_id, agency_id, agency_kind, role, status, ladder_level, matrix_version,
        issued_at, issued_by_id, accepted_at, started_at, closed_at, outcome, next_step, closing_note,
        returned_at, return_reason, return_note, transferred_to_id)
     SELECT g.prior_referral_id, g.id, g.prior_agency_id, g.prior_kind, 'lead', g.prior_status, 1, 1,
            g.prior_issued_at, 'bench-coordinator', g.prior_accepted_at,
            CASE WHEN g.prior_status = 'closed' THEN g.prior_accepted_at + interval '30 minutes' END,
            CASE WHEN g.prior_status = 'closed' THEN g.prior_ended_at END,
            CASE WHEN g.prior_status = 'closed' THEN 'failed' END,
            CASE WHEN g.prior_status = 'closed' THEN 'other' END,
            CASE WHEN g.prior_status = 'closed' THEN '调解不成，改派其他单位。' END,
            CASE WHEN g.prior_status = 'returned' THEN g.prior_ended_at END,
            CASE WHEN g.prior_status = 'returned' THEN 'not_our_responsibility' END,
            CASE WHEN g.prior_status = 'returned' THEN '不属本单位职责。' END,
            CASE WHEN g.prior_status = 'transferred' THEN g.referral_id END
       FROM bench_gen g
      WHERE g.prior_status IS NOT NULL`,
  );

  // 7. Case numbers continue from the generated ones: registration takes the next number of its
  //    district and year from dispatch.case_number_<district>_<year>, created here past the maximum.
  const { rows: seqs } = await client.query(
    `SELECT left(code, 6) AS district, yr, max(seq)::bigint AS max FROM bench_gen GROUP BY 1, 2`,
  );
  const thisYear = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
  );
  const { rows: districts } = await client.query(
    "SELECT left(code, 6) AS district FROM dispatch.jurisdictions WHERE level = 'district'",
  );
  const start = new Map(districts.map((d) => [`${d.district}_${thisYear}`, 1]));
  for (const s of seqs) start.set(`${s.district}_${s.yr}`, Number(s.max) + 1);
  for (const [key, first] of start) {
    await client.query(`CREATE SEQUENCE IF NOT EXISTS "dispatch"."case_number_${key}" START WITH ${first}`);
  }
  steps.push({ step: `case number sequences (${start.size})`, rows: start.size, seconds: 0 });

  // 8. Statistics and the visibility map, as autovacuum would leave a database that has been
  //    running for a while (index-only scans need the visibility map).
  await step(
    'VACUUM ANALYZE',
    'VACUUM (ANALYZE) dispatch.jurisdictions, dispatch.agencies, dispatch.cases, dispatch.referrals',
  );

  await client.query('DROP TABLE bench_gen');
  return { shape, steps, seconds: +((performance.now() - t0) / 1000).toFixed(1) };
}

/**
 * What is in a generated database: row counts, table sizes, open referrals per agency kind, and
 * the villages (code, and the address stem registrations use). Works on a kept database too.
 */
async function describeCity(client) {
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM dispatch.jurisdictions)::int AS jurisdictions,
            (SELECT count(*) FROM dispatch.jurisdictions WHERE level = 'community')::int AS villages,
            (SELECT count(*) FROM dispatch.agencies)::int AS agencies,
            (SELECT count(*) FROM dispatch.cases)::int AS cases,
            (SELECT count(*) FROM dispatch.referrals WHERE status IN ('issued', 'accepted', 'in_progress'))::int AS open_referrals,
            (SELECT count(*) FROM dispatch.referrals WHERE status NOT IN ('issued', 'accepted', 'in_progress'))::int AS closed_referrals,
            pg_size_pretty(pg_total_relation_size('dispatch.cases')) AS cases_size,
            pg_size_pretty(pg_total_relation_size('dispatch.referrals')) AS referrals_size`,
  );
  const { rows: byKind } = await client.query(
    `SELECT a.kind, count(*)::int AS agencies,
            count(*) FILTER (WHERE o.n > 0)::int AS with_open,
            coalesce(round(avg(o.n) FILTER (WHERE o.n > 0)), 0)::int AS avg_open,
            coalesce(max(o.n), 0)::int AS max_open
       FROM dispatch.agencies a
       LEFT JOIN (SELECT agency_id, count(*) AS n FROM dispatch.referrals
                   WHERE status IN ('issued', 'accepted', 'in_progress') GROUP BY agency_id) o ON o.agency_id = a.id
      GROUP BY a.kind ORDER BY a.kind`,
  );
  const { rows: villages } = await client.query(
    `SELECT v.code, s.name || replace(v.name, '委会', '') AS address_stem
       FROM dispatch.jurisdictions v JOIN dispatch.jurisdictions s ON s.code = v.parent_code
      WHERE v.level = 'community' AND v.code LIKE $1 ORDER BY v.code`,
    [`${CITY}%`],
  );
  const { rows: types } = await client.query('SELECT code, name_zh FROM dispatch.dispute_types');
  return {
    sizes: rows[0],
    byKind,
    villages: villages.map((v) => ({ code: v.code, addressStem: v.address_stem })),
    typeNames: Object.fromEntries(types.map((t) => [t.code, t.name_zh])),
  };
}

module.exports = { generateCity, describeCity, plan, CITY_CODE, TYPE_WEIGHTS };
