import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, DispatchCaseRequest, IssueReferralRequest } from '@fengqiao/contracts';
import { lockCaseForCoordinator } from '../cases/case-scope';
import { Clock } from '../clock';
import { HandOvers } from './hand-over';

/** 派单 by a coordinator: one agency, or a lead with co-handlers at once. */
@Injectable()
export class IssueReferral {
  constructor(
    private readonly dataSource: DataSource,
    private readonly handOvers: HandOvers,
    private readonly clock: Clock,
  ) {}

  /** One referral; the role defaults to lead. Returns its id. */
  async one(actor: Actor, caseId: string, input: IssueReferralRequest): Promise<string> {
    const [id] = await this.dataSource.transaction(async (m) => {
      // Locked, so two coordinators cannot refer it to the same agency at once.
      const kase = await lockCaseForCoordinator(m, actor, caseId);
      const target = { agencyId: input.agencyId, role: input.role ?? 'lead', field: 'agencyId' } as const;
      return this.handOvers.issue(m, actor, kase, [target], input, this.clock.now());
    });
    return id;
  }

  /** A lead and optional co-handlers in one transaction: all are issued, or none. */
  dispatch(actor: Actor, caseId: string, input: DispatchCaseRequest): Promise<string[]> {
    return this.dataSource.transaction(async (m) => {
      const kase = await lockCaseForCoordinator(m, actor, caseId);
      const targets = [
        { agencyId: input.leadAgencyId, role: 'lead' as const, field: 'leadAgencyId' },
        ...(input.coHandlerIds ?? []).map((agencyId, i) => ({
          agencyId,
          role: 'co' as const,
          field: `coHandlerIds[${i}]`,
        })),
      ];
      return this.handOvers.issue(m, actor, kase, targets, input, this.clock.now());
    });
  }
}
