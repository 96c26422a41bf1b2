import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WhistleClosedV1, type Actor, type CloseWhistleRequest } from '@fengqiao/contracts';
import { conflict, forbidden } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { caseScopeOf } from '../cases/case-scope';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { beijingTime, Clock } from '../clock';
import { SlaClocks } from '../sla/sla-clocks';
import { loadWhistleForUpdate } from './whistle-access';
import { Whistle } from './whistle.entity';

/**
 * The raiser (or a coordinator over the case's 辖区) confirms the whistle answered. Units that never
 * checked in stay 已召集: they remain on record, and on the 督办 list, as non-responders.
 */
@Injectable()
export class CloseWhistle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly clocks: SlaClocks,
  ) {}

  async execute(actor: Actor, whistleId: string, input: CloseWhistleRequest): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const { whistle, kase, summons } = await loadWhistleForUpdate(m, actor, whistleId);
      const scope = caseScopeOf(actor);
      const coordinatorInScope =
        actor.role === 'coordinator' &&
        scope.kind === 'subtree' &&
        kase.jurisdictionCode.startsWith(scope.prefix);
      if (whistle.raisedById !== actor.id && !coordinatorInScope) {
        throw forbidden(
          `only ${whistle.raisedByName}, who blew the whistle, or a coordinator may close it`,
          `只有吹哨人（${whistle.raisedByName}）或综治中心协调员可以确认办结`,
        );
      }
      if (whistle.status === 'closed') {
        throw conflict(
          `the whistle was already closed at ${beijingTime(whistle.closedAt!)} by ${whistle.closedByName} (status: closed)`,
          `该吹哨已于 ${beijingTime(whistle.closedAt!)} 由${whistle.closedByName}确认办结（当前状态：已办结）`,
        );
      }
      const now = this.clock.now();
      await m.update(
        Whistle,
        { id: whistleId },
        {
          status: 'closed',
          closedAt: now,
          closedById: actor.id,
          closedByName: actor.name,
          closingNote: input.note,
        },
      );
      // Units that never checked in stay on the 督办 list; their clocks end with the whistle.
      await this.clocks.stop(m, { subjectId: whistleId }, ['summons'], 'cancelled', now);
      const silent = summons.filter((s) => s.status === 'summoned').map((s) => s.unit?.name ?? s.unitId);
      await appendTimelineStep(m, {
        caseId: whistle.caseId,
        step: 'whistle_closed',
        summary: `确认吹哨办结：${input.note}${silent.length ? `（未报到：${silent.join('、')}）` : ''}`,
        actor,
        at: now,
      });
      await this.outbox.add(m, WhistleClosedV1, {
        whistleId,
        caseId: whistle.caseId,
        note: input.note,
        closedAt: now.toISOString(),
        closedBy: actor,
      });
    });
  }
}
