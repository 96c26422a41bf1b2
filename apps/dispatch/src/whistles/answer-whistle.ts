import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  WhistleRespondedV1,
  WhistleSupportReportedV1,
  type Actor,
  type ReportWhistleSupportRequest,
  type RespondToWhistleRequest,
} from '@fengqiao/contracts';
import { conflict, forbidden } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import type { Agency } from '../agencies/agency.entity';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { beijingTime, Clock, formatDuration } from '../clock';
import { SlaClocks } from '../sla/sla-clocks';
import { loadWhistleForUpdate, SUMMONS_STATUS_ZH } from './whistle-access';
import { WhistleSummons, type Whistle } from './whistle.entity';

const AGENCY_ROLES = ['agency_staff', 'mediator'];

/** A summoned unit answers: 报到 (check in) first, then 支援 (what it did); each once, in that order. */
@Injectable()
export class AnswerWhistle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly clocks: SlaClocks,
  ) {}

  /** 报到: records when the unit checked in, how long it took, and whether it was late. */
  async respond(actor: Actor, whistleId: string, input: RespondToWhistleRequest): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const { whistle, summons } = await this.ownSummons(m, actor, whistleId);
      const unit = summons.unit!;
      if (summons.status !== 'summoned') {
        throw conflict(
          `${unit.name} already checked in at ${beijingTime(summons.respondedAt!)} (status: ${summons.status})`,
          `${unit.name}已于 ${beijingTime(summons.respondedAt!)} 报到，不能重复报到（当前状态：${SUMMONS_STATUS_ZH[summons.status]}）`,
        );
      }
      const now = this.clock.now();
      const responseSeconds = Math.max(0, Math.floor((now.getTime() - whistle.blownAt.getTime()) / 1000));
      const late = now.getTime() > whistle.respondBy.getTime();
      await this.clocks.stop(m, { subjectId: whistleId, agencyId: unit.id }, ['summons'], 'done', now);
      await m.update(
        WhistleSummons,
        { whistleId, unitId: unit.id },
        {
          status: 'responded',
          respondedAt: now,
          respondedById: actor.id,
          respondedByName: actor.name,
          responseSeconds,
          late,
          responseNote: input.note ?? null,
        },
      );
      await appendTimelineStep(m, {
        caseId: whistle.caseId,
        step: 'whistle_responded',
        summary:
          `${unit.name}报到，用时${formatDuration(responseSeconds)}${late ? '（超时）' : ''}` +
          (input.note ? `。${input.note}` : ''),
        actor,
        agency: unit,
        at: now,
      });
      await this.outbox.add(m, WhistleRespondedV1, {
        whistleId,
        caseId: whistle.caseId,
        unitId: unit.id,
        responseSeconds,
        late,
        respondedAt: now.toISOString(),
        respondedBy: actor,
      });
    });
  }

  /** 支援: what the unit did, once it has checked in. */
  async reportSupport(actor: Actor, whistleId: string, input: ReportWhistleSupportRequest): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const { whistle, summons } = await this.ownSummons(m, actor, whistleId);
      const unit = summons.unit!;
      if (summons.status === 'summoned') {
        throw conflict(
          `${unit.name} has not checked in yet; check in (respond) before reporting support (status: summoned)`,
          `${unit.name}尚未报到，须先报到再报告支援（当前状态：${SUMMONS_STATUS_ZH.summoned}）`,
        );
      }
      if (summons.status === 'supported') {
        throw conflict(
          `${unit.name} already reported its support at ${beijingTime(summons.supportedAt!)} (status: supported)`,
          `${unit.name}已于 ${beijingTime(summons.supportedAt!)} 报告支援，不能重复报告（当前状态：${SUMMONS_STATUS_ZH.supported}）`,
        );
      }
      const now = this.clock.now();
      await m.update(
        WhistleSummons,
        { whistleId, unitId: unit.id },
        {
          status: 'supported',
          supportReport: input.report,
          supportedAt: now,
          supportedById: actor.id,
          supportedByName: actor.name,
        },
      );
      await appendTimelineStep(m, {
        caseId: whistle.caseId,
        step: 'whistle_support_reported',
        summary: `${unit.name}支援：${input.report}`,
        actor,
        agency: unit,
        at: now,
      });
      await this.outbox.add(m, WhistleSupportReportedV1, {
        whistleId,
        caseId: whistle.caseId,
        unitId: unit.id,
        report: input.report,
        reportedAt: now.toISOString(),
        reportedBy: actor,
      });
    });
  }

  /** The caller's own unit's summons on an open whistle: only the summoned unit's staff answer it. */
  private async ownSummons(
    m: EntityManager,
    actor: Actor,
    whistleId: string,
  ): Promise<{ whistle: Whistle; summons: WhistleSummons & { unit: Agency } }> {
    const { whistle, summons } = await loadWhistleForUpdate(m, actor, whistleId);
    const own = summons.find((s) => s.unitId === actor.agencyId);
    if (!AGENCY_ROLES.includes(actor.role) || !own || !own.unit) {
      throw forbidden(
        'only the staff of a unit this whistle summons can answer it',
        '只有被召集单位的工作人员才能报到或报告支援',
      );
    }
    if (whistle.status === 'closed') {
      throw conflict(
        `the whistle was closed at ${beijingTime(whistle.closedAt!)}; it takes no more answers (status: closed)`,
        `该吹哨已于 ${beijingTime(whistle.closedAt!)} 确认办结，不再接受报到或支援（当前状态：已办结）`,
      );
    }
    return { whistle, summons: own as WhistleSummons & { unit: Agency } };
  }
}
