/** Domain vocabularies shared by every service (see docs/architecture.md for their meaning). */

export const AGENCY_KINDS = ['police', 'judicial', 'people', 'lawyer'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Which service serves each agency kind. */
export const AGENCY_SERVICE: Record<AgencyKind, string> = {
  police: 'police-mediation',
  judicial: 'judicial-mediation',
  people: 'people-mediation',
  lawyer: 'lawyer-mediation',
};

/** Where a dispute came in: 110 警情, 12345 热线, 来访, 网格上报, 巡逻发现, 问卷排查, 网上, 吹哨. */
export const INTAKE_CHANNELS = [
  'call_110',
  'hotline_12345',
  'walk_in',
  'grid_report',
  'patrol',
  'survey',
  'online',
  'whistle',
] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export const PARTY_KINDS = ['person', 'organisation'] as const;
export const PARTY_ROLES = ['applicant', 'respondent', 'other'] as const;

/** A case's status as dispatch sees it. */
export const CASE_STATUSES = [
  'registered',
  'referred',
  'in_mediation',
  'resolved',
  'unresolved',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** 派单 lifecycle: 已派单 → 已签收 → 已办结. */
export const REFERRAL_STATUSES = ['issued', 'accepted', 'closed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** 办结结果: 调解成功 / 调解不成 / 撤回. */
export const REFERRAL_OUTCOMES = ['resolved', 'failed', 'withdrawn'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];
