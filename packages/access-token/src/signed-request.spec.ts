import { checkRequest, signRequest } from './signed-request';

const key = 'a-signing-key-that-is-long-enough-for-tests';
const fields = {
  subject: 'dispatch.case.list.v1',
  issuedAt: Date.now(),
  actor: { id: 'u-1', role: 'reporter', jurisdictionCode: '370781007201' },
  body: { page: 1 },
  origin: '127.0.0.1',
};

describe('signed requests', () => {
  it('accepts a fresh request signed with the key', () => {
    expect(checkRequest(fields, signRequest(fields, key), key)).toBe('ok');
  });

  it('refuses a promoted role, another subject, another key, a missing or an old signature', () => {
    const sig = signRequest(fields, key);
    expect(checkRequest({ ...fields, actor: { ...fields.actor, role: 'leader' } }, sig, key)).toBe(
      'bad signature',
    );
    expect(checkRequest({ ...fields, subject: 'dispatch.case.register.v1' }, sig, key)).toBe('bad signature');
    expect(checkRequest(fields, signRequest(fields, 'another-key-that-is-also-long-enough'), key)).toBe(
      'bad signature',
    );
    expect(checkRequest(fields, undefined, key)).toBe('unsigned');
    const old = { ...fields, issuedAt: Date.now() - 120000 };
    expect(checkRequest(old, signRequest(old, key), key)).toBe('stale');
  });
});
