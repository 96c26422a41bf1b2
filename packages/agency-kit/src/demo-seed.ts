import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import type { MediatorCategory } from '@fengqiao/contracts';
import { maskPhone, type PersonalDataCipher } from '@fengqiao/pii';
import { Mediator } from './mediators/mediator.entity';

/**
 * Inserts the rows that are not there yet (ON CONFLICT DO NOTHING), so a demo seed can run again
 * and change nothing, even what was edited through the API since. Answers how many it inserted:
 * RETURNING lists only those.
 */
export async function insertMissing<T extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<number> {
  if (!rows.length) return 0;
  const keys = m.getRepository(entity).metadata.primaryColumns.map((c) => c.databaseName);
  const result = await m
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(rows)
    .orIgnore()
    .returning(keys)
    .execute();
  return (result.raw as unknown[]).length;
}

/** A mediator of a demo seed, with its (made-up) phone in clear. */
export interface DemoMediator {
  id: string;
  agencyId: string;
  name: string;
  category: MediatorCategory;
  specialties: string[];
  gold?: boolean;
  phone: string;
  introduction: string;
}

/**
 * Puts the demo mediators not on their agency's roster yet onto it: on duty, without an account,
 * the phone kept as the roster keeps it (encrypted and masked). Answers how many it added.
 */
export function insertMissingMediators(
  m: EntityManager,
  cipher: PersonalDataCipher,
  mediators: DemoMediator[],
): Promise<number> {
  return insertMissing(
    m,
    Mediator,
    mediators.map(({ phone, gold, ...rest }) => ({
      ...rest,
      gold: gold ?? false,
      onDuty: true,
      userId: null,
      phoneEncrypted: cipher.encrypt(phone),
      phoneMasked: maskPhone(phone),
    })),
  );
}
