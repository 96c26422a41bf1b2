import type {
  RiskLevel,
  SlaBreachAction,
  SlaClockBreachedV1,
  SlaClockKind,
  SlaClockWarnedV1,
  SlaLevel,
  ViolenceRiskAssessedV1,
} from '@fengqiao/contracts';

/** What each clock times, as a clerk says it. */
export const CLOCK_KIND_ZH: Record<SlaClockKind, string> = {
  accept: '签收',
  first_contact: '首次联系',
  resolve: '办结',
  follow_up: '回访',
  summons: '报到',
  task: '会商任务',
};

export const LEVEL_ZH: Record<SlaLevel, string> = { yellow: '黄灯', orange: '橙灯', red: '红灯' };

const ACTION_ZH: Record<SlaBreachAction, string> = {
  remind: '催办',
  supervise: '督办',
  escalate: '提请升级调解',
  reassign: '改派',
};

const BEIJING = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `11月24日 10:30`, in Beijing time whatever the server's zone. */
export function beijingMinute(iso: string): string {
  const parts = Object.fromEntries(BEIJING.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

/**
 * The one text every channel sends (a DingTalk or WeCom group, an SMS), e.g.
 * 【枫桥Hub 橙灯预警】案件 QZ-2026-000123 签收 将于 11月24日 10:30 到期（已用 80%），责任单位：弥河镇人民调解委员会.
 * It names the case number and the unit, never a party. Starts with 枫桥Hub: the keyword a DingTalk
 * robot with 自定义关键词 security can require.
 */
export function renderSlaMessage(event: SlaClockWarnedV1 | SlaClockBreachedV1, level: SlaLevel): string {
  const what = `案件 ${event.caseNumber} ${CLOCK_KIND_ZH[event.kind] ?? event.kind}`;
  const unit = `责任单位：${event.agencyName}`;
  if (level === 'red') {
    const breach = event as SlaClockBreachedV1;
    const due = beijingMinute(breach.dueAt ?? breach.reachedAt);
    const actions = (breach.actions ?? []).map((a) => ACTION_ZH[a] ?? a);
    const done = actions.length ? `；已${actions.join('、')}` : '';
    return `【枫桥Hub 超期】${what} 已于 ${due} 到期未完成，${unit}${done}`;
  }
  const warning = event as SlaClockWarnedV1;
  const head = `【枫桥Hub ${LEVEL_ZH[level]}预警】${what}`;
  if (!warning.dueAt) {
    return `${head} 已用 ${warning.thresholdPercent}% 时限（计时暂停中），${unit}`;
  }
  return `${head} 将于 ${beijingMinute(warning.dueAt)} 到期（已用 ${warning.thresholdPercent}%），${unit}`;
}

const RISK_ZH: Record<RiskLevel, string> = {
  general: '一般',
  serious: '较大',
  major: '重大',
  especially_major: '特别重大',
};

/**
 * 民转刑风险预警 for the station that made the assessment, e.g.
 * 【枫桥Hub 民转刑风险预警】案件 370781-2026-000123 民转刑风险评估 85 分（高风险），风险等级升至重大，请立即落实稳控措施。评估人：张警官.
 * Like every message it names the case, never a party.
 */
export function renderViolenceRiskMessage(event: ViolenceRiskAssessedV1): string {
  const raised = event.raisesRiskTo
    ? `，风险等级升至${RISK_ZH[event.raisesRiskTo] ?? event.raisesRiskTo}`
    : '';
  return (
    `【枫桥Hub 民转刑风险预警】案件 ${event.caseNumber} 民转刑风险评估 ${event.score} 分（高风险）${raised}，` +
    `请立即落实稳控措施。评估人：${event.assessedBy.name}`
  );
}
