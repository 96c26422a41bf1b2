import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  SlaPolicyPublishedV1,
  SLA_URGENCIES,
  type Actor,
  type AgencyKind,
  type PublishSlaPolicyRequest,
  type SlaPolicyKind,
  type SlaPolicyRuleInput,
  type SlaPolicyRuleView,
  type SlaPolicyView,
  type SlaUnit,
  type SlaUrgency,
} from '@fengqiao/contracts';
import { notFound, unprocessable, unprocessableAll, type FieldProblem } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { DisputeType } from '../cases/dispute-type.entity';
import { SCHEMA } from '../config';
import { assertRole } from '../roles';
import { SlaPolicyRule, SlaPolicyVersion } from './sla-policy.entity';

/** The target a rule sets for one clock kind. */
export interface PolicyTarget {
  amount: number;
  unit: SlaUnit;
}

const TARGET_COLUMNS: Record<SlaPolicyKind, { amount: keyof SlaPolicyRule; unit: keyof SlaPolicyRule }> = {
  accept: { amount: 'acceptAmount', unit: 'acceptUnit' },
  first_contact: { amount: 'firstContactAmount', unit: 'firstContactUnit' },
  resolve: { amount: 'resolveAmount', unit: 'resolveUnit' },
  follow_up: { amount: 'followUpAmount', unit: 'followUpUnit' },
};

export const targetOf = (rule: SlaPolicyRule, kind: SlaPolicyKind): PolicyTarget => ({
  amount: rule[TARGET_COLUMNS[kind].amount] as number,
  unit: rule[TARGET_COLUMNS[kind].unit] as SlaUnit,
});

/** 紧急 for a case of 重大/特别重大 risk or with 民转刑 risk. */
export const urgencyOf = (kase: { riskLevel: string; violenceRisk: boolean }): SlaUrgency =>
  kase.violenceRisk || kase.riskLevel === 'major' || kase.riskLevel === 'especially_major'
    ? 'urgent'
    : 'normal';

/**
 * The SLA policy: time targets, warning thresholds and breach actions per dispute type × urgency ×
 * agency kind, as versioned data. The most specific rule wins: type and kind, then type, then kind,
 * then the catch-all every urgency must have.
 */
@Injectable()
export class SlaPolicies {
  private readonly published = new Map<number, SlaPolicyRule[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async currentVersion(m: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = (await m.query(`SELECT max(version) AS v FROM ${SCHEMA}.sla_policy_versions`)) as {
      v: number | null;
    }[];
    if (!row?.v) throw unprocessable('policy', 'no SLA policy has been published', '尚未发布时限规则');
    return row.v;
  }

  /** The rule of `version` that applies to a case of this type and urgency at an agency of this kind. */
  async ruleFor(
    m: EntityManager,
    version: number,
    disputeType: string,
    urgency: SlaUrgency,
    agencyKind: string,
  ): Promise<SlaPolicyRule> {
    const rule = matchRule(await this.rulesOf(m, version), disputeType, urgency, agencyKind);
    // Publishing refuses a version without a catch-all per urgency, so this is a broken database.
    if (!rule) throw new Error(`SLA policy v${version} has no rule for ${urgency}`);
    return rule;
  }

  /** Every rule of a version. Versions are never edited, so every replica may keep them once read. */
  async rulesOf(m: EntityManager, version: number): Promise<SlaPolicyRule[]> {
    let rules = this.published.get(version);
    if (!rules) {
      rules = await m.findBy(SlaPolicyRule, { version });
      if (rules.length > 0) this.published.set(version, rules);
    }
    return rules;
  }

  async get(version?: number): Promise<SlaPolicyView> {
    const m = this.dataSource.manager;
    const v = version ?? (await this.currentVersion(m));
    const head = await m.findOneBy(SlaPolicyVersion, { version: v });
    if (!head) throw notFound('SLA policy version', '时限规则版本', String(v));
    const rules = await m.find(SlaPolicyRule, {
      where: { version: v },
      order: { urgency: 'ASC', disputeType: 'ASC', agencyKind: 'ASC' },
    });
    return {
      version: head.version,
      publishedAt: head.publishedAt.toISOString(),
      publishedByName: head.publishedByName,
      note: head.note,
      rules: rules.map(ruleView),
    };
  }

  /** Publishes a whole new version; running clocks keep the version they started under. */
  async publish(actor: Actor, input: PublishSlaPolicyRequest): Promise<SlaPolicyView> {
    assertRole(actor, ['admin'], 'publish the SLA policy', '发布时限规则');
    await this.check(this.dataSource.manager, input.rules);
    const version = await this.dataSource.transaction(async (m) => {
      await m.query(`LOCK TABLE ${SCHEMA}.sla_policy_versions IN EXCLUSIVE MODE`);
      const [row] = (await m.query(
        `SELECT coalesce(max(version), 0) + 1 AS v FROM ${SCHEMA}.sla_policy_versions`,
      )) as { v: number }[];
      const now = new Date();
      await m.insert(SlaPolicyVersion, {
        version: row.v,
        note: input.note,
        publishedAt: now,
        publishedById: actor.id,
        publishedByName: actor.name,
      });
      await m.insert(
        SlaPolicyRule,
        input.rules.map((r) => ruleRow(row.v, r)),
      );
      await this.outbox.add(m, SlaPolicyPublishedV1, {
        version: row.v,
        rules: input.rules.length,
        note: input.note,
        publishedAt: now.toISOString(),
        publishedBy: actor,
      });
      return row.v;
    });
    return this.get(version);
  }

  /** Every problem at once, each naming `rules[i].field`, so an admin fixes a table in one go. */
  async check(m: EntityManager, rules: SlaPolicyRuleInput[]): Promise<void> {
    const problems: FieldProblem[] = [];
    const types = new Set(
      (
        await m.findBy(DisputeType, {
          code: In(rules.flatMap((r) => (r.disputeType ? [r.disputeType] : []))),
        })
      ).map((t) => t.code),
    );
    const seen = new Map<string, number>();
    rules.forEach((r, i) => {
      if (r.disputeType && !types.has(r.disputeType)) {
        problems.push({
          field: `rules[${i}].disputeType`,
          reason: `no dispute type ${r.disputeType}`,
          reasonZh: `纠纷类型 ${r.disputeType} 不存在`,
        });
      }
      const ascending = r.thresholds.every((p, j) => j === 0 || p > r.thresholds[j - 1]);
      if (!ascending || r.thresholds[r.thresholds.length - 1] !== 100) {
        problems.push({
          field: `rules[${i}].thresholds`,
          reason: 'thresholds must ascend and end with 100 (the deadline itself)',
          reasonZh: '预警阈值须由小到大排列，且以 100（到期）结尾',
        });
      }
      const key = `${r.urgency}|${r.disputeType ?? ''}|${r.agencyKind ?? ''}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({
          field: `rules[${i}]`,
          reason: `the same type, urgency and agency kind as rules[${first}]`,
          reasonZh: `与 rules[${first}] 的纠纷类型、紧急程度和单位类别相同`,
        });
      } else seen.set(key, i);
    });
    for (const urgency of SLA_URGENCIES) {
      if (!seen.has(`${urgency}||`)) {
        problems.push({
          field: 'rules',
          reason: `a catch-all rule (any type, any agency kind) is needed for urgency ${urgency}`,
          reasonZh: `须为“${urgency === 'urgent' ? '紧急' : '一般'}”设一条不限纠纷类型、不限单位类别的兜底规则`,
        });
      }
    }
    if (problems.length > 0) throw unprocessableAll(problems);
  }
}

/** The most specific rule: type and kind, then type, then kind, then the catch-all. */
export function matchRule<R extends Pick<SlaPolicyRule, 'disputeType' | 'urgency' | 'agencyKind'>>(
  rules: readonly R[],
  disputeType: string,
  urgency: SlaUrgency,
  agencyKind: string,
): R | undefined {
  let best: R | undefined;
  let bestRank = -1;
  for (const r of rules) {
    if (r.urgency !== urgency) continue;
    if (r.disputeType !== '' && r.disputeType !== disputeType) continue;
    if (r.agencyKind !== '' && r.agencyKind !== agencyKind) continue;
    const rank = (r.disputeType !== '' ? 2 : 0) + (r.agencyKind !== '' ? 1 : 0);
    if (rank > bestRank) [best, bestRank] = [r, rank];
  }
  return best;
}

export function ruleRow(version: number, r: SlaPolicyRuleInput): Omit<SlaPolicyRule, 'id'> {
  return {
    version,
    disputeType: r.disputeType ?? '',
    urgency: r.urgency,
    agencyKind: (r.agencyKind ?? '') as AgencyKind | '',
    acceptAmount: r.accept.amount,
    acceptUnit: r.accept.unit,
    firstContactAmount: r.firstContact.amount,
    firstContactUnit: r.firstContact.unit,
    resolveAmount: r.resolve.amount,
    resolveUnit: r.resolve.unit,
    followUpAmount: r.followUp.amount,
    followUpUnit: r.followUp.unit,
    thresholds: r.thresholds,
    breachActions: r.breachActions,
  };
}

function ruleView(r: SlaPolicyRule): SlaPolicyRuleView {
  return {
    disputeType: r.disputeType || undefined,
    urgency: r.urgency,
    agencyKind: r.agencyKind || undefined,
    accept: targetOf(r, 'accept'),
    firstContact: targetOf(r, 'first_contact'),
    resolve: targetOf(r, 'resolve'),
    followUp: targetOf(r, 'follow_up'),
    thresholds: r.thresholds,
    breachActions: r.breachActions,
  };
}
