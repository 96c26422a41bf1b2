import { Column, Entity, Index, IsNull, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';

export const TIMELINE_STEPS = [
  'case_registered',
  'referral_issued',
  'referral_accepted',
  'referral_returned',
  'referral_started',
  'return_ruled',
  'referral_transferred',
  'referral_closed',
  'case_flagged',
  'case_reclassified',
  'case_escalated',
  'whistle_blown',
  'whistle_responded',
  'whistle_support_reported',
  'whistle_closed',
  'conference_scheduled',
  'conference_held',
  'conference_task_issued',
  'conference_task_closed',
  'sla_breached',
  'case_risk_changed',
  'follow_up_scheduled',
  'follow_up_recorded',
  'case_reopened',
  'violence_risk_assessed',
  'hand_off_failed',
  'on_the_spot_settled',
  'on_the_spot_refused',
] as const;
export type TimelineStep = (typeof TIMELINE_STEPS)[number];

/** One step in a case's life with who did it and when; append-only. */
@Entity({ name: 'case_timeline' })
@Index('case_timeline_case_at', ['caseId', 'at'])
export class TimelineEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('varchar', { length: 32 })
  step!: TimelineStep;

  @Column('varchar', { length: 500 })
  summary!: string;

  @Column('varchar', { name: 'actor_id', length: 64 })
  actorId!: string;

  @Column('varchar', { name: 'actor_name', length: 100 })
  actorName!: string;

  @Column('uuid', { name: 'agency_id', nullable: true })
  agencyId!: string | null;

  @Column('varchar', { name: 'agency_name', length: 200, nullable: true })
  agencyName!: string | null;

  @Column('uuid', { name: 'referral_id', nullable: true })
  referralId!: string | null;

  @Column('timestamptz')
  at!: Date;
}

export interface TimelineStepInput {
  caseId: string;
  step: TimelineStep;
  summary: string;
  actor: { id: string; name: string };
  /** The agency the step concerns, if any, with the referral it happened on. */
  agency?: { id: string; name: string };
  referralId?: string;
  at: Date;
}

/** Appends one step to a case's timeline inside the caller's transaction. */
export async function appendTimelineStep(manager: EntityManager, input: TimelineStepInput): Promise<void> {
  await manager.insert(TimelineEntry, {
    caseId: input.caseId,
    step: input.step,
    summary: input.summary.slice(0, 500),
    actorId: input.actor.id,
    actorName: input.actor.name,
    agencyId: input.agency?.id ?? null,
    agencyName: input.agency?.name ?? null,
    referralId: input.referralId ?? null,
    at: input.at,
  });
}

/**
 * Whether this step is already on the case's timeline for the referral at that moment: how a
 * consumer recognises an agency's report it has applied before under another message id.
 */
export function hasTimelineStep(
  manager: EntityManager,
  key: { caseId: string; step: TimelineStep; referralId?: string; at: Date },
): Promise<boolean> {
  return manager.existsBy(TimelineEntry, {
    caseId: key.caseId,
    step: key.step,
    referralId: key.referralId ?? IsNull(),
    at: key.at,
  });
}
