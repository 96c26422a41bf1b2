import {
  AGREEMENT_TITLE,
  chineseDate,
  chineseNumeral,
  type Agreement,
  type AgreementParty,
  type AgreementTerm,
  type InboxReferral,
  type PdfDocumentSpec,
} from '@fengqiao/agency-kit';
import type { PersonalDataCipher } from '@fengqiao/pii';

export const APPLICATION_TITLE = '司法确认申请书';

export const applicationFilename = (agreementNumber: string) => `${APPLICATION_TITLE}_${agreementNumber}.pdf`;

export interface ApplicationFacts {
  referral: InboxReferral;
  agreement: Agreement;
  /** Every party of the agreement: all of them apply. */
  applicants: AgreementParty[];
  terms: AgreementTerm[];
  court: string;
  note?: string;
  preparedAt: Date;
}

/**
 * 司法确认申请书 as courts take it: the applicants with their full identity (decrypted here, for
 * the paper the court keeps), the request (请求确认调解协议有效), the facts and the agreed terms, the
 * parties' undertaking, the court it goes to, the attachments, signatures and date.
 */
export function applicationDocument(f: ApplicationFacts, cipher: PersonalDataCipher): PdfDocumentSpec {
  const { agreement, referral } = f;
  const signedOn = chineseDate(agreement.signedAt!);
  const applicantLine = (p: AgreementParty, i: number) => {
    const organisation = p.kind === 'organisation';
    const id = p.idNumberEncrypted ? cipher.decrypt(p.idNumberEncrypted) : null;
    const phone = p.phoneEncrypted ? cipher.decrypt(p.phoneEncrypted) : null;
    return [
      `申请人${chineseNumeral(i + 1)}：${p.name}`,
      ...(id ? [`${organisation ? '统一社会信用代码' : '公民身份号码'}：${id}`] : []),
      ...(p.address ? [`${organisation ? '住所' : '住址'}：${p.address}`] : []),
      ...(phone ? [`联系电话：${phone}`] : []),
    ].join('，');
  };
  const termLine = (t: AgreementTerm) => `${chineseNumeral(t.termNo)}、${t.content}`;
  // 司法所 mediate as people's mediation: their agreement is a 人民调解协议书.
  const agreementName = `${agreement.number}${AGREEMENT_TITLE.judicial}`;
  return {
    title: APPLICATION_TITLE,
    reference: `调解协议：${agreement.number}`,
    author: agreement.issuerName,
    createdAt: f.preparedAt,
    sections: [
      { paragraphs: f.applicants.map(applicantLine) },
      {
        heading: '请求事项',
        paragraphs: [
          `请求确认申请人于${signedOn}经${agreement.issuerName}主持调解达成的${agreementName}有效。`,
        ],
      },
      {
        heading: '事实和理由',
        paragraphs: [
          `申请人之间因${referral.caseTitle}（案件编号${referral.caseNumber}）发生纠纷，经${agreement.issuerName}主持调解，于${signedOn}自愿达成如下调解协议：`,
          ...f.terms.map(termLine),
          '申请人出于解决纠纷的目的自愿达成协议，没有恶意串通、规避法律的行为；如果因为该协议内容而给他人造成损害的，愿意承担相应的民事责任和其他法律责任。',
          '根据《中华人民共和国人民调解法》第三十三条的规定，申请人自调解协议生效之日起三十日内共同向贵院申请司法确认，请求依法确认上述调解协议有效。',
          ...(f.note ? [f.note] : []),
        ],
      },
      { paragraphs: ['此致', f.court] },
      {
        heading: '附',
        paragraphs: [`${agreementName}一份`, '申请人身份证明材料各一份'],
      },
    ],
    signatures: f.applicants.map((p) => ({ label: '申请人（签名、盖章或按指印）', value: p.name })),
    dateLine: chineseDate(f.preparedAt),
  };
}
