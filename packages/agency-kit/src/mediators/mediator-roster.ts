import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  MediatorRegisteredV1,
  MediatorUpdatedV1,
  type Actor,
  type AgencyKind,
  type MediatorFacts,
  type MediatorView,
  type RegisterMediatorCommand,
  type RegisterMediatorRequest,
  type UpdateMediatorCommand,
  type UpdateMediatorRequest,
} from '@fengqiao/contracts';
import { conflict, notFound } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { maskPhone, PersonalDataCipher } from '@fengqiao/pii';
import { AgencyIdentity } from '../agency-kind';
import { assertKeepsRoster } from './agency-access';
import { Mediator } from './mediator.entity';
import { MediatorQueries } from './mediator-queries';

/**
 * The agency's roster of mediators, kept by its staff: registering and updating one, each with
 * its event. A service that keeps more about its mediators in its own transaction (the lawyer
 * roster) calls `registerIn` / `updateIn` with that transaction's manager.
 */
@Injectable()
export class MediatorRoster {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly cipher: PersonalDataCipher,
    private readonly agency: AgencyIdentity,
    private readonly queries: MediatorQueries,
  ) {}

  register(actor: Actor, input: RegisterMediatorCommand): Promise<MediatorView> {
    const { agencyId, ...fields } = input;
    assertKeepsRoster(actor, agencyId);
    return this.dataSource.transaction(async (m) => {
      const mediator = await this.registerIn(m, actor, agencyId, fields);
      return this.queries.viewOf(m, agencyId, mediator.id);
    });
  }

  /** Adds a mediator to an agency's roster inside the caller's transaction; 409 for an account already on it. */
  async registerIn(
    m: EntityManager,
    actor: Actor,
    agencyId: string,
    input: RegisterMediatorRequest,
  ): Promise<Mediator> {
    if (input.userId) await this.assertAccountFree(m, agencyId, input.userId);
    const mediator = m.create(Mediator, {
      id: randomUUID(),
      agencyId,
      userId: input.userId ?? null,
      name: input.name,
      category: input.category,
      specialties: input.specialties ?? [],
      gold: input.gold ?? false,
      onDuty: input.onDuty ?? true,
      introduction: input.introduction ?? null,
      ...this.phoneColumns(input.phone ?? null),
    });
    await this.saving(() => m.save(mediator), input.userId);
    await this.outbox.add(m, MediatorRegisteredV1, {
      ...mediatorFacts(mediator, this.agency.kind),
      registeredAt: new Date(mediator.createdAt).toISOString(),
      registeredBy: actor,
    });
    return mediator;
  }

  /** Changes what the request names; absent fields stay, a null phone or account is removed. */
  update(actor: Actor, input: UpdateMediatorCommand): Promise<MediatorView> {
    const { agencyId, mediatorId, ...changes } = input;
    assertKeepsRoster(actor, agencyId);
    return this.dataSource.transaction(async (m) => {
      await this.updateIn(m, actor, agencyId, mediatorId, changes);
      return this.queries.viewOf(m, agencyId, mediatorId);
    });
  }

  /** Changes one of the agency's mediators inside the caller's transaction; 404 for anyone else's. */
  async updateIn(
    m: EntityManager,
    actor: Actor,
    agencyId: string,
    mediatorId: string,
    changes: UpdateMediatorRequest,
  ): Promise<Mediator> {
    const { phone, userId, ...fields } = changes;
    const mediator = await m.findOne(Mediator, {
      where: { id: mediatorId, agencyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!mediator) throw notFound('mediator', '调解员', mediatorId);
    if (userId && userId !== mediator.userId) await this.assertAccountFree(m, agencyId, userId);
    Object.assign(mediator, definedOnly(fields));
    if (phone !== undefined) Object.assign(mediator, this.phoneColumns(phone));
    if (userId !== undefined) mediator.userId = userId;
    await this.saving(() => m.save(mediator), userId);
    await this.outbox.add(m, MediatorUpdatedV1, {
      ...mediatorFacts(mediator, this.agency.kind),
      updatedAt: new Date().toISOString(),
      updatedBy: actor,
    });
    return mediator;
  }

  private phoneColumns(phone: string | null) {
    return {
      phoneEncrypted: phone ? this.cipher.encrypt(phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
    };
  }

  private async assertAccountFree(m: EntityManager, agencyId: string, userId: string): Promise<void> {
    if (await m.exists(Mediator, { where: { agencyId, userId } })) throw accountTaken(userId);
  }

  /** The unique index settles a race the check above cannot see. */
  private async saving(save: () => Promise<unknown>, userId?: string | null) {
    try {
      await save();
    } catch (e) {
      if ((e as { code?: string }).code === '23505' && userId) throw accountTaken(userId);
      throw e;
    }
  }
}

/** What MediatorRegisteredV1 and MediatorUpdatedV1 say about a mediator: the roster as it is now. */
export const mediatorFacts = (mediator: Mediator, agencyKind: AgencyKind): MediatorFacts => ({
  mediatorId: mediator.id,
  agencyId: mediator.agencyId,
  agencyKind,
  name: mediator.name,
  category: mediator.category,
  specialties: mediator.specialties,
  gold: mediator.gold,
  onDuty: mediator.onDuty,
});

/** The fields a partial update names (undefined: not named, so unchanged). */
const definedOnly = <T extends object>(fields: T): Partial<T> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;

const accountTaken = (userId: string) =>
  conflict(
    `account ${userId} is already one of this agency's mediators`,
    `账号 ${userId} 已登记为本单位调解员`,
  );
