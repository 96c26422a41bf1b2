import type { NotificationChannelInput, NotificationChannelKind } from '@fengqiao/contracts';
import type { FieldProblem } from '@fengqiao/errors';

type Field = 'webhookUrl' | 'secret' | 'phones';

/** What each kind needs; anything else it must not be given. */
const NEEDS: Record<NotificationChannelKind, readonly Field[]> = {
  dingtalk: ['webhookUrl', 'secret'],
  wecom: ['webhookUrl'],
  sms: ['phones'],
};

const KIND_ZH: Record<NotificationChannelKind, string> = {
  dingtalk: '钉钉机器人',
  wecom: '企业微信机器人',
  sms: '短信',
};

const FIELD: Record<Field, { en: string; zh: string }> = {
  webhookUrl: { en: 'a webhook URL', zh: 'Webhook 地址' },
  secret: { en: 'a signing secret (加签)', zh: '加签密钥' },
  phones: { en: 'phones', zh: '手机号' },
};

const given = (c: NotificationChannelInput, f: Field) => {
  const v = c[f];
  return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== '';
};

/**
 * The rules the request class cannot express: which fields each kind needs and which it must not
 * carry. One problem per field, named `channels[i].field`, in English and Chinese; never the value.
 */
export function channelProblems(channels: NotificationChannelInput[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  channels.forEach((c, i) => {
    const needs = NEEDS[c.kind];
    for (const f of ['webhookUrl', 'secret', 'phones'] as const) {
      const field = `channels[${i}].${f}`;
      if (needs.includes(f) && !given(c, f)) {
        problems.push({
          field,
          reason: `a ${c.kind} channel needs ${FIELD[f].en}`,
          reasonZh: `${KIND_ZH[c.kind]}渠道必须填写${FIELD[f].zh}`,
        });
      } else if (!needs.includes(f) && given(c, f)) {
        problems.push({
          field,
          reason: `a ${c.kind} channel takes no ${f}`,
          reasonZh: `${KIND_ZH[c.kind]}渠道不能填写${FIELD[f].zh}`,
        });
      }
    }
  });
  return problems;
}
