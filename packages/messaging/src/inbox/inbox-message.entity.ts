import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per (consumer, message) handled. Written in the same transaction as the handler's
 * changes, so a redelivered message finds its row and is acknowledged without being applied twice.
 */
@Entity({ name: 'inbox' })
export class InboxMessage {
  @PrimaryColumn('varchar', { length: 100 })
  consumer!: string;

  @PrimaryColumn('varchar', { name: 'message_id', length: 100 })
  messageId!: string;

  @Column('varchar', { length: 200 })
  subject!: string;

  @Column('timestamptz', { name: 'handled_at', default: () => 'now()' })
  handledAt!: Date;
}
