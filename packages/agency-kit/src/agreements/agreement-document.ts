import type { AgencyKind } from '@fengqiao/contracts';
import { PersonalDataCipher } from '@fengqiao/pii';
import { chineseDate, chineseNumeral } from '../documents/chinese-dates';
import type { PdfDocumentSpec } from '../documents/pdf-document';
import type { Agreement, AgreementParty, AgreementTerm } from './agreement.entity';

/**
 * 人民调解协议书 is the People's Mediation Law's name for what a 人民调解委员会 makes (司法所 mediate
 * as people's mediation too); a police station or a lawyers' studio makes a plain 调解协议书.
 */
export const AGREEMENT_TITLE: Record<AgencyKind, string> = {
  people: '人民调解协议书',
  judicial: '人民调解协议书',
  police: '调解协议书',
  lawyer: '调解协议书',
};

const SEAL_LABEL: Record<AgencyKind, string> = {
  people: '调解委员会（盖章）',
  judicial: '调解单位（盖章）',
  police: '调解单位（盖章）',
  lawyer: '调解单位（盖章）',
};

const ROLE_ZH = { applicant: '申请人', respondent: '被申请人' } as const;

/** 本协议一式X份: one for each party and one the agency keeps. */
export const agreementCopies = (partyCount: number) => partyCount + 1;

export const agreementFilename = (kind: AgencyKind, number: string) =>
  `${AGREEMENT_TITLE[kind]}_${number}.pdf`;

export interface SignedAgreement {
  agreement: Agreement;
  parties: AgreementParty[];
  terms: AgreementTerm[];
}

/**
 * The signed agreement as a document, in the order such a 协议书 reads: 当事人 with their full ID
 * numbers (decrypted here, for the paper the parties keep), facts, the terms, how and when they are
 * performed, copies and signatures.
 */
export function agreementDocument(
  kind: AgencyKind,
  { agreement, parties, terms }: SignedAgreement,
  cipher: PersonalDataCipher,
): PdfDocumentSpec {
  const partyLine = (p: AgreementParty) => {
    const id = p.idNumberEncrypted ? cipher.decrypt(p.idNumberEncrypted) : null;
    const idLabel = p.kind === 'organisation' ? '统一社会信用代码' : '身份证号码';
    const addressLabel = p.kind === 'organisation' ? '住所' : '住址';
    return [
      `${ROLE_ZH[p.role]}：${p.name}`,
      ...(id ? [`${idLabel}：${id}`] : []),
      ...(p.address ? [`${addressLabel}：${p.address}`] : []),
    ].join('，');
  };
  const termLine = (t: AgreementTerm) => {
    const how = [
      ...(t.performBy ? [`履行期限：${chineseDate(t.performBy)}前`] : []),
      ...(t.method ? [`履行方式：${t.method}`] : []),
    ];
    return `${chineseNumeral(t.termNo)}、${t.content}${how.length ? `（${how.join('；')}）` : ''}`;
  };
  const signedAt = agreement.signedAt!;
  return {
    title: AGREEMENT_TITLE[kind],
    reference: agreement.number,
    author: agreement.issuerName,
    createdAt: signedAt,
    sections: [
      { heading: '当事人', paragraphs: parties.map(partyLine) },
      { heading: '纠纷主要事实、争议事项', paragraphs: paragraphsOf(agreement.facts) },
      { heading: '经调解，双方当事人自愿达成如下协议：', paragraphs: terms.map(termLine) },
      {
        heading: '履行方式、时限',
        paragraphs: [`履行期限：${agreement.performanceTime}`, `履行方式：${agreement.performanceMethod}`],
      },
      ...(agreement.otherMatters
        ? [{ heading: '其他事项', paragraphs: paragraphsOf(agreement.otherMatters) }]
        : []),
      {
        paragraphs: [
          `本协议一式${chineseNumeral(agreementCopies(parties.length))}份，当事人各执一份，${agreement.issuerName}留存一份。` +
            '本协议自各方当事人签名（盖章或按指印）、调解员签名并加盖调解组织印章之日起生效。',
        ],
      },
    ],
    signatures: [
      ...parties.map((p) => ({
        label: `当事人（签名、盖章或按指印）`,
        value: p.name,
        date: p.signedAt ? chineseDate(p.signedAt) : undefined,
      })),
      { label: '调解员（签名）', value: agreement.mediatorNames.join('、'), date: chineseDate(signedAt) },
      { label: SEAL_LABEL[kind], value: agreement.issuerName },
    ],
    dateLine: chineseDate(signedAt),
  };
}

const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
