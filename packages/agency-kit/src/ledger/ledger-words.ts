import type { FollowUpMethod, ReferralOutcome, SatisfactionLevel, SessionResult } from '@fengqiao/contracts';

/** The ledger's words for the hub's vocabularies, as a Chinese 工作台账 writes them. */
export const OUTCOME_ZH: Record<ReferralOutcome, string> = {
  resolved: '调解成功',
  failed: '调解不成',
  withdrawn: '撤回',
  litigation: '转诉讼',
};

export const SESSION_RESULT_ZH: Record<SessionResult, string> = {
  agreed: '达成协议',
  partly_agreed: '部分达成',
  no_agreement: '未达成',
  adjourned: '择期再调',
};

export const FOLLOW_UP_METHOD_ZH: Record<FollowUpMethod, string> = { phone: '电话回访', visit: '上门回访' };

export const SATISFACTION_ZH: Record<SatisfactionLevel, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export const zh = <K extends string>(words: Record<K, string>, key: K | null | undefined) =>
  key ? (words[key] ?? key) : '';
