import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  Agreement,
  AgreementParty,
  AgreementTerm,
  assertDocumentFits,
  chineseDate,
  DocumentStore,
  ReferralWorkUnit,
  renderPdf,
  TAKEN_ON,
  type InboxReferral,
  type ReferralWork,
} from '@fengqiao/agency-kit';
import {
  JudicialConfirmationDecidedV1,
  JudicialConfirmationFiledV1,
  JudicialConfirmationPreparedV1,
  type Actor,
  type JudicialConfirmationStatus,
  type JudicialConfirmationView,
  type PrepareJudicialConfirmationCommand,
  type RecordConfirmationFilingCommand,
  type RecordConfirmationResultCommand,
} from '@fengqiao/contracts';
import { conflict, unprocessable } from '@fengqiao/errors';
import { PersonalDataCipher } from '@fengqiao/pii';
import { beijingDate } from '@fengqiao/working-calendar';
import { notBefore, pastInstant } from '../office/instants';
import { applicationDocument, applicationFilename } from './application-document';
import { confirmationDeadline } from './confirmation-deadline';
import { latestApplication } from './judicial-confirmation-queries';
import { JudicialConfirmation } from './judicial-confirmation.entity';
import { toConfirmationView } from './judicial-confirmation.views';

/** A referral whose agreement may be signed: in mediation, or closed with it. */
const APPLY: ReferralWork = {
  from: TAKEN_ON,
  en: 'apply for judicial confirmation for referral',
  zh: '申请司法确认',
};
const TRACK: ReferralWork = {
  ...APPLY,
  en: 'track the judicial confirmation of referral',
  zh: '登记司法确认',
};

const ROLE_ZH: Record<string, string> = { applicant: '申请人', respondent: '被申请人' };
const STATUS_ZH = { prepared: '待递交', filed: '已递交法院', decided: '法院已裁定' } as const;

/** A later step of an application: the status it needs, and what it records (both languages). */
interface ApplicationStep {
  from: JudicialConfirmationStatus;
  en: string;
  zh: string;
}
const FILING: ApplicationStep = { from: 'prepared', en: 'filed', zh: '登记递交' };
const RULING: ApplicationStep = { from: 'filed', en: 'decided', zh: '登记裁定结果' };

/** 司法确认: the application for a signed agreement, then its filing and the court's ruling. */
@Injectable()
export class JudicialConfirmations {
  constructor(
    private readonly work: ReferralWorkUnit,
    private readonly cipher: PersonalDataCipher,
    private readonly documents: DocumentStore,
  ) {}

  /**
   * Prepares the 申请书 for the referral's signed agreement, within the 30 days, with every party
   * of the agreement as an applicant (人民调解法第33条: they apply jointly), and keeps it.
   */
  prepare(actor: Actor, cmd: PrepareJudicialConfirmationCommand): Promise<JudicialConfirmationView> {
    const { referralId, ...input } = cmd;
    return this.work.on(actor, referralId, APPLY, async (m, referral) => {
      const agreement = await m.findOne(Agreement, {
        where: { referralId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!agreement || agreement.status !== 'signed' || !agreement.signedAt)
        throw conflict(
          `referral ${referralId} has no signed agreement: only a signed agreement can be confirmed by a court`,
          '该派单尚无已签署生效的调解协议书，不能申请司法确认',
        );
      const open = await m.findOne(JudicialConfirmation, {
        where: [
          { agreementId: agreement.id, status: 'prepared' },
          { agreementId: agreement.id, status: 'filed' },
        ],
      });
      if (open)
        throw conflict(
          `agreement ${agreement.number} already has an open judicial confirmation application (${open.status})`,
          `调解协议${agreement.number}已有尚未裁定的司法确认申请（${STATUS_ZH[open.status]}），不能重复申请`,
        );
      const now = new Date();
      const deadline = confirmationDeadline(beijingDate(agreement.signedAt));
      assertWithinDeadline('deadline', agreement, deadline, beijingDate(now), '申请');
      const [parties, terms] = await Promise.all([
        m.find(AgreementParty, { where: { agreementId: agreement.id }, order: { position: 'ASC' } }),
        m.find(AgreementTerm, { where: { agreementId: agreement.id }, order: { termNo: 'ASC' } }),
      ]);
      assertJointApplication(input.applicants, parties);

      const pdf = await renderPdf(
        applicationDocument(
          {
            referral,
            agreement,
            applicants: parties,
            terms,
            court: input.court,
            note: input.note,
            preparedAt: now,
          },
          this.cipher,
        ),
      );
      assertDocumentFits(pdf, 'note');
      const kept = await this.documents.keep(m, {
        agencyId: referral.agencyId,
        referralId,
        kind: 'judicial_confirmation_application',
        filename: applicationFilename(agreement.number),
        contentType: 'application/pdf',
        content: pdf,
        createdById: actor.id,
      });
      const application = m.create(JudicialConfirmation, {
        id: randomUUID(),
        ...ReferralWorkUnit.idsOf(referral),
        caseNumber: referral.caseNumber,
        agreementId: agreement.id,
        agreementNumber: agreement.number,
        agreementSignedAt: agreement.signedAt,
        deadline,
        court: input.court,
        applicants: parties.map((p) => ({
          position: p.position,
          name: p.name,
          role: p.role,
          ...(p.idNumberMasked ? { idNumberMasked: p.idNumberMasked } : {}),
        })),
        note: input.note ?? null,
        status: 'prepared',
        documentId: kept.id,
        applicationSha256: kept.sha256,
        applicationBytes: kept.bytes,
        preparedAt: now,
        preparedById: actor.id,
      });
      await m.save(application);
      await this.work.report(m, JudicialConfirmationPreparedV1, referral, {
        applicationId: application.id,
        agreementId: agreement.id,
        agreementNumber: agreement.number,
        court: input.court,
        deadline,
        preparedAt: now.toISOString(),
        preparedBy: actor,
      });
      return toConfirmationView(application, beijingDate(now));
    });
  }

  /** 递交/立案: the court took the application, within the 30 days, under its case number. */
  recordFiling(actor: Actor, cmd: RecordConfirmationFilingCommand): Promise<JudicialConfirmationView> {
    const filedAt = pastInstant('filedAt', cmd.filedAt);
    return this.step(actor, cmd.referralId, FILING, async (m, referral, application) => {
      notBefore('filedAt', filedAt, application.preparedAt, 'the application was prepared', '申请书制作时间');
      assertWithinDeadline(
        'filedAt',
        { number: application.agreementNumber, signedAt: application.agreementSignedAt },
        application.deadline,
        beijingDate(filedAt),
        '递交',
      );
      m.merge(JudicialConfirmation, application, {
        status: 'filed',
        filedAt,
        courtCaseNumber: cmd.courtCaseNumber,
        filedRecordedById: actor.id,
      });
      await this.work.report(m, JudicialConfirmationFiledV1, referral, {
        applicationId: application.id,
        agreementId: application.agreementId,
        court: application.court,
        courtCaseNumber: cmd.courtCaseNumber,
        filedAt: filedAt.toISOString(),
        recordedBy: actor,
      });
    });
  }

  /** The court's ruling: 确认有效 or 驳回申请 (with the court's reason). */
  recordResult(actor: Actor, cmd: RecordConfirmationResultCommand): Promise<JudicialConfirmationView> {
    const decidedAt = pastInstant('decidedAt', cmd.decidedAt);
    return this.step(actor, cmd.referralId, RULING, async (m, referral, application) => {
      notBefore('decidedAt', decidedAt, application.filedAt!, 'the application was filed', '递交法院时间');
      const reason = cmd.result === 'rejected' ? cmd.reason! : (cmd.reason ?? null);
      m.merge(JudicialConfirmation, application, {
        status: 'decided',
        result: cmd.result,
        decidedAt,
        rulingNumber: cmd.rulingNumber,
        reason,
        decidedRecordedById: actor.id,
      });
      await this.work.report(m, JudicialConfirmationDecidedV1, referral, {
        applicationId: application.id,
        agreementId: application.agreementId,
        result: cmd.result,
        rulingNumber: cmd.rulingNumber,
        ...(reason ? { reason } : {}),
        decidedAt: decidedAt.toISOString(),
        recordedBy: actor,
      });
    });
  }

  /**
   * A later step on the referral's latest application: the office's referral and the application
   * both locked, the application in the status the step needs (409 otherwise), and saved after
   * `record` has changed it and reported the step.
   */
  private step(
    actor: Actor,
    referralId: string,
    step: ApplicationStep,
    record: (m: EntityManager, referral: InboxReferral, application: JudicialConfirmation) => Promise<void>,
  ): Promise<JudicialConfirmationView> {
    return this.work.on(actor, referralId, TRACK, async (m, referral) => {
      const application = await latestApplication(m, referralId, { lock: true });
      if (application.status !== step.from)
        throw conflict(
          `the judicial confirmation application ${application.id} is ${application.status}: only a ${step.from} one can be ${step.en}`,
          `司法确认申请${STATUS_ZH[application.status]}，只有${STATUS_ZH[step.from]}的申请可以${step.zh}`,
        );
      await record(m, referral, application);
      await m.save(application);
      return toConfirmationView(application, beijingDate(new Date()));
    });
  }
}

/** 自调解协议生效之日起三十日内: 422 naming the deadline once `day` is past it. */
function assertWithinDeadline(
  field: string,
  agreement: { number: string; signedAt: Date | null },
  deadline: string,
  day: string,
  what: '申请' | '递交',
): void {
  if (day <= deadline) return;
  const took = beijingDate(agreement.signedAt!);
  throw unprocessable(
    field,
    `judicial confirmation must be applied for within 30 days of the agreement taking effect (自调解协议生效之日起三十日内): agreement ${agreement.number} took effect on ${took}, so the last day was ${deadline}`,
    `须自调解协议生效之日起三十日内申请司法确认：调解协议${agreement.number}于${chineseDate(took)}生效，${what}期限已于${chineseDate(deadline)}届满`,
  );
}

/** 人民调解法第33条: the parties apply jointly, so every party of the agreement is an applicant. */
function assertJointApplication(positions: number[], parties: AgreementParty[]): void {
  const known = new Set(parties.map((p) => p.position));
  const stranger = positions.find((n) => !known.has(n));
  if (stranger !== undefined)
    throw unprocessable(
      'applicants',
      `the agreement has no party at position ${stranger}`,
      `调解协议中没有第${stranger + 1}位当事人`,
    );
  const missing = parties.filter((p) => !positions.includes(p.position));
  if (missing.length === 0) return;
  const names = missing.map((p) => `${p.name}（${ROLE_ZH[p.role] ?? p.role}）`).join('、');
  throw unprocessable(
    'applicants',
    `every party of the agreement must apply jointly (人民调解法第33条); missing: ${missing
      .map((p) => `${p.name} (position ${p.position})`)
      .join(', ')}`,
    `司法确认须由调解协议各方当事人共同申请（人民调解法第三十三条），${names}未列为申请人`,
  );
}
