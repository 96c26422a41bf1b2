import { AGENCY_SERVICE, type AgencyKind } from './common/vocabulary';

/** Request-reply subjects: `<service>.<aggregate>.<verb>.v<N>`. Events are in events.ts. */
export const DispatchSubjects = {
  agencyList: 'dispatch.agency.list.v1',
  agencyGet: 'dispatch.agency.get.v1',
  caseRegister: 'dispatch.case.register.v1',
  caseList: 'dispatch.case.list.v1',
  caseGet: 'dispatch.case.get.v1',
  /** Parties' names and ID lookup hashes (no clear data), for an agency's conflict-of-interest check. */
  casePartyLookup: 'dispatch.case.party_lookup.v1',
  partyReveal: 'dispatch.party.reveal.v1',
  caseSuggestType: 'dispatch.case.suggest_type.v1',
  caseReclassify: 'dispatch.case.reclassify.v1',
  caseEscalate: 'dispatch.case.escalate.v1',
  caseChangeRisk: 'dispatch.case.change_risk.v1',
  caseDispatch: 'dispatch.case.dispatch.v1',
  routingPropose: 'dispatch.routing.propose.v1',
  routingMatrixGet: 'dispatch.routing_matrix.get.v1',
  routingMatrixPublish: 'dispatch.routing_matrix.publish.v1',
  dispatchPolicyList: 'dispatch.dispatch_policy.list.v1',
  dispatchPolicySet: 'dispatch.dispatch_policy.set.v1',
  ladderList: 'dispatch.ladder.list.v1',
  ladderChoose: 'dispatch.ladder.choose.v1',
  notEscalatedIndex: 'dispatch.stats.not_escalated_index.v1',
  referralIssue: 'dispatch.referral.issue.v1',
  referralGet: 'dispatch.referral.get.v1',
  referralList: 'dispatch.referral.list.v1',
  referralRule: 'dispatch.referral.rule.v1',
  referralTransfer: 'dispatch.referral.transfer.v1',
  whistleBlow: 'dispatch.whistle.blow.v1',
  whistleGet: 'dispatch.whistle.get.v1',
  whistleList: 'dispatch.whistle.list.v1',
  whistleRespond: 'dispatch.whistle.respond.v1',
  whistleReportSupport: 'dispatch.whistle.report_support.v1',
  whistleClose: 'dispatch.whistle.close.v1',
  whistleListUnanswered: 'dispatch.whistle.list_unanswered.v1',
  conferenceSchedule: 'dispatch.conference.schedule.v1',
  conferenceGet: 'dispatch.conference.get.v1',
  conferenceList: 'dispatch.conference.list.v1',
  conferenceRecordMinutes: 'dispatch.conference.record_minutes.v1',
  conferenceTaskIssue: 'dispatch.conference_task.issue.v1',
  conferenceTaskClose: 'dispatch.conference_task.close.v1',
  conferenceTaskList: 'dispatch.conference_task.list.v1',
  slaPolicyGet: 'dispatch.sla_policy.get.v1',
  slaPolicyPublish: 'dispatch.sla_policy.publish.v1',
  slaPolicyDryRun: 'dispatch.sla_policy.dry_run.v1',
  slaCalendarGet: 'dispatch.sla_calendar.get.v1',
  slaCalendarSet: 'dispatch.sla_calendar.set.v1',
  workingHoursGet: 'dispatch.working_hours.get.v1',
  workingHoursSet: 'dispatch.working_hours.set.v1',
  slaClockList: 'dispatch.sla_clock.list.v1',
  slaClockGet: 'dispatch.sla_clock.get.v1',
  slaClockPause: 'dispatch.sla_clock.pause.v1',
  slaClockResume: 'dispatch.sla_clock.resume.v1',
  slaExtensionRequest: 'dispatch.sla_clock.request_extension.v1',
  slaExtensionDecide: 'dispatch.sla_clock.decide_extension.v1',
  slaForecast: 'dispatch.sla_clock.forecast.v1',
  supervisionList: 'dispatch.supervision.list.v1',
  supervisionClose: 'dispatch.supervision.close.v1',
  health: 'dispatch.health.check.v1',
} as const;

/** The notifications service: where each unit receives SLA warnings, and what was delivered. */
export const NotificationSubjects = {
  channelList: 'notifications.channel.list.v1',
  channelSet: 'notifications.channel.set.v1',
  deliveryList: 'notifications.delivery.list.v1',
  health: 'notifications.health.check.v1',
} as const;

export const IdentitySubjects = {
  login: 'identity.session.login.v1',
  refresh: 'identity.session.refresh.v1',
  logout: 'identity.session.logout.v1',
  userList: 'identity.user.list.v1',
  userCreate: 'identity.user.create.v1',
  userDisable: 'identity.user.disable.v1',
  health: 'identity.health.check.v1',
} as const;

export interface AgencySubjectSet {
  inboxList: string;
  referralAccept: string;
  referralReturn: string;
  referralStart: string;
  referralClose: string;
  /** Mediators, 承办调解员, 调解记录 and 回访 (the kit's mediation work). */
  mediatorRegister: string;
  mediatorUpdate: string;
  mediatorList: string;
  mediatorGet: string;
  referralAssignMediator: string;
  sessionRecord: string;
  sessionList: string;
  followUpGet: string;
  followUpPlan: string;
  followUpRecord: string;
  followUpList: string;
  health: string;
  /** 调解协议书 (the kit's agreements). */
  agreementDraft: string;
  agreementRedraft: string;
  agreementSign: string;
  agreementGet: string;
  agreementPdf: string;
  agreementRecordPerformance: string;
  agreementList: string;
  /** 工作台账: writes the .xlsx into the LEDGER_EXPORTS object store. */
  ledgerExport: string;
}

export function agencySubjects(kind: AgencyKind): AgencySubjectSet {
  const service = AGENCY_SERVICE[kind];
  return {
    inboxList: `${service}.inbox.list.v1`,
    referralAccept: `${service}.referral.accept.v1`,
    referralReturn: `${service}.referral.return.v1`,
    referralStart: `${service}.referral.start.v1`,
    referralClose: `${service}.referral.close.v1`,
    mediatorRegister: `${service}.mediator.register.v1`,
    mediatorUpdate: `${service}.mediator.update.v1`,
    mediatorList: `${service}.mediator.list.v1`,
    mediatorGet: `${service}.mediator.get.v1`,
    referralAssignMediator: `${service}.referral.assign_mediator.v1`,
    sessionRecord: `${service}.session.record.v1`,
    sessionList: `${service}.session.list.v1`,
    followUpGet: `${service}.follow_up.get.v1`,
    followUpPlan: `${service}.follow_up.plan.v1`,
    followUpRecord: `${service}.follow_up.record.v1`,
    followUpList: `${service}.follow_up.list.v1`,
    health: `${service}.health.check.v1`,
    agreementDraft: `${service}.agreement.draft.v1`,
    agreementRedraft: `${service}.agreement.redraft.v1`,
    agreementSign: `${service}.agreement.sign.v1`,
    agreementGet: `${service}.agreement.get.v1`,
    agreementPdf: `${service}.agreement.get_pdf.v1`,
    agreementRecordPerformance: `${service}.agreement.record_performance.v1`,
    agreementList: `${service}.agreement.list.v1`,
    ledgerExport: `${service}.ledger.export.v1`,
  };
}

/** Every service that keeps an audit log answers its chain check on `<service>.audit.verify.v1` (admin only). */
export const AUDITED_SERVICES = [
  'dispatch',
  'identity',
  'notifications',
  ...Object.values(AGENCY_SERVICE),
] as const;

export const auditVerifySubject = (service: string) => `${service}.audit.verify.v1`;

export interface AuditChainReport {
  service: string;
  entries: number;
  intact: boolean;
  firstBroken?: { seq: string; reason: string };
}
