import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type {
  DeliveryKind,
  DeliveryStatus,
  NotificationChannelKind,
  SlaClockKind,
  SlaLevel,
} from '@fengqiao/contracts';

/**
 * One SLA warning or breach, or one 民转刑风险预警, on one channel: `pending` until the worker has
 * it accepted (`delivered`) or gives up (`failed`). It keeps its own encrypted copy of the channel's
 * destination, so replacing an agency's channels does not redirect or lose what is already on its way.
 */
@Entity({ name: 'deliveries' })
@Index('deliveries_event_channel', ['sourceMessageId', 'channelId'], { unique: true })
@Index('deliveries_due', ['nextAttemptAt'], { where: "status = 'pending'" })
@Index('deliveries_agency_created', ['agencyId', 'createdAt'])
@Index('deliveries_clock', ['clockId'])
export class Delivery {
  @PrimaryColumn('uuid')
  id!: string;

  /**
   * What it announces, once per channel: the SLA event's message id (Nats-Msg-Id), or
   * `violence_risk:<assessmentId>` for an alert (one per assessment, whatever its message id).
   */
  @Column('varchar', { name: 'source_message_id', length: 100 })
  sourceMessageId!: string;

  @Column('varchar', { length: 16, default: 'sla' })
  kind!: DeliveryKind;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  /** The SLA clock (kind sla); none for an alert. */
  @Column('uuid', { name: 'clock_id', nullable: true })
  clockId!: string | null;

  @Column('varchar', { name: 'clock_kind', length: 16, nullable: true })
  clockKind!: SlaClockKind | null;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('varchar', { name: 'case_number', length: 40 })
  caseNumber!: string;

  /** The case's 辖区 (12 digits): coordinators and leaders see their subtree's deliveries. */
  @Column('varchar', { name: 'jurisdiction_code', length: 12 })
  jurisdictionCode!: string;

  /** The SLA level; an alert goes out as red (every enabled channel takes it, whatever its levels). */
  @Column('varchar', { length: 8 })
  level!: SlaLevel;

  /** The channel it was made for (channels are replaced as a whole, so it may be gone). */
  @Column('uuid', { name: 'channel_id' })
  channelId!: string;

  @Column('varchar', { name: 'channel_kind', length: 16 })
  channelKind!: NotificationChannelKind;

  @Column('text', { name: 'webhook_cipher', nullable: true })
  webhookCipher!: string | null;

  @Column('text', { name: 'secret_cipher', nullable: true })
  secretCipher!: string | null;

  @Column('text', { name: 'phones_cipher', nullable: true })
  phonesCipher!: string | null;

  /** The rendered text (case number and unit, no party data). */
  @Column('text')
  message!: string;

  @Column('varchar', { length: 16, default: 'pending' })
  status!: DeliveryStatus;

  /** Attempts started (a claim counts one, so a worker that dies mid-call still uses one up). */
  @Column('integer', { default: 0 })
  attempts!: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  /** The lease: while it holds, no other worker sends this row. */
  @Column('timestamptz', { name: 'claimed_until', nullable: true })
  claimedUntil!: Date | null;

  @Column('varchar', { name: 'claimed_by', length: 100, nullable: true })
  claimedBy!: string | null;

  /** Fresh per claim: only the claim that holds it may record the attempt's outcome. */
  @Column('uuid', { name: 'claim_token', nullable: true })
  claimToken!: string | null;

  @Column('varchar', { name: 'last_error', length: 1000, nullable: true })
  lastError!: string | null;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;
}
