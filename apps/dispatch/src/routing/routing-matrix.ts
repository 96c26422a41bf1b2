import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  RoutingMatrixPublishedV1,
  type Actor,
  type JurisdictionLevel,
  type PublishRoutingMatrixRequest,
  type RoutingMatrixView,
} from '@fengqiao/contracts';
import { notFound, unprocessable, unprocessableAll, type FieldProblem } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { DisputeType } from '../cases/dispute-type.entity';
import { SCHEMA } from '../config';
import { assertRole } from '../roles';
import { RoutingMatrixEntry, RoutingMatrixVersion } from './routing-matrix.entity';

/** The responsibility matrix: who handles which dispute type at which level, by version. */
@Injectable()
export class RoutingMatrix {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** The version in force: the newest published. */
  async currentVersion(m: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = (await m.query(`SELECT max(version) AS v FROM ${SCHEMA}.routing_matrix_versions`)) as {
      v: number | null;
    }[];
    if (!row?.v) {
      throw unprocessable('matrix', 'no routing matrix has been published', '尚未发布派单责任矩阵');
    }
    return row.v;
  }

  /** The kinds a version names for a dispute type at a jurisdiction level, with their roles. */
  entriesFor(
    m: EntityManager,
    version: number,
    disputeType: string,
    jurisdictionLevel: JurisdictionLevel,
  ): Promise<RoutingMatrixEntry[]> {
    return m.findBy(RoutingMatrixEntry, { version, disputeType, jurisdictionLevel });
  }

  async get(version?: number): Promise<RoutingMatrixView> {
    const m = this.dataSource.manager;
    const v = version ?? (await this.currentVersion(m));
    const head = await m.findOneBy(RoutingMatrixVersion, { version: v });
    if (!head) throw notFound('matrix version', '矩阵版本', String(v));
    const entries = await m.find(RoutingMatrixEntry, {
      where: { version: v },
      order: { disputeType: 'ASC', jurisdictionLevel: 'ASC', role: 'DESC', agencyKind: 'ASC' },
    });
    return {
      version: head.version,
      note: head.note,
      publishedAt: head.publishedAt.toISOString(),
      publishedBy: head.publishedByName,
      entries: entries.map(({ disputeType, jurisdictionLevel, agencyKind, role }) => ({
        disputeType,
        jurisdictionLevel,
        agencyKind,
        role,
      })),
    };
  }

  /** Publishes the whole matrix as a new version; referrals keep the version they were issued under. */
  async publish(actor: Actor, input: PublishRoutingMatrixRequest): Promise<RoutingMatrixView> {
    assertRole(actor, ['admin'], 'publish the routing matrix', '发布派单责任矩阵');
    await this.check(input);
    const version = await this.dataSource.transaction(async (m) => {
      // One publisher at a time, so versions are consecutive and never collide.
      await m.query(`LOCK TABLE ${SCHEMA}.routing_matrix_versions IN EXCLUSIVE MODE`);
      const [row] = (await m.query(
        `SELECT coalesce(max(version), 0) + 1 AS v FROM ${SCHEMA}.routing_matrix_versions`,
      )) as { v: number }[];
      const now = new Date();
      await m.insert(RoutingMatrixVersion, {
        version: row.v,
        note: input.note,
        publishedAt: now,
        publishedById: actor.id,
        publishedByName: actor.name,
      });
      await m.insert(
        RoutingMatrixEntry,
        input.entries.map((e) => ({ ...e, version: row.v })),
      );
      await this.outbox.add(m, RoutingMatrixPublishedV1, {
        version: row.v,
        entries: input.entries.length,
        note: input.note,
        publishedAt: now.toISOString(),
        publishedBy: actor,
      });
      return row.v;
    });
    return this.get(version);
  }

  /** Every type known, no cell twice, and every cell that names anyone names a lead. */
  private async check(input: PublishRoutingMatrixRequest): Promise<void> {
    const known = new Set((await this.dataSource.getRepository(DisputeType).find()).map((t) => t.code));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    const cells = new Map<string, { leads: number; first: number }>();
    input.entries.forEach((e, i) => {
      if (!known.has(e.disputeType)) {
        problems.push({
          field: `entries[${i}].disputeType`,
          reason: `unknown dispute type ${e.disputeType}`,
          reasonZh: `纠纷类型 ${e.disputeType} 不存在`,
        });
      }
      const key = `${e.disputeType}/${e.jurisdictionLevel}/${e.agencyKind}`;
      if (seen.has(key)) {
        problems.push({
          field: `entries[${i}]`,
          reason: `${key} appears twice`,
          reasonZh: `${key} 重复出现`,
        });
      }
      seen.add(key);
      const cellKey = `${e.disputeType}/${e.jurisdictionLevel}`;
      const cell = cells.get(cellKey) ?? { leads: 0, first: i };
      if (e.role === 'lead') cell.leads += 1;
      cells.set(cellKey, cell);
    });
    for (const [cellKey, cell] of cells) {
      if (cell.leads === 0) {
        problems.push({
          field: `entries[${cell.first}]`,
          reason: `${cellKey} names co-handlers but no lead`,
          reasonZh: `${cellKey} 只有协办单位，没有主办单位`,
        });
      }
    }
    if (problems.length > 0) throw unprocessableAll(problems);
  }
}
