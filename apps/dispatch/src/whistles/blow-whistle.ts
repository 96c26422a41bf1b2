import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  WhistleBlownV1,
  type Actor,
  type BlowWhistleRequest,
  type WhistleUrgency,
} from '@fengqiao/contracts';
import { conflict, forbidden, notFound, unprocessable } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { Agency } from '../agencies/agency.entity';
import { servesPlace } from '../agencies/jurisdiction.entity';
import { Case } from '../cases/case.entity';
import { caseScopeOf, isInCaseScope, unitsInvolvedIn } from '../cases/case-scope';
import { CASE_ENDINGS } from '../cases/case-status';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { DispatchEnv } from '../config';
import { Referral } from '../referrals/referral.entity';
import { beijingTime, Clock } from '../clock';
import { SlaClocks } from '../sla/sla-clocks';
import { Whistle, WhistleSummons } from './whistle.entity';

/** Who may blow a whistle: the grassroots reporter, an agency on the case, or the centre. */
const BLOWERS = ['reporter', 'agency_staff', 'mediator', 'coordinator'];

const URGENCY_ZH: Record<WhistleUrgency, string> = { urgent: '紧急', normal: '一般' };

/** 吹哨: summons units to a case; each must 报到 within the deadline its urgency sets. */
@Injectable()
export class BlowWhistle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly config: DispatchEnv,
    private readonly clocks: SlaClocks,
  ) {}

  /** The 报到 deadline for a whistle blown at `at` (wall-clock minutes or hours, from config). */
  respondBy(urgency: WhistleUrgency, at: Date): Date {
    const ms =
      urgency === 'urgent'
        ? this.config.WHISTLE_RESPOND_URGENT_MINUTES * 60_000
        : this.config.WHISTLE_RESPOND_NORMAL_HOURS * 3_600_000;
    return new Date(at.getTime() + ms);
  }

  async execute(actor: Actor, caseId: string, input: BlowWhistleRequest): Promise<string> {
    if (!BLOWERS.includes(actor.role)) {
      throw forbidden(`the ${actor.role} role may not blow a whistle`, '当前角色不能吹哨');
    }
    return this.dataSource.transaction(async (m) => {
      // Shared lock: the case cannot be closed under a whistle being blown on it.
      const kase = await m.findOne(Case, { where: { id: caseId }, lock: { mode: 'pessimistic_read' } });
      if (!kase || !(await this.inScope(m, actor, kase))) throw notFound('case', '案件', caseId);
      if (CASE_ENDINGS.includes(kase.status)) {
        throw conflict(
          `case ${kase.caseNumber} is ${kase.status}; a closed case takes no whistle`,
          `案件 ${kase.caseNumber} 已结案（${kase.status}），不能吹哨`,
        );
      }
      const units = await this.summonedUnits(m, actor, kase, input.unitIds);
      const now = this.clock.now();
      const respondBy = this.respondBy(input.urgency, now);
      const raisedByUnit = actor.agencyId ? await m.findOneBy(Agency, { id: actor.agencyId }) : null;
      const id = randomUUID();
      await m.insert(Whistle, {
        id,
        caseId,
        urgency: input.urgency,
        reason: input.reason,
        status: 'open',
        raisedById: actor.id,
        raisedByName: actor.name,
        raisedByRole: actor.role,
        raisedByUnitId: raisedByUnit?.id ?? null,
        blownAt: now,
        respondBy,
        closedAt: null,
        closedById: null,
        closedByName: null,
        closingNote: null,
      });
      await m.insert(
        WhistleSummons,
        units.map((u, position) => ({
          whistleId: id,
          unitId: u.id,
          caseId,
          position,
          status: 'summoned' as const,
          respondBy,
        })),
      );
      // Each summoned unit owes its 报到 by the whistle's deadline.
      for (const unit of units)
        await this.clocks.startWithDeadline(
          m,
          'summons',
          { subjectId: id, agency: unit },
          kase,
          now,
          respondBy,
        );
      await appendTimelineStep(m, {
        caseId,
        step: 'whistle_blown',
        summary:
          `吹哨（${URGENCY_ZH[input.urgency]}）：召集${units.map((u) => u.name).join('、')}，` +
          `须于 ${beijingTime(respondBy)} 前报到。事由：${input.reason}`,
        actor,
        agency: raisedByUnit ?? undefined,
        at: now,
      });
      await this.outbox.add(m, WhistleBlownV1, {
        whistleId: id,
        caseId,
        caseNumber: kase.caseNumber,
        urgency: input.urgency,
        summonedUnitIds: units.map((u) => u.id),
        respondBy: respondBy.toISOString(),
        blownAt: now.toISOString(),
        blownBy: actor,
      });
      return id;
    });
  }

  /** Reporters and coordinators within their 辖区; agencies on cases referred to them (or they are already on). */
  private async inScope(m: EntityManager, actor: Actor, kase: Case): Promise<boolean> {
    const scope = caseScopeOf(actor);
    if (scope.kind !== 'agency') return isInCaseScope(scope, kase.jurisdictionCode, []);
    const referrals = await m.find(Referral, { where: { caseId: kase.id }, select: { agencyId: true } });
    return isInCaseScope(
      scope,
      kase.jurisdictionCode,
      referrals.map((r) => r.agencyId),
      await unitsInvolvedIn(m, kase.id),
    );
  }

  /** The summoned units in the order given: each exists, serves the case's place, and is not the raiser's own. */
  private async summonedUnits(
    m: EntityManager,
    actor: Actor,
    kase: Case,
    unitIds: string[],
  ): Promise<Agency[]> {
    const found = await m.findBy(Agency, { id: In(unitIds) });
    return unitIds.map((unitId, i) => {
      const field = `unitIds[${i}]`;
      if (actor.agencyId && unitId === actor.agencyId) {
        throw unprocessable(field, 'is your own unit; summon other units', '不能召集本单位');
      }
      const unit = found.find((a) => a.id === unitId);
      if (!unit) throw unprocessable(field, `no unit ${unitId}`, `单位 ${unitId} 不存在`);
      if (!servesPlace(unit.jurisdictionCode, kase.jurisdictionCode)) {
        throw unprocessable(
          field,
          `${unit.name} does not serve the case's jurisdiction ${kase.jurisdictionCode} (it is neither there, above it nor inside it)`,
          `${unit.name}不属于案件所在辖区 ${kase.jurisdictionCode} 及其上下级`,
        );
      }
      return unit;
    });
  }
}
