import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  Actor,
  NotificationChannelInput,
  NotificationChannelView,
  SetNotificationChannelsCommand,
} from '@fengqiao/contracts';
import { unprocessableAll } from '@fengqiao/errors';
import { maskPhone, normalise, PersonalDataCipher } from '@fengqiao/pii';
import { webhookOrigin } from '../adapters/notification-channel';
import { assertRole } from '../roles';
import { NotificationChannelRow } from './channel.entity';
import { channelProblems } from './channel-rules';

/**
 * Channels are the admin's setting, read and written: this service knows units only by id, not the
 * 辖区 a coordinator could be held to.
 */
export const CHANNEL_ADMINS = ['admin'] as const;

const toView = (row: NotificationChannelRow): NotificationChannelView => ({
  id: row.id,
  kind: row.kind,
  ...(row.webhookOrigin ? { webhook: row.webhookOrigin } : {}),
  hasSecret: row.secretCipher !== null,
  ...(row.phonesMasked ? { phones: row.phonesMasked } : {}),
  levels: row.levels,
  enabled: row.enabled,
  updatedAt: row.updatedAt.toISOString(),
});

/** Each agency's channels: replaced as a whole by an admin, shown masked. */
@Injectable()
export class ChannelSettings {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async list(actor: Actor, agencyId: string): Promise<NotificationChannelView[]> {
    assertRole(actor, CHANNEL_ADMINS, 'see notification channels', '查看通知渠道');
    const rows = await this.dataSource
      .getRepository(NotificationChannelRow)
      .find({ where: { agencyId }, order: { position: 'ASC' } });
    return rows.map(toView);
  }

  async set(actor: Actor, command: SetNotificationChannelsCommand): Promise<NotificationChannelView[]> {
    assertRole(actor, CHANNEL_ADMINS, 'set notification channels', '设置通知渠道');
    const problems = channelProblems(command.channels);
    if (problems.length > 0) throw unprocessableAll(problems);
    const now = new Date();
    const rows = command.channels.map((c, position) => this.toRow(c, command.agencyId, position, actor, now));
    await this.dataSource.transaction(async (manager) => {
      // Two admins saving the same agency at once: one after the other, the later one wins whole.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`channels:${command.agencyId}`]);
      await manager.delete(NotificationChannelRow, { agencyId: command.agencyId });
      if (rows.length > 0) await manager.insert(NotificationChannelRow, rows);
    });
    return rows.map(toView);
  }

  private toRow(
    c: NotificationChannelInput,
    agencyId: string,
    position: number,
    actor: Actor,
    now: Date,
  ): NotificationChannelRow {
    const phones = c.phones?.map(normalise);
    return {
      id: randomUUID(),
      agencyId,
      position,
      kind: c.kind,
      webhookCipher: c.webhookUrl ? this.cipher.encrypt(c.webhookUrl) : null,
      webhookOrigin: c.webhookUrl ? webhookOrigin(c.webhookUrl) : null,
      secretCipher: c.secret ? this.cipher.encrypt(c.secret) : null,
      phonesCipher: phones ? this.cipher.encrypt(JSON.stringify(phones)) : null,
      phonesMasked: phones ? phones.map(maskPhone) : null,
      levels: [...c.levels],
      enabled: c.enabled,
      updatedAt: now,
      updatedBy: actor.id,
    };
  }
}
