import type { NotificationChannelInput } from '@fengqiao/contracts';
import { channelProblems } from './channel-rules';

const base = { levels: ['orange' as const], enabled: true };
const hook = 'https://oapi.dingtalk.com/robot/send?access_token=t';

describe('channelProblems', () => {
  it('accepts each kind with exactly its own fields', () => {
    const ok: NotificationChannelInput[] = [
      { ...base, kind: 'dingtalk', webhookUrl: hook, secret: 'SEC12345678' },
      { ...base, kind: 'wecom', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' },
      { ...base, kind: 'sms', phones: ['13800138000'] },
    ];
    expect(channelProblems(ok)).toEqual([]);
  });

  it('names each missing or foreign field as channels[i].field, in English and Chinese', () => {
    const problems = channelProblems([
      { ...base, kind: 'dingtalk', webhookUrl: hook },
      { ...base, kind: 'wecom', secret: 'SEC12345678' },
      { ...base, kind: 'sms', webhookUrl: hook, phones: [] },
    ]);
    expect(problems.map((p) => p.field)).toEqual([
      'channels[0].secret',
      'channels[1].webhookUrl',
      'channels[1].secret',
      'channels[2].webhookUrl',
      'channels[2].phones',
    ]);
    expect(problems[0]).toEqual({
      field: 'channels[0].secret',
      reason: 'a dingtalk channel needs a signing secret (加签)',
      reasonZh: '钉钉机器人渠道必须填写加签密钥',
    });
    expect(problems[2].reasonZh).toBe('企业微信机器人渠道不能填写加签密钥');
  });
});
