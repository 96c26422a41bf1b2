import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DocumentStore, findOwnReferral } from '@fengqiao/agency-kit';
import type {
  Actor,
  KeptDocumentFileView,
  JudicialConfirmationView,
  ListJudicialConfirmationsCommand,
  Page,
} from '@fengqiao/contracts';
import { notFound } from '@fengqiao/errors';
import { beijingDate } from '@fengqiao/working-calendar';
import { between, newestFirst, officeRows } from '../office/office-lists';
import { JudicialConfirmation } from './judicial-confirmation.entity';
import { toConfirmationView } from './judicial-confirmation.views';

const noApplication = (referralId: string) =>
  notFound('judicial confirmation of referral', '派单的司法确认申请', referralId);

@Injectable()
export class JudicialConfirmationQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentStore,
  ) {}

  /** The referral's latest application; to anyone but the office's own people it does not exist. */
  async get(actor: Actor, referralId: string): Promise<JudicialConfirmationView> {
    return toConfirmationView(await this.latest(actor, referralId), beijingDate(new Date()));
  }

  /** The 申请书 as it was prepared, checked against its hash, base64 for the NATS reply. */
  async pdf(actor: Actor, referralId: string): Promise<KeptDocumentFileView> {
    const application = await this.latest(actor, referralId);
    const pdf = await this.documents.openForReply(this.dataSource.manager, application.documentId);
    if (!pdf) throw noApplication(referralId);
    return pdf;
  }

  /**
   * The office's applications, newest first, with the days left to file the unfiled ones; filters:
   * status, court (a part of its name), prepared from/to.
   */
  async list(actor: Actor, q: ListJudicialConfirmationsCommand): Promise<Page<JudicialConfirmationView>> {
    const qb = officeRows(this.dataSource, JudicialConfirmation, 'c', actor, q.agencyId);
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.court) qb.andWhere(`strpos(c.court, :court) > 0`, { court: q.court });
    const today = beijingDate(new Date());
    return newestFirst(between(qb, 'prepared_at', q), 'prepared_at', q, (rows) =>
      rows.map((c) => toConfirmationView(c, today)),
    );
  }

  private async latest(actor: Actor, referralId: string): Promise<JudicialConfirmation> {
    const m = this.dataSource.manager;
    await findOwnReferral(m, actor, referralId);
    return latestApplication(m, referralId);
  }
}

/** The referral's latest application (locked for a change when told); 404 when it has none. */
export async function latestApplication(
  m: EntityManager,
  referralId: string,
  { lock = false } = {},
): Promise<JudicialConfirmation> {
  const application = await m.findOne(JudicialConfirmation, {
    where: { referralId },
    order: { preparedAt: 'DESC' },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!application) throw noApplication(referralId);
  return application;
}
