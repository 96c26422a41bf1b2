import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first SLA policy, as data. Later policies are versions admins publish (PUT /sla/policy).
 * 一般: 签收 2 h, 首次联系 1 working day, 办结 15 working days, 回访 5 working days;
 * 紧急 (重大/特别重大 risk or 民转刑): 签收 30 min, 首次联系 2 h, 办结 5 working days, 回访 2 working days;
 * 医疗纠纷 at people's mediation: 办结 30 working days (医疗纠纷预防和处理条例 第四十一条).
 */
type Target = [number, string];
const RULES: [string, string, string, Target, Target, Target, Target, number[], string[]][] = [
  [
    '',
    'normal',
    '',
    [2, 'hours'],
    [1, 'working_days'],
    [15, 'working_days'],
    [5, 'working_days'],
    [50, 80, 100],
    ['remind', 'supervise'],
  ],
  [
    '',
    'urgent',
    '',
    [30, 'minutes'],
    [2, 'hours'],
    [5, 'working_days'],
    [2, 'working_days'],
    [50, 80, 100],
    ['remind', 'supervise', 'reassign', 'escalate'],
  ],
  [
    'medical',
    'normal',
    'people',
    [2, 'hours'],
    [1, 'working_days'],
    [30, 'working_days'],
    [5, 'working_days'],
    [50, 80, 100],
    ['remind', 'supervise'],
  ],
];

export class SlaPolicyV11795470300001 implements MigrationInterface {
  name = 'SlaPolicyV11795470300001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO "dispatch"."sla_policy_versions" (version, note, published_at, published_by_id, published_by_name)
       VALUES (1, '初始时限规则：签收 2 小时（紧急 30 分钟），办结 15 个工作日（紧急 5 个），医疗纠纷 30 个工作日', now(), 'system', '系统')`,
    );
    for (const [type, urgency, kind, accept, contact, resolve, followUp, thresholds, actions] of RULES) {
      await q.query(
        `INSERT INTO "dispatch"."sla_policy_rules"
           (version, dispute_type, urgency, agency_kind, accept_amount, accept_unit, first_contact_amount, first_contact_unit,
            resolve_amount, resolve_unit, follow_up_amount, follow_up_unit, thresholds, breach_actions)
         VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [type, urgency, kind, ...accept, ...contact, ...resolve, ...followUp, thresholds, actions],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "dispatch"."sla_policy_rules" WHERE version = 1`);
    await q.query(`DELETE FROM "dispatch"."sla_policy_versions" WHERE version = 1`);
  }
}
