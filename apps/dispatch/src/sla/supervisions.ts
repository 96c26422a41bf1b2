import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  SupervisionClosedV1,
  type Actor,
  type CloseSupervisionCommand,
  type SupervisionView,
} from '@fengqiao/contracts';
import { conflict, notFound } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { Case } from '../cases/case.entity';
import { caseScopeOf, isInCaseScope } from '../cases/case-scope';
import { Clock } from '../clock';
import { assertRole } from '../roles';
import { SlaQueries } from './sla-queries';
import { Supervision } from './supervision.entity';

/** 督办 closes when the coordinator records what was done about the breach. */
@Injectable()
export class CloseSupervision {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly queries: SlaQueries,
    private readonly time: Clock,
  ) {}

  async execute(actor: Actor, cmd: CloseSupervisionCommand): Promise<SupervisionView> {
    assertRole(actor, ['coordinator'], 'close a 督办 record', '办结督办');
    const closed = await this.dataSource.transaction(async (m) => {
      const v = await m.findOne(Supervision, {
        where: { id: cmd.supervisionId },
        lock: { mode: 'pessimistic_write' },
      });
      const kase = v ? await m.findOneBy(Case, { id: v.caseId }) : null;
      if (!v || !kase || !isInCaseScope(caseScopeOf(actor), kase.jurisdictionCode, [])) {
        throw notFound('督办 record', '督办', cmd.supervisionId);
      }
      if (v.status === 'closed') throw conflict('the 督办 record is already closed', '该督办已办结');
      const now = this.time.now();
      Object.assign(v, { status: 'closed', closedAt: now, closedByName: actor.name, closingNote: cmd.note });
      await m.update(
        Supervision,
        { id: v.id },
        { status: 'closed', closedAt: now, closedByName: actor.name, closingNote: cmd.note },
      );
      await this.outbox.add(m, SupervisionClosedV1, {
        supervisionId: v.id,
        caseId: v.caseId,
        note: cmd.note,
        closedAt: now.toISOString(),
        closedBy: actor,
      });
      return v;
    });
    const [view] = await this.queries.supervisionViews([closed]);
    return view;
  }
}
