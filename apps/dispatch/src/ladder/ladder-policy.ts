import type { EntityManager } from 'typeorm';
import type { LadderCode } from '@fengqiao/contracts';
import { unprocessable } from '@fengqiao/errors';
import { ancestorCodes } from '../agencies/jurisdiction.entity';
import { LadderLevel, LadderPolicy } from './ladder.entity';

/** The ladder in force for a jurisdiction: its own policy, else the nearest ancestor's. */
export async function ladderFor(manager: EntityManager, jurisdictionCode: string): Promise<LadderCode> {
  const chain = ancestorCodes(jurisdictionCode);
  const policies = await manager
    .createQueryBuilder(LadderPolicy, 'p')
    .where('p.jurisdiction_code IN (:...chain)', { chain })
    .getMany();
  for (const code of chain) {
    const policy = policies.find((p) => p.jurisdictionCode === code);
    if (policy) return policy.ladderCode;
  }
  // The city's policy is seeded; a jurisdiction outside any city with a policy is a data error.
  throw unprocessable(
    'jurisdictionCode',
    `no escalation ladder is chosen for ${jurisdictionCode} or above it`,
    `辖区 ${jurisdictionCode} 及其上级均未选定调解阶梯`,
  );
}

/** One rung of a ladder; a level the ladder does not have is the caller's error. */
export async function ladderLevel(
  manager: EntityManager,
  ladderCode: LadderCode,
  level: number,
  field = 'level',
): Promise<LadderLevel> {
  const found = await manager.findOneBy(LadderLevel, { ladderCode, level });
  if (!found) {
    throw unprocessable(
      field,
      `ladder ${ladderCode} has no level ${level}`,
      `调解阶梯 ${ladderCode} 没有第 ${level} 级`,
    );
  }
  return found;
}
