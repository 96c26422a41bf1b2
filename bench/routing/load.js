'use strict';
// The measured requests to the dispatch service (signed NATS request-reply, bench/lib/rpc.js) and
// what each needs.
const { randomInt } = require('node:crypto');
const { runPool } = require('../lib/http');
const { TYPE_WEIGHTS } = require('./city');

/** The 综治中心 coordinator of the whole generated city: sees and registers every case in it. */
const ACTOR = {
  id: 'bench-coordinator',
  name: '基准协调员',
  role: 'coordinator',
  jurisdictionCode: '379900000000',
};

/**
 * Runs `n` requests, `concurrency` in flight, timing each on the client (performance.now() before
 * the request and after its reply is decoded). Failures are counted by message, not retried.
 */
async function timed(n, concurrency, send, { shouldStop, onProgress } = {}) {
  const ms = [];
  const results = new Array(n);
  const errors = new Map();
  let done = 0;
  const t0 = performance.now();
  await runPool(
    n,
    concurrency,
    async (i) => {
      const start = performance.now();
      try {
        const reply = await send(i);
        const took = performance.now() - start;
        ms.push(took);
        results[i] = { ms: took, reply };
      } catch (e) {
        const key = String(e?.message ?? e).slice(0, 200);
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
      done += 1;
      if (onProgress && done % 500 === 0) onProgress(done);
    },
    shouldStop,
  );
  const seconds = (performance.now() - t0) / 1000;
  return {
    ms,
    results,
    seconds,
    perSecond: ms.length / seconds,
    errors: [...errors].map(([message, count]) => ({ count, message })),
  };
}

// ——— registration bodies ———

const pick = (xs) => xs[randomInt(xs.length)];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const STORIES = [
  '双方因琐事发生争执，多次协商未果，申请调解。',
  '一方认为对方未按约定履行，要求赔偿损失。',
  '纠纷已持续两个月，村（居）委会调处未果，当事人情绪激动。',
  '当事人到综治中心来访，请求依法协调处理。',
  '网格员巡查发现，双方在现场发生口角，需尽快介入。',
];
const TITLES = {
  neighbour: '邻里漏水纠纷',
  marriage_family: '婚姻家庭矛盾',
  property_management: '物业费争议',
  labour: '拖欠工资纠纷',
  private_lending: '民间借款未还',
  land: '宅基地边界争议',
  traffic_accident: '交通事故赔偿纠纷',
  tenancy: '房屋租赁押金纠纷',
  consumer: '消费退款纠纷',
  inheritance: '遗产分割纠纷',
  work_injury: '工伤赔偿纠纷',
  medical: '医疗费用纠纷',
  environment: '噪声扰民纠纷',
  expropriation: '拆迁补偿纠纷',
  campus: '校园伤害纠纷',
  enterprise: '企业合同纠纷',
  other: '其他矛盾纠纷',
};
const CHANNELS = [
  'walk_in',
  'walk_in',
  'walk_in',
  'hotline_12345',
  'hotline_12345',
  'call_110',
  'grid_report',
  'online',
];
const TYPE_DRAW = Object.entries(TYPE_WEIGHTS).flatMap(([code, w]) => Array(w).fill(code));

/** A 居民身份证号 with a valid GB 11643 checksum (area 370781, a birth date 1950–1999). */
function idNumber() {
  const birth = new Date(Date.UTC(1950 + randomInt(50), randomInt(12), 1 + randomInt(28)));
  const body = `370781${birth.toISOString().slice(0, 10).replace(/-/g, '')}${String(randomInt(1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, d, i) => a + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

const phone = () => `13${String(randomInt(1e9)).padStart(9, '0')}`;

/** A registration as a coordinator types it: a random generated village, a type from the city's mix. */
function registrationBody(i, runId, villages) {
  const village = pick(villages);
  const disputeType = pick(TYPE_DRAW);
  const channel = pick(CHANNELS);
  return {
    title: `${TITLES[disputeType] ?? '矛盾纠纷'}（bench ${runId} #${i}）`,
    description: `${pick(STORIES)}涉及${village.addressStem}${1 + randomInt(1000)}号住户。`,
    disputeType,
    jurisdictionCode: village.code,
    channel,
    ...(channel === 'call_110' ? { incidentNumber: `J${village.code.slice(0, 6)}${Date.now()}${i}` } : {}),
    address: `${village.addressStem}${1 + randomInt(1000)}号`,
    parties: [
      {
        kind: 'person',
        role: 'applicant',
        name: `${pick(SURNAMES)}某`,
        idNumber: idNumber(),
        phone: phone(),
      },
      { kind: 'person', role: 'respondent', name: `${pick(SURNAMES)}某` },
    ],
  };
}

module.exports = { ACTOR, timed, registrationBody, idNumber };
