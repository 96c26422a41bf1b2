import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { findOwnReferral, ReferralWorkUnit, TAKEN_ON, type ReferralWork } from '@fengqiao/agency-kit';
import {
  LegalAidAnsweredV1,
  LegalAidReferredV1,
  type Actor,
  type LegalAidReferralView,
  type ListLegalAidReferralsCommand,
  type Page,
  type RecordLegalAidAnswerCommand,
  type ReferToLegalAidCommand,
} from '@fengqiao/contracts';
import { conflict, notFound } from '@fengqiao/errors';
import { maskPhone, PersonalDataCipher } from '@fengqiao/pii';
import { notBefore, pastInstant } from '../office/instants';
import { assertOfficeWork } from '../office/office-access';
import { between, newestFirst, officeRows } from '../office/office-lists';
import { LegalAidReferral } from './legal-aid-referral.entity';
import { toLegalAidView } from './legal-aid.views';

/** A referral the office has taken on, in mediation or closed (a failed mediation often needs a lawyer). */
const REFER: ReferralWork = {
  from: TAKEN_ON,
  en: 'refer a party to legal aid from referral',
  zh: '转介法律援助',
};

const STATUS_ZH = { referred: '已转介', accepted: '已受理', declined: '不予受理' } as const;

/** 法律援助转介: refer a party to the 法律援助中心 and record the centre's answer. */
@Injectable()
export class LegalAidReferrals {
  constructor(
    private readonly dataSource: DataSource,
    private readonly work: ReferralWorkUnit,
    private readonly cipher: PersonalDataCipher,
  ) {}

  refer(actor: Actor, cmd: ReferToLegalAidCommand): Promise<LegalAidReferralView> {
    return this.work.on(actor, cmd.referralId, REFER, async (m, referral) => {
      const pending = await m.findOne(LegalAidReferral, {
        where: { referralId: referral.id, partyName: cmd.partyName, status: 'referred' },
      });
      if (pending)
        throw conflict(
          `${cmd.partyName} was already referred to legal aid from referral ${referral.id} and awaits the centre's answer`,
          `${cmd.partyName}已转介法律援助，尚待法律援助中心答复`,
        );
      const now = new Date();
      const row = m.create(LegalAidReferral, {
        id: randomUUID(),
        ...ReferralWorkUnit.idsOf(referral),
        caseNumber: referral.caseNumber,
        partyName: cmd.partyName,
        partyPosition: cmd.partyPosition ?? null,
        reason: cmd.reason,
        economicHardship: cmd.economicHardship,
        matter: cmd.matter,
        contactPhoneEncrypted: cmd.contactPhone ? this.cipher.encrypt(cmd.contactPhone) : null,
        contactPhoneMasked: cmd.contactPhone ? maskPhone(cmd.contactPhone) : null,
        status: 'referred',
        referredAt: now,
        referredById: actor.id,
        answerNote: null,
        answeredAt: null,
        answeredById: null,
      });
      await m.save(row);
      await this.work.report(m, LegalAidReferredV1, referral, {
        legalAidReferralId: row.id,
        economicHardship: row.economicHardship,
        matter: row.matter,
        referredAt: now.toISOString(),
        referredBy: actor,
      });
      return toLegalAidView(row);
    });
  }

  /** The centre's answer: 受理 or 不予受理 (with why), once. */
  recordAnswer(actor: Actor, cmd: RecordLegalAidAnswerCommand): Promise<LegalAidReferralView> {
    assertOfficeWork(actor, cmd.agencyId);
    const answeredAt = pastInstant('answeredAt', cmd.answeredAt);
    return this.dataSource.transaction(async (m) => {
      const row = await m.findOne(LegalAidReferral, {
        where: { id: cmd.legalAidReferralId, agencyId: cmd.agencyId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw notFound('legal aid referral', '法律援助转介', cmd.legalAidReferralId);
      if (row.status !== 'referred')
        throw conflict(
          `legal aid referral ${row.id} was already answered: ${row.status}`,
          `法律援助中心已答复（${STATUS_ZH[row.status]}），不能重复登记`,
        );
      notBefore('answeredAt', answeredAt, row.referredAt, 'the referral to legal aid', '转介时间');
      row.status = cmd.status;
      row.answerNote = cmd.note ?? null;
      row.answeredAt = answeredAt;
      row.answeredById = actor.id;
      await m.save(row);
      // The answer may come whatever the referral's status now (it may have closed meanwhile):
      // the referral is read only for the facts the event carries.
      const referral = await findOwnReferral(m, actor, row.referralId);
      await this.work.report(m, LegalAidAnsweredV1, referral, {
        legalAidReferralId: row.id,
        status: cmd.status,
        ...(cmd.note !== undefined ? { note: cmd.note } : {}),
        answeredAt: answeredAt.toISOString(),
        recordedBy: actor,
      });
      return toLegalAidView(row);
    });
  }

  /** The office's referrals to legal aid, newest first. */
  async list(actor: Actor, q: ListLegalAidReferralsCommand): Promise<Page<LegalAidReferralView>> {
    const qb = officeRows(this.dataSource, LegalAidReferral, 'l', actor, q.agencyId);
    if (q.status) qb.andWhere('l.status = :status', { status: q.status });
    if (q.economicHardship !== undefined)
      qb.andWhere('l.economic_hardship = :hardship', { hardship: q.economicHardship });
    if (q.referralId) qb.andWhere('l.referral_id = :referralId', { referralId: q.referralId });
    return newestFirst(between(qb, 'referred_at', q), 'referred_at', q, (rows) => rows.map(toLegalAidView));
  }
}
