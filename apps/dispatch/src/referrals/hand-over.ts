import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  ReferralIssuedV1,
  type Actor,
  type AgencyKind,
  type HandOverOptions,
  type ReferralRole,
} from '@fengqiao/contracts';
import { conflict, unprocessable } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { Agency } from '../agencies/agency.entity';
import { Jurisdiction, servesPlace } from '../agencies/jurisdiction.entity';
import type { Case } from '../cases/case.entity';
import { CASE_ENDINGS, changeCaseStatus } from '../cases/case-status';
import { appendTimelineStep } from '../cases/timeline-entry.entity';
import { ladderLevel } from '../ladder/ladder-policy';
import { RoutingMatrix } from '../routing/routing-matrix';
import { SlaClocks } from '../sla/sla-clocks';
import { OPEN_REFERRAL, Referral } from './referral.entity';

/** One agency to hand the case to, and the request field that named it (for errors). */
export interface HandOverTarget {
  agencyId: string;
  role: ReferralRole;
  field: string;
}

/** What dispatch itself may add to a hand-over, never a caller's request: the settlement it reopens. */
export interface HandOverLink {
  reopenedFromReferralId?: string;
}

const ROLE_ZH: Record<ReferralRole, string> = { lead: '主办', co: '协办' };

/**
 * 派单, the one place referrals are issued (by a coordinator, a transfer or the auto-dispatch
 * policy): checks each target against the case, the ladder and the responsibility matrix, then
 * writes the referrals, the timeline and the events in the caller's transaction, on a locked case.
 */
@Injectable()
export class HandOvers {
  constructor(
    private readonly outbox: Outbox,
    private readonly matrix: RoutingMatrix,
    private readonly clocks: SlaClocks,
  ) {}

  async issue(
    m: EntityManager,
    actor: Pick<Actor, 'id' | 'name'> & Partial<Actor>,
    kase: Case,
    targets: HandOverTarget[],
    options: HandOverOptions & HandOverLink,
    now: Date,
  ): Promise<string[]> {
    if (CASE_ENDINGS.includes(kase.status)) {
      throw conflict(
        `case ${kase.caseNumber} is ${kase.status}; it cannot be referred`,
        `案件 ${kase.caseNumber} 已结案，不能再派单`,
      );
    }
    const agencies = await m.findBy(Agency, { id: In(targets.map((t) => t.agencyId)) });
    const open = await m.find(Referral, {
      where: { caseId: kase.id, status: In([...OPEN_REFERRAL]) },
      relations: { agency: true },
    });
    const version = await this.matrix.currentVersion(m);
    const node = await m.findOneByOrFail(Jurisdiction, { code: kase.jurisdictionCode });
    const entries = await this.matrix.entriesFor(m, version, kase.disputeType, node.level);
    const rung = await ladderLevel(m, kase.ladderCode, kase.ladderLevel);
    const ids: string[] = [];
    for (const target of targets) {
      const agency = agencies.find((a) => a.id === target.agencyId);
      if (!agency) {
        throw unprocessable(target.field, `no agency ${target.agencyId}`, `单位 ${target.agencyId} 不存在`);
      }
      if (agency.kind === 'department') {
        throw unprocessable(
          target.field,
          `${agency.name} is a department: departments are summoned by a whistle or a joint conference, not referred`,
          `${agency.name}为职能部门，应通过吹哨或联席会议派发任务，不能直接派单`,
        );
      }
      const kind = agency.kind as AgencyKind;
      if (open.some((r) => r.agencyId === agency.id)) {
        throw conflict(
          `case ${kase.caseNumber} already has an open referral to ${agency.name}`,
          `案件 ${kase.caseNumber} 已派给${agency.name}，尚未办结`,
        );
      }
      const openLead = open.find((r) => r.role === 'lead');
      if (target.role === 'lead' && openLead) {
        throw conflict(
          `case ${kase.caseNumber} already has an open lead referral to ${openLead.agency?.name}; transfer it instead`,
          `案件 ${kase.caseNumber} 已有主办单位${openLead.agency?.name ?? ''}，如需更换请转办`,
        );
      }
      this.checkPlace(kase, agency, target, options);
      if (rung.mode === 'parties_choose_lawyer' && target.role === 'lead') {
        this.checkPartiesChoice(kase, agency, target, options, rung.nameZh);
      } else if (!rung.unitKinds.includes(kind)) {
        // The rung of the ladder the jurisdiction chose names who mediates at it; otherwise the matrix decides.
        this.checkMatrix(entries, kind, kase, target, options, version);
      }
      const id = randomUUID();
      await m.insert(Referral, {
        id,
        caseId: kase.id,
        agencyId: agency.id,
        agencyKind: kind,
        role: target.role,
        status: 'issued',
        ladderLevel: kase.ladderLevel,
        matrixVersion: version,
        matrixOverrideReason:
          this.outsideMatrix(entries, kind, target.role) && !rung.unitKinds.includes(kind)
            ? (options.overrideReason ?? null)
            : null,
        issueNote: options.note ?? null,
        reopenedFromReferralId: options.reopenedFromReferralId ?? null,
        outcome: null,
        closingNote: null,
        issuedAt: now,
        issuedById: actor.id,
        acceptedAt: null,
        closedAt: null,
      });
      await appendTimelineStep(m, {
        caseId: kase.id,
        step: 'referral_issued',
        summary: `派单至${agency.name}（${ROLE_ZH[target.role]}）${options.chosenByParties ? '，当事人自主选择' : ''}${options.reopenedFromReferralId ? '，反弹重开' : ''}`,
        actor,
        agency,
        referralId: id,
        at: now,
      });
      await this.outbox.add(m, ReferralIssuedV1, {
        referralId: id,
        caseId: kase.id,
        caseNumber: kase.caseNumber,
        caseTitle: kase.title,
        disputeType: kase.disputeType,
        jurisdictionCode: kase.jurisdictionCode,
        agencyId: agency.id,
        agencyKind: kind,
        note: options.note,
        role: target.role,
        riskLevel: kase.riskLevel,
        violenceRisk: kase.violenceRisk,
        ladderLevel: kase.ladderLevel,
        reopenedFromReferralId: options.reopenedFromReferralId,
        issuedAt: now.toISOString(),
        issuedBy: { id: actor.id, name: actor.name, role: actor.role ?? 'system' },
      });
      // 签收 is owed from this moment.
      await this.clocks.startFromPolicy(
        m,
        'accept',
        { subjectId: id, agency: { ...agency, kind } },
        kase,
        now,
      );
      open.push(Object.assign(new Referral(), { agencyId: agency.id, role: target.role, agency }));
      ids.push(id);
    }
    if (kase.status === 'registered' || kase.status === 'unresolved') {
      await changeCaseStatus(
        m,
        this.outbox,
        kase,
        'referred',
        `referred to ${targets.length} agency(ies)`,
        now,
      );
    }
    return ids;
  }

  private outsideMatrix(
    entries: { agencyKind: AgencyKind; role: ReferralRole }[],
    kind: AgencyKind,
    role: ReferralRole,
  ): boolean {
    const entry = entries.find((e) => e.agencyKind === kind);
    // A kind the matrix names as co-handler may not lead; a lead kind may also co-handle.
    return !entry || (role === 'lead' && entry.role !== 'lead');
  }

  /** The agency must serve the case's place: its jurisdiction, a node above it, or one inside it. */
  private checkPlace(kase: Case, agency: Agency, target: HandOverTarget, options: HandOverOptions): void {
    if (!servesPlace(agency.jurisdictionCode, kase.jurisdictionCode) && !options.overrideReason) {
      throw unprocessable(
        target.field,
        `${agency.name} serves ${agency.jurisdictionCode}, which is not the case's jurisdiction ${kase.jurisdictionCode} or above it; give overrideReason to dispatch there anyway`,
        `${agency.name}不在案件所在辖区 ${kase.jurisdictionCode} 或其上级，如确需派单请填写 overrideReason`,
      );
    }
  }

  private checkMatrix(
    entries: { agencyKind: AgencyKind; role: ReferralRole }[],
    kind: AgencyKind,
    kase: Case,
    target: HandOverTarget,
    options: HandOverOptions,
    version: number,
  ): void {
    if (!this.outsideMatrix(entries, kind, target.role) || options.overrideReason) return;
    const allowed = entries
      .filter((e) => target.role === 'co' || e.role === 'lead')
      .map((e) => e.agencyKind)
      .join(', ');
    throw unprocessable(
      target.field,
      `the routing matrix (v${version}) does not let a ${kind} agency ${target.role === 'lead' ? 'lead' : 'co-handle'} a ${kase.disputeType} dispute here (allowed: ${allowed || 'none'}); give overrideReason to dispatch anyway`,
      `派单责任矩阵（第 ${version} 版）未规定${kind}类单位${ROLE_ZH[target.role]}此类纠纷（允许：${allowed || '无'}），如确需派单请填写 overrideReason`,
    );
  }

  /** 律师介入调: the lead is a lawyer from the published list, and the parties chose them. */
  private checkPartiesChoice(
    kase: Case,
    agency: Agency,
    target: HandOverTarget,
    options: HandOverOptions,
    levelName: string,
  ): void {
    if (agency.kind !== 'lawyer' || !agency.published) {
      throw unprocessable(
        target.field,
        `at level ${kase.ladderLevel} (${levelName}) the lead is a lawyer from the published list; ${agency.name} is not on it`,
        `第 ${kase.ladderLevel} 级（${levelName}）须由名录中的律师主办，${agency.name}不在名录中`,
      );
    }
    if (!options.chosenByParties) {
      throw unprocessable(
        'chosenByParties',
        `at level ${kase.ladderLevel} (${levelName}) the parties choose the lawyer themselves: confirm with chosenByParties`,
        `第 ${kase.ladderLevel} 级（${levelName}）由当事人自主选择律师，请确认 chosenByParties`,
      );
    }
  }
}
