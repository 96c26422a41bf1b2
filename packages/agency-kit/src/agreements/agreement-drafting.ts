import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AgreementDraftedV1,
  AgreementSignedV1,
  type Actor,
  type AgreementView,
  type DraftAgreementRequest,
  type SignAgreementRequest,
} from '@fengqiao/contracts';
import { conflict, unprocessable, unprocessableAll, type FieldProblem } from '@fengqiao/errors';
import { Outbox } from '@fengqiao/messaging';
import { maskIdNumber, maskPhone, PersonalDataCipher } from '@fengqiao/pii';
import { AgencyIdentity } from '../agency-kind';
import { beijingYear } from '../documents/chinese-dates';
import { assertDocumentFits, DocumentStore } from '../documents/document-store';
import { renderPdf } from '../documents/pdf-document';
import { InboxReferral } from '../inbox/inbox-referral.entity';
import { lockWorkingReferral, mayWorkOn, referralFacts, WHILE_MEDIATING } from '../inbox/working-referrals';
import { agreementDocument, agreementFilename } from './agreement-document';
import { Agreement, AgreementParty, AgreementTerm } from './agreement.entity';
import { AgreementIssuers, formatAgreementNumber, takeAgreementSequence } from './agreement-number';
import { AgreementReader } from './agreement-reader';

const DRAFT = { from: WHILE_MEDIATING, en: 'draft an agreement on referral', zh: '制作调解协议书' };
const SIGN = { from: WHILE_MEDIATING, en: 'sign the agreement of referral', zh: '签署调解协议书' };

/** A signature or effective time this far ahead of the server's clock is a clock skew, not the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * 制作 and 签署 a referral's 调解协议书: one agreement per referral, drafted and re-drafted while the
 * referral is in hand, then signed by every party and the mediator, which renders the PDF and keeps
 * it with the case. Each step is one transaction with its event in the outbox.
 */
@Injectable()
export class AgreementDrafting {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly agency: AgencyIdentity,
    private readonly cipher: PersonalDataCipher,
    private readonly issuers: AgreementIssuers,
    private readonly documents: DocumentStore,
    private readonly reader: AgreementReader,
  ) {}

  async draft(actor: Actor, referralId: string, input: DraftAgreementRequest): Promise<AgreementView> {
    checkParties(input);
    // Who issues it comes from dispatch; asked before the transaction so no lock waits on NATS.
    const held = await this.dataSource.manager.findOne(InboxReferral, { where: { id: referralId } });
    const issuer =
      held && mayWorkOn(actor, held.agencyId)
        ? await this.issuers.of(actor, held.agencyId, this.agency.kind)
        : null;
    return this.dataSource.transaction(async (m) => {
      const referral = await lockWorkingReferral(m, actor, referralId, DRAFT);
      if (!issuer) throw justArrived(referralId);
      const existing = await m.findOne(Agreement, { where: { referralId } });
      if (existing) {
        throw conflict(
          `referral ${referralId} already has agreement ${existing.number}; re-draft it with PUT`,
          `该派单已有调解协议书${existing.number}，请修改该协议书`,
        );
      }
      const now = new Date();
      const year = beijingYear(now);
      const sequence = await takeAgreementSequence(m, referral.agencyId, year);
      const agreement = m.create(Agreement, {
        id: randomUUID(),
        referralId,
        agencyId: referral.agencyId,
        caseId: referral.caseId,
        number: formatAgreementNumber(year, issuer.shortCode, sequence),
        year,
        sequence,
        status: 'draft',
        issuerName: issuer.name,
        draftedById: actor.id,
        draftedByName: actor.name,
        ...this.body(input),
      });
      await m.insert(Agreement, agreement);
      await this.writeParts(m, agreement.id, input);
      await this.drafted(m, referral, agreement, input, actor, false);
      return this.reader.view(m, agreement.id);
    });
  }

  /** PUT: the same body replaces the draft; its number stays. */
  redraft(actor: Actor, referralId: string, input: DraftAgreementRequest): Promise<AgreementView> {
    checkParties(input);
    return this.dataSource.transaction(async (m) => {
      const referral = await lockWorkingReferral(m, actor, referralId, DRAFT);
      const agreement = await this.reader.lockOf(m, referralId);
      if (agreement.status !== 'draft') throw alreadySigned(agreement);
      Object.assign(agreement, this.body(input), { draftedById: actor.id, draftedByName: actor.name });
      await m.save(agreement);
      await m.delete(AgreementParty, { agreementId: agreement.id });
      await m.delete(AgreementTerm, { agreementId: agreement.id });
      await this.writeParts(m, agreement.id, input);
      await this.drafted(m, referral, agreement, input, actor, true);
      return this.reader.view(m, agreement.id);
    });
  }

  /**
   * 签署: every party has signed and the caller, a mediator of the agency, signs last. The agreement
   * takes effect at `signedAt`; the PDF is rendered from what was signed and kept, encrypted.
   */
  sign(actor: Actor, referralId: string, input: SignAgreementRequest): Promise<AgreementView> {
    return this.dataSource.transaction(async (m) => {
      const referral = await lockWorkingReferral(m, actor, referralId, SIGN);
      const agreement = await this.reader.lockOf(m, referralId);
      if (agreement.status !== 'draft') throw alreadySigned(agreement);
      const { parties, terms } = await this.reader.parts(m, agreement.id);
      const signedAt = new Date(input.signedAt);
      checkSignatures(input, parties, signedAt, referral.acceptedAt);
      for (const s of input.signatories) parties[s.partyPosition].signedAt = new Date(s.signedAt);
      await m.save(parties);
      agreement.status = 'signed';
      agreement.signedAt = signedAt;
      agreement.signedById = actor.id;
      agreement.signedByName = actor.name;

      const pdf = await renderPdf(
        agreementDocument(this.agency.kind, { agreement, parties, terms }, this.cipher),
      );
      assertDocumentFits(pdf, 'document');
      const kept = await this.documents.keep(m, {
        agencyId: agreement.agencyId,
        referralId,
        kind: 'mediation_agreement',
        filename: agreementFilename(this.agency.kind, agreement.number),
        contentType: 'application/pdf',
        content: pdf,
        createdById: actor.id,
      });
      agreement.documentId = kept.id;
      await m.save(agreement);
      await this.outbox.add(m, AgreementSignedV1, {
        ...referralFacts(referral, this.agency.kind),
        agreementId: agreement.id,
        number: agreement.number,
        signedAt: signedAt.toISOString(),
        termCount: terms.length,
        sha256: kept.sha256,
        signedBy: actor,
      });
      return this.reader.view(m, agreement.id);
    });
  }

  private body(input: DraftAgreementRequest) {
    return {
      facts: input.facts,
      performanceTime: input.performance.time,
      performanceMethod: input.performance.method,
      mediatorNames: input.mediatorNames,
      otherMatters: input.otherMatters ?? null,
    };
  }

  /** Parties with their personal data sealed (encrypted, masked, ID hashed), and the numbered terms. */
  private async writeParts(m: EntityManager, agreementId: string, input: DraftAgreementRequest) {
    await m.insert(
      AgreementParty,
      input.parties.map((p, position) => ({
        agreementId,
        position,
        name: p.name,
        role: p.role,
        kind: p.kind,
        idNumberEncrypted: p.idNumber ? this.cipher.encrypt(p.idNumber) : null,
        idNumberMasked: p.idNumber ? maskIdNumber(p.idNumber) : null,
        idNumberHash: p.idNumber ? this.cipher.lookupHash(p.idNumber) : null,
        phoneEncrypted: p.phone ? this.cipher.encrypt(p.phone) : null,
        phoneMasked: p.phone ? maskPhone(p.phone) : null,
        address: p.address ?? null,
        signedAt: null,
      })),
    );
    await m.insert(
      AgreementTerm,
      input.terms.map((t, i) => ({
        agreementId,
        termNo: i + 1,
        content: t.content,
        performBy: t.performBy ?? null,
        method: t.method ?? null,
        performanceStatus: 'pending' as const,
        performanceRecordedAt: null,
      })),
    );
  }

  private drafted(
    m: EntityManager,
    referral: InboxReferral,
    agreement: Agreement,
    input: DraftAgreementRequest,
    actor: Actor,
    redrafted: boolean,
  ) {
    return this.outbox.add(m, AgreementDraftedV1, {
      ...referralFacts(referral, this.agency.kind),
      agreementId: agreement.id,
      number: agreement.number,
      redrafted,
      partyCount: input.parties.length,
      termCount: input.terms.length,
      draftedAt: new Date().toISOString(),
      draftedBy: actor,
    });
  }
}

/** The referral reached the inbox while this request was under way: nothing was read for it yet. */
const justArrived = (referralId: string) =>
  conflict(`referral ${referralId} has only just arrived; try again in a moment`, '派单刚刚送达，请稍后重试');

const alreadySigned = (a: Agreement) =>
  conflict(
    `agreement ${a.number} is already signed; a signed agreement is not changed`,
    `调解协议书${a.number}已签署，不能再修改或重复签署`,
  );

/** Both sides are there, and no one is listed twice under the same ID number. */
function checkParties(input: DraftAgreementRequest): void {
  const problems: FieldProblem[] = [];
  for (const role of ['applicant', 'respondent'] as const) {
    if (!input.parties.some((p) => p.role === role)) {
      problems.push({
        field: 'parties',
        reason: `an agreement needs at least one ${role}`,
        reasonZh: `调解协议须有${role === 'applicant' ? '申请人' : '被申请人'}`,
      });
    }
  }
  const seen = new Map<string, number>();
  input.parties.forEach((p, i) => {
    if (!p.idNumber) return;
    const key = p.idNumber.toUpperCase();
    if (seen.has(key)) {
      problems.push({
        field: `parties[${i}].idNumber`,
        reason: `the same ID number as parties[${seen.get(key)}]`,
        reasonZh: `与第${seen.get(key)! + 1}位当事人的证件号码相同`,
      });
    }
    seen.set(key, i);
  });
  if (problems.length) throw unprocessableAll(problems);
}

/**
 * Every party signs once, before (or when) the agreement takes effect, and nothing is signed in the
 * future or before the agency took the referral.
 */
function checkSignatures(
  input: SignAgreementRequest,
  parties: AgreementParty[],
  signedAt: Date,
  acceptedAt: Date | null,
): void {
  const now = Date.now() + CLOCK_SKEW_MS;
  if (signedAt.getTime() > now)
    throw unprocessable('signedAt', 'is in the future', '生效时间不能晚于当前时间');
  if (acceptedAt && signedAt < acceptedAt)
    throw unprocessable('signedAt', 'is before the referral was accepted', '生效时间不能早于签收时间');
  const problems: FieldProblem[] = [];
  const signed = new Set<number>();
  input.signatories.forEach((s, i) => {
    const at = new Date(s.signedAt);
    if (s.partyPosition >= parties.length) {
      problems.push({
        field: `signatories[${i}].partyPosition`,
        reason: `there is no party ${s.partyPosition}: the agreement has ${parties.length}`,
        reasonZh: `协议书没有第${s.partyPosition + 1}位当事人`,
      });
    } else if (signed.has(s.partyPosition)) {
      problems.push({
        field: `signatories[${i}].partyPosition`,
        reason: `party ${s.partyPosition} is listed twice`,
        reasonZh: `第${s.partyPosition + 1}位当事人重复签名`,
      });
    }
    signed.add(s.partyPosition);
    if (at > signedAt) {
      problems.push({
        field: `signatories[${i}].signedAt`,
        reason: 'is after the agreement took effect (signedAt): it takes effect when the last party signs',
        reasonZh: '当事人签名时间不能晚于协议生效时间',
      });
    } else if (acceptedAt && at < acceptedAt) {
      problems.push({
        field: `signatories[${i}].signedAt`,
        reason: 'is before the referral was accepted',
        reasonZh: '当事人签名时间不能早于签收时间',
      });
    }
  });
  for (const p of parties) {
    if (signed.has(p.position)) continue;
    problems.push({
      field: 'signatories',
      reason: `party ${p.position} (${p.name}) has not signed: every party must sign`,
      reasonZh: `当事人${p.name}尚未签名：调解协议须经各方当事人签名`,
    });
  }
  if (problems.length) throw unprocessableAll(problems);
}
