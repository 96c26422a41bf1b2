import { AGENCY_KINDS } from './common/vocabulary';
import { JudicialSubjects } from './agency/judicial';
import { LawyerSubjects } from './agency/lawyer';
import { PeopleSubjects } from './agency/people';
import { PoliceSubjects } from './agency/police';
import { EVENT_STREAMS, type EventContract } from './events';
import {
  agencySubjects,
  AUDITED_SERVICES,
  auditVerifySubject,
  DispatchSubjects,
  IdentitySubjects,
  NotificationSubjects,
} from './subjects';

const events = Object.values(EVENT_STREAMS).flat() as EventContract[];
const requests = [
  ...Object.values(DispatchSubjects),
  ...Object.values(IdentitySubjects),
  ...Object.values(NotificationSubjects),
  ...AUDITED_SERVICES.map(auditVerifySubject),
  ...AGENCY_KINDS.flatMap((k) => Object.values(agencySubjects(k))),
  ...Object.values(PoliceSubjects),
  ...Object.values(JudicialSubjects),
  ...Object.values(PeopleSubjects),
  ...Object.values(LawyerSubjects),
];

// NATS subject wildcard match, as JetStream uses it to decide what a stream stores.
function matches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

describe('subjects', () => {
  it('name events <service>.<aggregate>.<past-tense>.v<N> and requests <service>.<aggregate>.<verb>.v<N>', () => {
    for (const e of events) expect(e.subject).toMatch(/^[a-z-]+\.[a-z_]+\.[a-z_]+\.v\d+$/);
    for (const r of requests) expect(r).toMatch(/^[a-z-]+\.[a-z_]+\.[a-z_]+\.v\d+$/);
  });

  it('are unique, and each event lives in exactly one stream', () => {
    const all = [...events.map((e) => e.subject), ...requests];
    expect(new Set(all).size).toBe(all.length);
  });

  it('never let a stream capture a request subject (JetStream would answer the request itself)', () => {
    const streamSubjects = [...events.map((e) => e.subject), 'deadletter.>'];
    for (const r of requests) for (const s of streamSubjects) expect(matches(s, r)).toBe(false);
  });
});
