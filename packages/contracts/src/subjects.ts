import { AGENCY_SERVICE, type AgencyKind } from './common/vocabulary';

/** Request-reply subjects: `<service>.<aggregate>.<verb>.v<N>`. Events are in events.ts. */
export const DispatchSubjects = {
  agencyList: 'dispatch.agency.list.v1',
  agencyGet: 'dispatch.agency.get.v1',
  caseRegister: 'dispatch.case.register.v1',
  caseList: 'dispatch.case.list.v1',
  caseGet: 'dispatch.case.get.v1',
  partyReveal: 'dispatch.party.reveal.v1',
  referralIssue: 'dispatch.referral.issue.v1',
  referralGet: 'dispatch.referral.get.v1',
  health: 'dispatch.health.check.v1',
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
  referralClose: string;
  health: string;
}

export function agencySubjects(kind: AgencyKind): AgencySubjectSet {
  const service = AGENCY_SERVICE[kind];
  return {
    inboxList: `${service}.inbox.list.v1`,
    referralAccept: `${service}.referral.accept.v1`,
    referralClose: `${service}.referral.close.v1`,
    health: `${service}.health.check.v1`,
  };
}

/** Every service that keeps an audit log answers its chain check on `<service>.audit.verify.v1` (admin only). */
export const AUDITED_SERVICES = ['dispatch', 'identity', ...Object.values(AGENCY_SERVICE)] as const;

export const auditVerifySubject = (service: string) => `${service}.audit.verify.v1`;

export interface AuditChainReport {
  service: string;
  entries: number;
  intact: boolean;
  firstBroken?: { seq: string; reason: string };
}
