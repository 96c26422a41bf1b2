import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An event written in the same transaction as the state change it reports.
 * The relay publishes it to JetStream with Nats-Msg-Id = messageId, so a re-publish after a crash
 * is dropped by the stream's duplicate window (and by consumers' inboxes after that).
 */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished', ['seq'], { where: 'published_at IS NULL' })
export class OutboxMessage {
  /** Publication order. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq!: string;

  @Column('uuid', { name: 'message_id', unique: true })
  messageId!: string;

  @Column('varchar', { length: 200 })
  subject!: string;

  @Column('jsonb')
  payload!: object;

  @Column('jsonb')
  headers!: Record<string, string>;

  @Column('timestamptz', { name: 'occurred_at', default: () => 'now()' })
  occurredAt!: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt!: Date | null;
}
