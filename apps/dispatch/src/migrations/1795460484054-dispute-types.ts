import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The dispute type taxonomy every deployment starts from; admins extend it as data. */
export const DISPUTE_TYPES: [code: string, nameZh: string][] = [
  ['neighbour', '邻里纠纷'],
  ['marriage_family', '婚姻家庭纠纷'],
  ['inheritance', '继承纠纷'],
  ['labour', '劳动争议'],
  ['work_injury', '工伤纠纷'],
  ['medical', '医患纠纷'],
  ['property_management', '物业纠纷'],
  ['tenancy', '房屋租赁纠纷'],
  ['land', '土地/宅基地纠纷'],
  ['expropriation', '征地拆迁纠纷'],
  ['traffic_accident', '交通事故纠纷'],
  ['consumer', '消费纠纷'],
  ['private_lending', '民间借贷纠纷'],
  ['environment', '环境污染纠纷'],
  ['campus', '校园纠纷'],
  ['enterprise', '涉企纠纷'],
  ['other', '其他纠纷'],
];

export class DisputeTypes1795460484054 implements MigrationInterface {
  name = 'DisputeTypes1795460484054';

  async up(q: QueryRunner): Promise<void> {
    for (const [code, nameZh] of DISPUTE_TYPES) {
      await q.query(
        'INSERT INTO "dispatch"."dispute_types" (code, name_zh) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING',
        [code, nameZh],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM "dispatch"."dispute_types" WHERE code = ANY($1)', [
      DISPUTE_TYPES.map(([code]) => code),
    ]);
  }
}
