import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from '@fengqiao/pii';
import { beijingDay, chineseDate, chineseNumeral } from '../documents/chinese-dates';
import { agreementDocument } from './agreement-document';
import type { Agreement, AgreementParty, AgreementTerm } from './agreement.entity';
import { agreementShortCode, formatAgreementNumber } from './agreement-number';

const cipher = new PersonalDataCipher({
  keys: { k: randomBytes(32) },
  activeKeyId: 'k',
  hashKey: randomBytes(32),
});

describe('an agreement as a document', () => {
  it('takes its 字号 from the place and the kind', () => {
    expect(agreementShortCode('黄楼街道', 'people')).toBe('黄楼人');
    expect(agreementShortCode('卢李村委会', 'police')).toBe('卢李警');
    expect(agreementShortCode('范公亭社区居民委员会', 'people')).toBe('范公亭人');
    expect(agreementShortCode('青州市', 'lawyer')).toBe('青州律');
    expect(agreementShortCode('弥河镇', 'judicial')).toBe('弥河司');
    expect(formatAgreementNumber(2026, '黄楼人', 7)).toBe('（2026）黄楼人调字第007号');
    expect(formatAgreementNumber(2026, '黄楼人', 1234)).toBe('（2026）黄楼人调字第1234号');
  });

  it('numbers terms and writes dates as Chinese documents do, on Beijing time', () => {
    expect([1, 9, 10, 11, 20, 23, 50, 99].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十三',
      '五十',
      '九十九',
    ]);
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    // 16:30 UTC on the last day of April is already 1 May in Beijing.
    const evening = new Date('2026-04-30T16:30:00Z');
    expect(beijingDay(evening)).toBe('2026-05-01');
    expect(chineseDate(evening)).toBe('2026年5月1日');
    expect(chineseDate('2026-12-09')).toBe('2026年12月9日');
  });

  it('is a 调解协议书 sealed by the unit for a police station, with the full ID number printed', () => {
    const signedAt = new Date('2026-05-01T02:00:00Z');
    const agreement = {
      number: '（2026）黄楼警调字第001号',
      issuerName: '青州市公安局黄楼派出所',
      facts: '双方因停车位发生争执。\n经民警现场调解。',
      performanceTime: '当场履行',
      performanceMethod: '当面道歉',
      mediatorNames: ['王警官', '李警务助理'],
      otherMatters: null,
      signedAt,
    } as Agreement;
    const party = (position: number, name: string, role: 'applicant' | 'respondent', id?: string) =>
      ({
        position,
        name,
        role,
        kind: 'person',
        idNumberEncrypted: id ? cipher.encrypt(id) : null,
        address: null,
        signedAt,
      }) as AgreementParty;
    const parties = [party(0, '王某', 'applicant', '11010519491231002X'), party(1, '李某', 'respondent')];
    const terms = [
      { termNo: 1, content: '李某向王某赔礼道歉。', performBy: null, method: null } as AgreementTerm,
    ];

    const spec = agreementDocument('police', { agreement, parties, terms }, cipher);
    expect(spec.title).toBe('调解协议书');
    expect(spec.reference).toBe(agreement.number);
    const text = spec.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs]).join('\n');
    expect(text).toContain('申请人：王某，身份证号码：11010519491231002X');
    expect(text).toContain('被申请人：李某\n');
    expect(text).toContain('一、李某向王某赔礼道歉。');
    expect(text).not.toContain('其他事项');
    expect(spec.sections[1].paragraphs).toEqual(['双方因停车位发生争执。', '经民警现场调解。']);
    expect(text).toContain('本协议一式三份');
    expect(spec.signatures).toContainEqual({ label: '调解单位（盖章）', value: '青州市公安局黄楼派出所' });
    expect(spec.signatures).toContainEqual({
      label: '调解员（签名）',
      value: '王警官、李警务助理',
      date: '2026年5月1日',
    });
    expect(spec.dateLine).toBe('2026年5月1日');
  });
});
