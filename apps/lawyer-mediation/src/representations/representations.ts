import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  RepresentationRecordedV1,
  type Actor,
  type ListRepresentationsCommand,
  type Page,
  type RecordRepresentationCommand,
  type RepresentationView,
} from '@fengqiao/contracts';
import { AgencyIdentity, assertMayRead, mayWorkOn } from '@fengqiao/agency-kit';
import { pageWindow } from '@fengqiao/database';
import { forbidden, unprocessable } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { maskIdNumber, PersonalDataCipher } from '@fengqiao/pii';
import { normaliseFirm } from '../roster/firm';
import { containing } from '../roster/like';
import { getStudioLawyer } from '../roster/studio-lawyers';
import { Representation } from './representation.entity';

function toRepresentationView(r: Representation): RepresentationView {
  return {
    id: r.id,
    lawyerId: r.lawyerId,
    firm: r.firm,
    clientName: r.clientName,
    clientKind: r.clientKind,
    clientIdNumber: r.clientIdNumberMasked ?? undefined,
    matter: r.matter,
    from: r.actedFrom,
    to: r.actedTo ?? undefined,
    recordedAt: new Date(r.recordedAt).toISOString(),
  };
}

/**
 * 代理记录: whom a studio's lawyer acted for before, and through which firm. What the conflict check
 * reads; shown with the client's ID number masked.
 */
@Injectable()
export class Representations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly agency: AgencyIdentity,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async record(actor: Actor, input: RecordRepresentationCommand): Promise<RepresentationView> {
    if (!mayWorkOn(actor, input.agencyId))
      throw forbidden(
        "only the studio's own staff and lawyers record representations",
        '只有本工作室人员可以登记代理记录',
      );
    if (input.to !== undefined && input.to < input.from)
      throw unprocessable(
        'to',
        `must not be before from (${input.from})`,
        `结束日期不能早于开始日期（${input.from}）`,
      );
    return this.dataSource.transaction(async (m) => {
      const lawyer = await getStudioLawyer(m, input.agencyId, input.lawyerId);
      const id = input.clientIdNumber;
      const representation = m.create(Representation, {
        id: randomUUID(),
        lawyerId: lawyer.mediatorId,
        firm: normaliseFirm(input.firm ?? lawyer.firm),
        clientName: input.clientName.trim(),
        clientNameHash: this.cipher.lookupHash(input.clientName),
        clientKind: input.clientKind,
        clientIdNumberEncrypted: id ? this.cipher.encrypt(id) : null,
        clientIdNumberMasked: id ? maskIdNumber(id) : null,
        clientIdNumberHash: id ? this.cipher.lookupHash(id) : null,
        matter: input.matter,
        actedFrom: input.from,
        actedTo: input.to ?? null,
        recordedAt: new Date(),
        recordedById: actor.id,
      });
      await m.insert(Representation, representation);
      await this.outbox.add(m, RepresentationRecordedV1, {
        representationId: representation.id,
        lawyerId: lawyer.mediatorId,
        agencyId: input.agencyId,
        agencyKind: this.agency.kind,
        firm: representation.firm,
        recordedAt: representation.recordedAt.toISOString(),
        recordedBy: actor,
      });
      return toRepresentationView(representation);
    });
  }

  /** A lawyer's representations, the latest first. */
  async list(actor: Actor, q: ListRepresentationsCommand): Promise<Page<RepresentationView>> {
    assertMayRead(actor, q.agencyId);
    const m = this.dataSource.manager;
    await getStudioLawyer(m, q.agencyId, q.lawyerId);
    const { page, pageSize, skip } = pageWindow(q);
    const qb = m
      .getRepository(Representation)
      .createQueryBuilder('r')
      .where('r.lawyer_id = :lawyerId', { lawyerId: q.lawyerId });
    if (q.clientKind) qb.andWhere('r.client_kind = :kind', { kind: q.clientKind });
    if (q.q) qb.andWhere("r.client_name ILIKE :name ESCAPE '\\'", { name: containing(q.q) });
    const [rows, total] = await qb
      .orderBy('r.acted_from', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(toRepresentationView), page, pageSize, total };
  }
}
