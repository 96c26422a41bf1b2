import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The three ladders of the seeds and the first responsibility matrix, as data. Later changes to
 * the matrix are new versions published by admins (PUT /routing-matrix), not migrations.
 */
const LADDERS: [string, string, string][] = [
  ['five_level', '五级联动', '黄楼派出所（seed 003）：拉呱调 → 跟上调 → 介入调 → 听证调 → 联席调'],
  [
    'tianzhu_three_tier',
    '天祝三级',
    '天祝（seed 002）：就地调处 → 警务室多方联调 → 乡镇综治中心吹哨召集部门',
  ],
  ['one_three_n', '1+3+N', '丁卯（seed 001）：民警现场调处 → 调解中心金牌调解员 → 涉及部门的联合调解'],
];

const LEVELS: [string, number, string, string, string[]][] = [
  ['five_level', 1, '拉呱调（五老乡贤）', 'mediation', ['people']],
  ['five_level', 2, '跟上调（警务助理）', 'mediation', ['police', 'people']],
  ['five_level', 3, '介入调（专业律师，当事人自主选择）', 'parties_choose_lawyer', ['lawyer']],
  ['five_level', 4, '听证调（社区民警主持）', 'hearing', ['police', 'people', 'judicial']],
  [
    'five_level',
    5,
    '联席调（部门联席会议）',
    'joint_conference',
    ['department', 'judicial', 'police', 'people', 'lawyer'],
  ],
  ['tianzhu_three_tier', 1, '就地调处（村委会警务助理）', 'mediation', ['police', 'people']],
  [
    'tianzhu_three_tier',
    2,
    '多方联调（警务室、村委会、司法所）',
    'mediation',
    ['police', 'people', 'judicial'],
  ],
  [
    'tianzhu_three_tier',
    3,
    '吹哨联动（乡镇综治中心召集部门）',
    'joint_conference',
    ['department', 'judicial', 'police', 'people'],
  ],
  ['one_three_n', 1, '现场调处（民警）', 'mediation', ['police']],
  ['one_three_n', 2, '中心调解（金牌调解员、工作站）', 'mediation', ['people', 'judicial', 'lawyer']],
  [
    'one_three_n',
    3,
    '联合调解（涉及部门）',
    'joint_conference',
    ['department', 'judicial', 'police', 'people', 'lawyer'],
  ],
];

/** dispute type → lead kinds, co-handler kinds; the same at every level in this first version. */
const MATRIX: Record<string, [string[], string[]]> = {
  neighbour: [['people', 'police'], ['judicial']],
  marriage_family: [['people'], ['judicial', 'police']],
  inheritance: [['people'], ['judicial', 'lawyer']],
  labour: [['judicial'], ['lawyer', 'people']],
  work_injury: [['judicial'], ['lawyer', 'people']],
  medical: [['people'], ['judicial', 'lawyer']],
  property_management: [['people'], ['judicial', 'lawyer']],
  tenancy: [['people'], ['lawyer', 'police']],
  land: [
    ['people', 'judicial'],
    ['police', 'lawyer'],
  ],
  expropriation: [['judicial'], ['people', 'lawyer']],
  traffic_accident: [['police', 'people'], ['lawyer']],
  consumer: [['people'], ['lawyer']],
  private_lending: [['people', 'lawyer'], ['judicial']],
  environment: [['judicial'], ['people', 'lawyer']],
  campus: [['police', 'people'], ['judicial']],
  enterprise: [['lawyer', 'judicial'], ['people']],
  other: [['people'], ['judicial', 'police', 'lawyer']],
};
const LEVEL_NAMES = ['city', 'district', 'street', 'community'];

export class LaddersAndMatrix1795470000001 implements MigrationInterface {
  name = 'LaddersAndMatrix1795470000001';

  async up(q: QueryRunner): Promise<void> {
    for (const [code, name, description] of LADDERS) {
      await q.query('INSERT INTO "dispatch"."ladders" (code, name_zh, description) VALUES ($1, $2, $3)', [
        code,
        name,
        description,
      ]);
    }
    for (const [ladder, level, name, mode, kinds] of LEVELS) {
      await q.query(
        'INSERT INTO "dispatch"."ladder_levels" (ladder_code, level, name_zh, mode, unit_kinds) VALUES ($1, $2, $3, $4, $5)',
        [ladder, level, name, mode, kinds],
      );
    }
    await q.query(
      `INSERT INTO "dispatch"."routing_matrix_versions" (version, note, published_at, published_by_id, published_by_name)
       VALUES (1, '初始派单责任矩阵', now(), 'system', '系统')`,
    );
    for (const [type, [leads, cos]] of Object.entries(MATRIX)) {
      for (const level of LEVEL_NAMES) {
        for (const [kinds, role] of [
          [leads, 'lead'],
          [cos, 'co'],
        ] as const) {
          for (const kind of kinds) {
            await q.query(
              `INSERT INTO "dispatch"."routing_matrix_entries" (version, dispute_type, jurisdiction_level, agency_kind, role)
               VALUES (1, $1, $2, $3, $4)`,
              [type, level, kind, role],
            );
          }
        }
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM "dispatch"."routing_matrix_entries" WHERE version = 1');
    await q.query('DELETE FROM "dispatch"."routing_matrix_versions" WHERE version = 1');
    await q.query('DELETE FROM "dispatch"."ladder_levels"');
    await q.query('DELETE FROM "dispatch"."ladders"');
  }
}
