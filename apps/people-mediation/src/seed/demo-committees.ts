import type { DataSource } from 'typeorm';
import { Mediator } from '@fengqiao/agency-kit';
import type { MediatorCategory } from '@fengqiao/contracts';
import { maskPhone, type PersonalDataCipher } from '@fengqiao/pii';
import { CommitteeProfile } from '../committees/committee-profile.entity';

/** The demo city's people's committees (ids and jurisdictions as dispatch's demo city has them). */
const COMMITTEES: Omit<CommitteeProfile, 'updatedAt' | 'updatedById' | 'createdAt' | 'version'>[] = [
  {
    agencyId: '6a1f0c00-0000-4000-8000-000000000301',
    committeeKind: 'street',
    name: '黄楼街道人民调解委员会',
    jurisdictionCode: '370781007000',
    establishedOn: '2009-06-18',
    directorName: '张建国',
    membersCount: 11,
    // 警调对接: its mediators sit in the police station's 调解室.
    stationedAtKind: 'police_station',
    stationedAtAgencyId: '6a1f0c00-0000-4000-8000-000000000101',
    stationedAtNote: '黄楼派出所警政多元调解中心',
    disputeTypes: [
      'neighbour',
      'marriage_family',
      'inheritance',
      'land',
      'property_management',
      'private_lending',
    ],
  },
  {
    agencyId: '6a1f0c00-0000-4000-8000-000000000302',
    committeeKind: 'village',
    name: '卢李村人民调解委员会',
    jurisdictionCode: '370781007201',
    establishedOn: '2011-03-02',
    directorName: '李守田',
    membersCount: 5,
    stationedAtKind: null,
    stationedAtAgencyId: null,
    stationedAtNote: null,
    disputeTypes: ['neighbour', 'marriage_family', 'inheritance', 'land'],
  },
  {
    agencyId: '6a1f0c00-0000-4000-8000-000000000303',
    committeeKind: 'industry_medical',
    name: '青州市医疗纠纷人民调解委员会',
    jurisdictionCode: '370781000000',
    establishedOn: '2014-09-01',
    directorName: '陈志远',
    membersCount: 9,
    stationedAtKind: 'hospital',
    stationedAtAgencyId: null,
    stationedAtNote: '青州市人民医院医患沟通办公室',
    disputeTypes: ['medical'],
  },
  {
    agencyId: '6a1f0c00-0000-4000-8000-000000000304',
    committeeKind: 'industry_traffic',
    name: '青州市道路交通事故纠纷人民调解委员会',
    jurisdictionCode: '370781000000',
    establishedOn: '2016-05-20',
    directorName: '韩建军',
    membersCount: 7,
    stationedAtKind: 'traffic_police',
    stationedAtAgencyId: null,
    stationedAtNote: '青州市公安局交通警察大队事故处理中队',
    disputeTypes: ['traffic_accident'],
  },
  {
    agencyId: '6a1f0c00-0000-4000-8000-000000000305',
    committeeKind: 'street',
    name: '王府街道“宜调解”矛盾纠纷调解中心',
    jurisdictionCode: '370781001000',
    establishedOn: '2021-11-08',
    directorName: '冯玉梅',
    membersCount: 15,
    stationedAtKind: null,
    stationedAtAgencyId: null,
    stationedAtNote: null,
    disputeTypes: ['neighbour', 'marriage_family', 'property_management', 'tenancy', 'consumer', 'labour'],
  },
  {
    agencyId: '6a1f0c00-0000-4000-8000-000000000306',
    committeeKind: 'village',
    name: '闵家村人民调解委员会',
    jurisdictionCode: '370781100201',
    establishedOn: '2012-04-10',
    directorName: '闵庆海',
    membersCount: 3,
    stationedAtKind: null,
    stationedAtAgencyId: null,
    stationedAtNote: null,
    disputeTypes: ['neighbour', 'land', 'marriage_family'],
  },
];

interface DemoMediator {
  id: string;
  agencyId: string;
  name: string;
  category: MediatorCategory;
  specialties: string[];
  gold?: boolean;
  phone: string;
  introduction: string;
}

const mediatorId = (n: number) => `6a1f0c00-0000-4000-8600-${String(n).padStart(12, '0')}`;
const [HUANGLOU, LULI, MEDICAL, TRAFFIC, WANGFU, MIHE] = COMMITTEES.map((c) => c.agencyId);

/** A few mediators of each committee, the 五老乡贤 of 拉呱调 among them. Phones are made up. */
const MEDIATORS: DemoMediator[] = [
  {
    id: mediatorId(1),
    agencyId: HUANGLOU,
    name: '王秀兰',
    category: 'old_teacher',
    specialties: ['neighbour', 'marriage_family'],
    gold: true,
    phone: '13905361201',
    introduction: '退休小学教师（老教师），调解邻里、婚姻家庭纠纷十二年。',
  },
  {
    id: mediatorId(2),
    agencyId: HUANGLOU,
    name: '刘长顺',
    category: 'old_party_member',
    specialties: ['land', 'neighbour'],
    gold: true,
    phone: '13905361202',
    introduction: '五十年党龄的老党员，熟悉宅基地和地界历史。',
  },
  {
    id: mediatorId(3),
    agencyId: HUANGLOU,
    name: '赵德胜',
    category: 'old_soldier',
    specialties: ['neighbour'],
    phone: '13905361203',
    introduction: '退役军人，村里红白理事会成员。',
  },
  {
    id: mediatorId(4),
    agencyId: HUANGLOU,
    name: '孙立华',
    category: 'full_time',
    specialties: ['property_management', 'private_lending'],
    gold: true,
    phone: '13905361204',
    introduction: '专职人民调解员，驻黄楼派出所调解室。',
  },
  {
    id: mediatorId(5),
    agencyId: LULI,
    name: '李守田',
    category: 'old_cadre',
    specialties: ['land', 'inheritance'],
    gold: true,
    phone: '13905361205',
    introduction: '原卢李村党支部书记（老干部），现任村调委会主任。',
  },
  {
    id: mediatorId(6),
    agencyId: LULI,
    name: '卢桂芳',
    category: 'local_worthy',
    specialties: ['marriage_family', 'neighbour'],
    phone: '13905361206',
    introduction: '乡贤，村妇联原主任，擅长家庭矛盾疏导。',
  },
  {
    id: mediatorId(7),
    agencyId: MEDICAL,
    name: '陈志远',
    category: 'full_time',
    specialties: ['medical'],
    gold: true,
    phone: '13905361207',
    introduction: '退休主任医师，医调委专职调解员。',
  },
  {
    id: mediatorId(8),
    agencyId: MEDICAL,
    name: '周敏',
    category: 'lawyer',
    specialties: ['medical'],
    phone: '13905361208',
    introduction: '执业律师，医疗损害责任纠纷方向。',
  },
  {
    id: mediatorId(9),
    agencyId: TRAFFIC,
    name: '韩建军',
    category: 'full_time',
    specialties: ['traffic_accident'],
    gold: true,
    phone: '13905361209',
    introduction: '原交警大队事故处理民警，交调委专职调解员。',
  },
  {
    id: mediatorId(10),
    agencyId: WANGFU,
    name: '冯玉梅',
    category: 'old_model',
    specialties: ['consumer', 'neighbour'],
    gold: true,
    phone: '13905361210',
    introduction: '全国劳动模范（老模范），“宜调解”中心金牌调解员。',
  },
  {
    id: mediatorId(11),
    agencyId: WANGFU,
    name: '宋国庆',
    category: 'full_time',
    specialties: ['property_management', 'tenancy'],
    phone: '13905361211',
    introduction: '专职调解员，物业纠纷调解室负责人。',
  },
  {
    id: mediatorId(12),
    agencyId: MIHE,
    name: '闵庆海',
    category: 'local_worthy',
    specialties: ['land', 'neighbour'],
    phone: '13905361212',
    introduction: '乡贤，闵家村调委会主任。',
  },
  {
    id: mediatorId(13),
    agencyId: MIHE,
    name: '闵淑贞',
    category: 'old_teacher',
    specialties: ['marriage_family'],
    phone: '13905361213',
    introduction: '退休中学教师（老教师）。',
  },
];

/**
 * Creates the demo committees' profiles and mediators that do not exist yet; what exists (perhaps
 * changed through the API since) is left as it is, so running it again changes nothing.
 */
export async function seedDemoCommittees(
  dataSource: DataSource,
  cipher: PersonalDataCipher,
): Promise<{ profiles: number; mediators: number }> {
  return dataSource.transaction(async (m) => {
    const profiles = await m
      .createQueryBuilder()
      .insert()
      .into(CommitteeProfile)
      .values(COMMITTEES.map((c) => ({ ...c, updatedAt: new Date(), updatedById: 'seed' })))
      .orIgnore()
      .returning('agency_id')
      .execute();
    const mediators = await m
      .createQueryBuilder()
      .insert()
      .into(Mediator)
      .values(
        MEDIATORS.map(({ phone, ...rest }) => ({
          ...rest,
          gold: rest.gold ?? false,
          onDuty: true,
          userId: null,
          phoneEncrypted: cipher.encrypt(phone),
          phoneMasked: maskPhone(phone),
        })),
      )
      .orIgnore()
      .returning('id')
      .execute();
    // RETURNING lists only the rows inserted: those skipped as already there are not counted.
    return {
      profiles: (profiles.raw as unknown[]).length,
      mediators: (mediators.raw as unknown[]).length,
    };
  });
}
