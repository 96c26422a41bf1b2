import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { NotificationChannelKind, SlaLevel } from '@fengqiao/contracts';

/**
 * Where one unit receives its SLA warnings and breaches. The webhook (its query holds the robot's
 * token), the DingTalk secret and the phones are stored only encrypted (PersonalDataCipher); the
 * masked forms beside them are what lists show.
 */
@Entity({ name: 'channels' })
@Index('channels_agency_position', ['agencyId', 'position'], { unique: true })
export class NotificationChannelRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'agency_id' })
  agencyId!: string;

  /** Its place in the list the admin set. */
  @Column('smallint')
  position!: number;

  @Column('varchar', { length: 16 })
  kind!: NotificationChannelKind;

  @Column('text', { name: 'webhook_cipher', nullable: true })
  webhookCipher!: string | null;

  /** Scheme and host only, e.g. `https://oapi.dingtalk.com`. */
  @Column('varchar', { name: 'webhook_origin', length: 300, nullable: true })
  webhookOrigin!: string | null;

  @Column('text', { name: 'secret_cipher', nullable: true })
  secretCipher!: string | null;

  /** The phones as one encrypted JSON array. */
  @Column('text', { name: 'phones_cipher', nullable: true })
  phonesCipher!: string | null;

  @Column('varchar', { name: 'phones_masked', array: true, length: 16, nullable: true })
  phonesMasked!: string[] | null;

  @Column('varchar', { array: true, length: 8 })
  levels!: SlaLevel[];

  @Column('boolean')
  enabled!: boolean;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;

  /** The admin's actor id. */
  @Column('varchar', { name: 'updated_by', length: 64 })
  updatedBy!: string;
}
