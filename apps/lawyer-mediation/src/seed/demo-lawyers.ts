import type { DataSource } from 'typeorm';
import { insertMissing, insertMissingMediators, type DemoMediator } from '@fengqiao/agency-kit';
import type { PersonalDataCipher } from '@fengqiao/pii';
import { Representation } from '../representations/representation.entity';
import { LawyerProfile } from '../roster/lawyer-profile.entity';

const HUANGLOU_STUDIO = '6a1f0c00-0000-4000-8000-000000000401'; // 黄楼街道律师调解工作室
const CITY_STUDIO = '6a1f0c00-0000-4000-8000-000000000402'; // 青州市公共法律服务中心律师调解工作室
const ZHENGHE = '山东正和律师事务所';
const MINGDE = '山东明德律师事务所';

/** A kit mediator of category lawyer, with what their roster profile adds. */
interface DemoLawyer extends Omit<DemoMediator, 'category'> {
  firm: string;
  licenceNumber: string;
  languages: string[];
  yearsOfPractice: number;
  published: boolean;
}

/** Six lawyers of two firms on the two demo studios' rosters; all published but one. */
export const DEMO_LAWYERS: DemoLawyer[] = [
  {
    id: '6a1f0c00-0000-4000-8000-000000041001',
    agencyId: HUANGLOU_STUDIO,
    name: '刘建国',
    firm: ZHENGHE,
    licenceNumber: '13707199810210001',
    specialties: ['land', 'inheritance', 'marriage_family'],
    languages: ['普通话', '青州话'],
    yearsOfPractice: 18,
    published: true,
    gold: true,
    phone: '13905361001',
    introduction: '黄楼街道多个村居法律顾问，擅长宅基地、继承和婚姻家庭纠纷调解。',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000041002',
    agencyId: HUANGLOU_STUDIO,
    name: '王晓燕',
    firm: ZHENGHE,
    licenceNumber: '13707201610210002',
    specialties: ['marriage_family', 'neighbour'],
    languages: ['普通话', '青州话'],
    yearsOfPractice: 9,
    published: true,
    phone: '13905361002',
    introduction: '专注婚姻家庭和邻里纠纷，参与“五级联动”律师介入调。',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000041003',
    agencyId: HUANGLOU_STUDIO,
    name: '陈志强',
    firm: MINGDE,
    licenceNumber: '13707201410210003',
    specialties: ['labour', 'work_injury'],
    languages: ['普通话', 'English'],
    yearsOfPractice: 11,
    published: true,
    phone: '13905361003',
    introduction: '劳动争议和工伤纠纷调解，熟悉企业用工合规。',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000041004',
    agencyId: CITY_STUDIO,
    name: '李慧敏',
    firm: MINGDE,
    licenceNumber: '13707201110210004',
    specialties: ['medical', 'traffic_accident', 'consumer'],
    languages: ['普通话', '手语'],
    yearsOfPractice: 14,
    published: true,
    gold: true,
    phone: '13905361004',
    introduction: '医患、交通事故和消费纠纷调解，可用手语与听障当事人沟通。',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000041005',
    agencyId: CITY_STUDIO,
    name: '赵立新',
    firm: ZHENGHE,
    licenceNumber: '13707201810210005',
    specialties: ['private_lending', 'enterprise', 'property_management'],
    languages: ['普通话'],
    yearsOfPractice: 7,
    published: true,
    phone: '13905361005',
    introduction: '民间借贷、涉企和物业纠纷调解。',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000041006',
    agencyId: CITY_STUDIO,
    name: '孙雨桐',
    firm: MINGDE,
    licenceNumber: '13707202310210006',
    specialties: ['tenancy', 'consumer'],
    languages: ['普通话', 'English'],
    yearsOfPractice: 3,
    // Not yet on the published roster: the studio is still reviewing her.
    published: false,
    phone: '13905361006',
    introduction: '房屋租赁和消费纠纷。',
  },
];

/**
 * 刘建国 (正和) once acted for 王某, the applicant of the demo dispute: choosing him or his colleague
 * 王晓燕 for such a case is refused for a conflict of interest, 陈志强 (明德) is not.
 */
const DEMO_REPRESENTATION = {
  id: '6a1f0c00-0000-4000-8000-000000042001',
  lawyerId: '6a1f0c00-0000-4000-8000-000000041001',
  firm: ZHENGHE,
  clientName: '王某',
  clientKind: 'person',
  matter: '王某房屋买卖合同纠纷一审，代理原告',
  actedFrom: '2023-04-10',
  actedTo: '2023-11-30',
};

/** Inserts what is missing; running it again adds nothing and changes nothing already there. */
export async function seedDemoLawyers(
  dataSource: DataSource,
  cipher: PersonalDataCipher,
): Promise<{ lawyers: number; representations: number }> {
  return dataSource.transaction(async (m) => {
    // The insert takes the mediator's columns only: the profile's fields are left out of it.
    await insertMissingMediators(
      m,
      cipher,
      DEMO_LAWYERS.map((l) => ({ ...l, category: 'lawyer' })),
    );
    const lawyers = await insertMissing(
      m,
      LawyerProfile,
      DEMO_LAWYERS.map((l) => ({
        mediatorId: l.id,
        firm: l.firm,
        licenceNumber: l.licenceNumber,
        languages: l.languages,
        yearsOfPractice: l.yearsOfPractice,
        published: l.published,
        publishedAt: l.published ? new Date() : null,
      })),
    );
    const representations = await insertMissing(m, Representation, [
      {
        ...DEMO_REPRESENTATION,
        clientNameHash: cipher.lookupHash(DEMO_REPRESENTATION.clientName),
        clientIdNumberEncrypted: null,
        clientIdNumberMasked: null,
        clientIdNumberHash: null,
        recordedById: 'seed',
      },
    ]);
    return { lawyers, representations };
  });
}
