import { createHmac } from 'node:crypto';
import { dingTalkSign, signedDingTalkUrl } from './dingtalk';
import { redactSecrets, webhookOrigin } from './notification-channel';
import { smsSignature } from './sms';

describe('DingTalk 加签', () => {
  const secret = 'SEC0123456789abcdef0123456789abcdef';

  it('signs "timestamp\\nsecret" with HMAC-SHA256 keyed by the secret, base64', () => {
    const expected = createHmac('sha256', secret).update(`1700000000000\n${secret}`).digest('base64');
    expect(dingTalkSign(1700000000000, secret)).toBe(expected);
  });

  it('appends timestamp and the URL-encoded sign after the access token', () => {
    const url = signedDingTalkUrl(
      'https://oapi.dingtalk.com/robot/send?access_token=abc',
      secret,
      1700000000000,
    );
    const sign = encodeURIComponent(dingTalkSign(1700000000000, secret));
    expect(url).toBe(
      `https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=${sign}`,
    );
    expect(new URL(url).searchParams.get('sign')).toBe(dingTalkSign(1700000000000, secret));
  });
});

describe('what may be shown or logged', () => {
  it('shows a webhook as scheme and host only', () => {
    expect(webhookOrigin('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6')).toBe(
      'https://qyapi.weixin.qq.com',
    );
    expect(webhookOrigin('http://127.0.0.1:8080/robot?access_token=x')).toBe('http://127.0.0.1:8080');
  });

  it('redacts tokens, keys, signatures, DingTalk secrets and the middle of mobile numbers', () => {
    const text = redactSecrets(
      'POST /robot/send?access_token=abc123&timestamp=1&sign=xyz%3D key=k1 SECabcdefgh12345678 to 13800138000,+8613912345678',
    );
    expect(text).toBe(
      'POST /robot/send?access_token=***&timestamp=1&sign=*** key=*** SEC*** to 138****8000,139****5678',
    );
  });

  it('signs an SMS gateway body as hex HMAC-SHA256', () => {
    expect(smsSignature('{"a":1}', 'k'.repeat(16))).toBe(
      createHmac('sha256', 'k'.repeat(16)).update('{"a":1}').digest('hex'),
    );
  });
});
