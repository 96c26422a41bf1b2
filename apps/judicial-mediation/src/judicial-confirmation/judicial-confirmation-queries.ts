import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DocumentStore, findOwnReferral } from '@fengqiao/agency-kit';
import type {
  Actor,
  JudicialConfirmationPdfView,
  JudicialConfirmationView,
  ListJudicialConfirmationsCommand,
  Page,
} from '@fengqiao/contracts';
import { pageWindow } from '@fengqiao/database';
import { notFound } from '@fengqiao/errors';
import { beijingDate } from '@fengqiao/working-calendar';
import { assertOfficeRead } from '../office/office-access';
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
  async pdf(actor: Actor, referralId: string): Promise<JudicialConfirmationPdfView> {
    const application = await this.latest(actor, referralId);
    const opened = await this.documents.open(this.dataSource.manager, application.documentId);
    if (!opened) throw noApplication(referralId);
    return {
      filename: opened.document.filename,
      contentType: opened.document.contentType,
      sha256: opened.document.sha256,
      bytes: opened.document.bytes,
      base64: opened.content.toString('base64'),
    };
  }

  /**
   * The office's applications, newest first, with the days left to file the unfiled ones; filters:
   * status, court (a part of its name), prepared from/to.
   */
  async list(actor: Actor, q: ListJudicialConfirmationsCommand): Promise<Page<JudicialConfirmationView>> {
    assertOfficeRead(actor, q.agencyId);
    const { page, pageSize, skip } = pageWindow(q);
    const qb = this.dataSource
      .getRepository(JudicialConfirmation)
      .createQueryBuilder('c')
      .where('c.agency_id = :agencyId', { agencyId: q.agencyId });
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.court) qb.andWhere(`strpos(c.court, :court) > 0`, { court: q.court });
    if (q.from) qb.andWhere('c.prepared_at >= :from', { from: new Date(q.from) });
    if (q.to) qb.andWhere('c.prepared_at < :to', { to: new Date(q.to) });
    const [rows, total] = await qb
      .orderBy('c.prepared_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip(skip)
      .take(pageSize)
      .getManyAndCount();
    const today = beijingDate(new Date());
    return { items: rows.map((c) => toConfirmationView(c, today)), page, pageSize, total };
  }

  private async latest(actor: Actor, referralId: string): Promise<JudicialConfirmation> {
    await findOwnReferral(this.dataSource.manager, actor, referralId);
    const application = await this.dataSource.getRepository(JudicialConfirmation).findOne({
      where: { referralId },
      order: { preparedAt: 'DESC' },
    });
    if (!application) throw noApplication(referralId);
    return application;
  }
}
