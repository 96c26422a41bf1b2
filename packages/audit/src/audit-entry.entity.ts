import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One command a service carried out (or refused), chained to the entry before it: `hash` covers
 * this entry's fields and `prev_hash`, so editing or deleting any row breaks every link after it.
 * A trigger (see auditLogTriggerSql) refuses UPDATE and DELETE.
 */
@Entity({ name: 'audit_log' })
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  @Column('timestamptz')
  at!: Date;

  @Column('varchar', { name: 'actor_id', length: 64 })
  actorId!: string;

  @Column('varchar', { name: 'actor_role', length: 32 })
  actorRole!: string;

  /** The jurisdiction or agency the actor acted within, when identity provides one. */
  @Column('varchar', { length: 64, nullable: true })
  scope!: string | null;

  /** The command: its request subject, e.g. dispatch.case.register.v1. */
  @Column('varchar', { length: 120 })
  action!: string;

  /** The id the command was about (case, referral …), when it names one. */
  @Column('varchar', { length: 64, nullable: true })
  target!: string | null;

  /** Where the request came from (the caller's address as the gateway saw it). */
  @Column('varchar', { length: 100, nullable: true })
  origin!: string | null;

  /** `ok`, or the refusal: `409 CONFLICT` and the like. */
  @Column('varchar', { length: 40 })
  result!: string;

  @Column('char', { name: 'prev_hash', length: 64 })
  prevHash!: string;

  @Column('char', { length: 64 })
  hash!: string;
}
