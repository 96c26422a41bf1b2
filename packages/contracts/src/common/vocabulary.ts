/** Domain vocabularies shared by every service (see docs/architecture.md for their meaning). */

/** The mediation agencies: each kind has its own service and takes referrals (派单). */
export const AGENCY_KINDS = ['police', 'judicial', 'people', 'lawyer'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/**
 * Every unit the hub knows: the mediation agencies plus departments (国土, 民政, 市场监管, 城管, 法庭 …),
 * which answer whistles and take joint-conference tasks through dispatch but take no referrals.
 */
export const UNIT_KINDS = [...AGENCY_KINDS, 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

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

/**
 * A case's status as dispatch sees it. `registered` is 待派单: new, or every referral returned.
 * `litigation`: the parties went to court (转诉讼). Readers must tolerate values added later.
 */
export const CASE_STATUSES = [
  'registered',
  'referred',
  'in_mediation',
  'resolved',
  'unresolved',
  'withdrawn',
  'litigation',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * 派单 lifecycle: 已派单 → 已签收 | 已退单 → 办理中 → 已办结; 已转办 when the coordinator moves it
 * to another agency. Readers must tolerate values added later (the list only ever grows).
 */
export const REFERRAL_STATUSES = [
  'issued',
  'accepted',
  'in_progress',
  'returned',
  'transferred',
  'closed',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** 办结结果: 调解成功 (with the agreement) / 调解不成 (with a proposed next step) / 撤回 / 转诉讼. */
export const REFERRAL_OUTCOMES = ['resolved', 'failed', 'withdrawn', 'litigation'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** What a failed mediation proposes next: 升级调解, 诉讼, 仲裁, 行政处理, 其他. */
export const NEXT_STEPS = ['escalate', 'litigation', 'arbitration', 'administrative', 'other'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

/** 退单理由: 不属本辖区, 不属本单位职责, 需其他部门处理, 重复件, 当事人无法联系, 其他. */
export const RETURN_REASONS = [
  'not_our_jurisdiction',
  'not_our_responsibility',
  'needs_other_department',
  'duplicate',
  'parties_unreachable',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** A coordinator's ruling on a return the matrix contradicts: 退单成立 / 退单驳回 (the agency keeps it). */
export const RETURN_RULINGS = ['upheld', 'overruled'] as const;
export type ReturnRuling = (typeof RETURN_RULINGS)[number];

/** 主办 / 协办. */
export const REFERRAL_ROLES = ['lead', 'co'] as const;
export type ReferralRole = (typeof REFERRAL_ROLES)[number];

/** 风险等级: 一般 / 较大 / 重大 / 特别重大. */
export const RISK_LEVELS = ['general', 'serious', 'major', 'especially_major'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The jurisdiction tree's levels, top down. */
export const JURISDICTION_LEVELS = ['city', 'district', 'street', 'community'] as const;
export type JurisdictionLevel = (typeof JURISDICTION_LEVELS)[number];

/**
 * 调解阶梯 a jurisdiction chooses: 五级联动 (黄楼), 天祝三级 (吹哨—响应—支援), 1+3+N (丁卯).
 * Each level has a mode that decides what the hub asks for at that level.
 */
export const LADDER_CODES = ['five_level', 'tianzhu_three_tier', 'one_three_n'] as const;
export type LadderCode = (typeof LADDER_CODES)[number];
export const LADDER_MODES = ['mediation', 'parties_choose_lawyer', 'hearing', 'joint_conference'] as const;
export type LadderMode = (typeof LADDER_MODES)[number];

/** 吹哨: 紧急 (报到 within 30 minutes) / 一般 (within 24 hours). */
export const WHISTLE_URGENCIES = ['urgent', 'normal'] as const;
export type WhistleUrgency = (typeof WHISTLE_URGENCIES)[number];
export const WHISTLE_STATUSES = ['open', 'closed'] as const;
export type WhistleStatus = (typeof WHISTLE_STATUSES)[number];
/** A summoned unit: 已召集 → 已报到 → 已支援. */
export const SUMMONS_STATUSES = ['summoned', 'responded', 'supported'] as const;
export type SummonsStatus = (typeof SUMMONS_STATUSES)[number];

/** 联席会议: 已安排 → 已召开 (minutes recorded) → 已办结 (every task closed). */
export const CONFERENCE_STATUSES = ['scheduled', 'held', 'closed'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];
export const CONFERENCE_TASK_STATUSES = ['open', 'closed'] as const;
export type ConferenceTaskStatus = (typeof CONFERENCE_TASK_STATUSES)[number];

/** Case flags: 重复件/反复矛盾, 推诿扯皮 (ping-pong of returns), 民转刑 risk. */
export const CASE_FLAGS = ['repeat', 'ping_pong', 'violence_risk'] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];

/** What an SLA clock times: 签收, 首次联系, 办结, 回访 (a referral's), 报到 (a summoned unit's), 会商任务. */
export const SLA_CLOCK_KINDS = [
  'accept',
  'first_contact',
  'resolve',
  'follow_up',
  'summons',
  'task',
] as const;
export type SlaClockKind = (typeof SLA_CLOCK_KINDS)[number];
/** The clock kinds a policy sets targets for (summons and tasks carry their own deadline). */
export const SLA_POLICY_KINDS = ['accept', 'first_contact', 'resolve', 'follow_up'] as const;
export type SlaPolicyKind = (typeof SLA_POLICY_KINDS)[number];

/** 紧急 for a case of 重大/特别重大 risk or flagged 民转刑; 一般 otherwise. */
export const SLA_URGENCIES = ['normal', 'urgent'] as const;
export type SlaUrgency = (typeof SLA_URGENCIES)[number];

/** Wall-clock minutes/hours, or working hours/days on the agency's working calendar. */
export const SLA_UNITS = ['minutes', 'hours', 'working_hours', 'working_days'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

export const SLA_CLOCK_STATES = ['running', 'paused', 'stopped'] as const;
export type SlaClockState = (typeof SLA_CLOCK_STATES)[number];

/** 黄灯 / 橙灯 预警, 红灯 = 超期. */
export const SLA_LEVELS = ['yellow', 'orange', 'red'] as const;
export type SlaLevel = (typeof SLA_LEVELS)[number];

/** Why a clock may stand still (暂停计时). */
export const SLA_PAUSE_REASONS = [
  'parties_unreachable',
  'awaiting_appraisal',
  'awaiting_judicial_confirmation',
  'awaiting_materials',
  'party_hospitalised',
  'force_majeure',
  'other',
] as const;
export type SlaPauseReason = (typeof SLA_PAUSE_REASONS)[number];

/** How a clock ended: its work was done, or the thing it timed went away. */
export const SLA_STOP_REASONS = ['done', 'returned', 'transferred', 'cancelled'] as const;
export type SlaStopReason = (typeof SLA_STOP_REASONS)[number];

/** What a breach does: 催办 the unit, 督办 record, propose the next rung of the ladder, 改派 to the next best agency. */
export const SLA_BREACH_ACTIONS = ['remind', 'supervise', 'escalate', 'reassign'] as const;
export type SlaBreachAction = (typeof SLA_BREACH_ACTIONS)[number];

/** 延期申请: pending → approved | refused. */
export const SLA_EXTENSION_STATUSES = ['pending', 'approved', 'refused'] as const;
export type SlaExtensionStatus = (typeof SLA_EXTENSION_STATUSES)[number];

/** 督办: open until a coordinator records what was done. */
export const SUPERVISION_STATUSES = ['open', 'closed'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

/** A day in the working calendar's override table: 放假 or 调休上班. */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKindName = (typeof CALENDAR_DAY_KINDS)[number];

/** Where a unit receives SLA warnings: 钉钉 / 企业微信 group robots, or SMS. */
export const NOTIFICATION_CHANNEL_KINDS = ['dingtalk', 'wecom', 'sms'] as const;
export type NotificationChannelKind = (typeof NOTIFICATION_CHANNEL_KINDS)[number];

// ---- The agencies' own work (the agency kit and the four mediation services) ----

/**
 * Who a mediator is: 专职 / 兼职, a 警务助理, a lawyer, or one of the 五老乡贤 (老干部, 老党员, 老教师,
 * 老模范, 老军人, and 乡贤) who do the first rung's 拉呱调.
 */
export const MEDIATOR_CATEGORIES = [
  'full_time',
  'part_time',
  'police_assistant',
  'lawyer',
  'old_cadre',
  'old_party_member',
  'old_teacher',
  'old_model',
  'old_soldier',
  'local_worthy',
] as const;
export type MediatorCategory = (typeof MEDIATOR_CATEGORIES)[number];
/** The 五老乡贤 among the categories. */
export const FIVE_ELDERS_CATEGORIES = [
  'old_cadre',
  'old_party_member',
  'old_teacher',
  'old_model',
  'old_soldier',
  'local_worthy',
] as const satisfies readonly MediatorCategory[];

/** What a mediation session came to: 达成协议, 部分达成, 未达成, 择期再调. */
export const SESSION_RESULTS = ['agreed', 'partly_agreed', 'no_agreement', 'adjourned'] as const;
export type SessionResult = (typeof SESSION_RESULTS)[number];

/** 回访 by 电话 or 上门. */
export const FOLLOW_UP_METHODS = ['phone', 'visit'] as const;
export type FollowUpMethod = (typeof FOLLOW_UP_METHODS)[number];

/** 满意 / 基本满意 / 不满意. */
export const SATISFACTION_LEVELS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export const FOLLOW_UP_STATUSES = ['scheduled', 'done'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** A 调解协议书: drafted, then signed by every party and the mediator (and in force). */
export const AGREEMENT_STATUSES = ['draft', 'signed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** How far one term of an agreement has been performed (履行情况). */
export const PERFORMANCE_STATUSES = ['pending', 'performed', 'partly_performed', 'defaulted'] as const;
export type PerformanceStatus = (typeof PERFORMANCE_STATUSES)[number];

/** A police 民转刑 risk assessment's grade; high raises the case's risk and alerts the station. */
export const VIOLENCE_RISK_GRADES = ['low', 'medium', 'high'] as const;
export type ViolenceRiskGrade = (typeof VIOLENCE_RISK_GRADES)[number];
