import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor, DispatchPolicyView, SetDispatchPolicyCommand } from '@fengqiao/contracts';
import { unprocessable } from '@fengqiao/errors';
import { ancestorCodes, Jurisdiction, toStoredCode } from '../agencies/jurisdiction.entity';
import { assertRole } from '../roles';
import { DispatchPolicy } from './dispatch-policy.entity';

const toView = (p: DispatchPolicy): DispatchPolicyView => ({
  jurisdictionCode: p.jurisdictionCode,
  autoDispatch: p.autoDispatch,
  maxRiskLevel: p.maxRiskLevel,
  minConfidence: p.minConfidence,
  minMargin: p.minMargin,
  updatedAt: p.updatedAt.toISOString(),
});

/** 自动派单 policies per jurisdiction: data an admin edits, the nearest one up the tree applies. */
@Injectable()
export class DispatchPolicies {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<DispatchPolicyView[]> {
    const rows = await this.dataSource
      .getRepository(DispatchPolicy)
      .find({ order: { jurisdictionCode: 'ASC' } });
    return rows.map(toView);
  }

  async set(actor: Actor, input: SetDispatchPolicyCommand): Promise<DispatchPolicyView> {
    assertRole(actor, ['admin'], 'set dispatch policies', '设置自动派单规则');
    const code = toStoredCode(input.jurisdictionCode);
    if (!(await this.dataSource.getRepository(Jurisdiction).existsBy({ code }))) {
      throw unprocessable(
        'jurisdictionCode',
        `no jurisdiction ${input.jurisdictionCode}`,
        `辖区 ${input.jurisdictionCode} 不存在`,
      );
    }
    const row = {
      jurisdictionCode: code,
      autoDispatch: input.autoDispatch,
      maxRiskLevel: input.maxRiskLevel,
      minConfidence: input.minConfidence,
      minMargin: input.minMargin,
      updatedAt: new Date(),
      updatedById: actor.id,
    };
    await this.dataSource.getRepository(DispatchPolicy).upsert(row, ['jurisdictionCode']);
    return toView(Object.assign(new DispatchPolicy(), row));
  }

  /** The policy in force for a jurisdiction: its own, else the nearest ancestor's; none means manual. */
  async for(m: EntityManager, jurisdictionCode: string): Promise<DispatchPolicy | null> {
    const chain = ancestorCodes(jurisdictionCode);
    const rows = await m.findBy(DispatchPolicy, { jurisdictionCode: In(chain) });
    return chain.map((c) => rows.find((r) => r.jurisdictionCode === c)).find(Boolean) ?? null;
  }
}
