import { randomBytes } from 'node:crypto';
import { maskIdNumber, maskPhone, PersonalDataCipher, personalDataKeysFromEnv } from './index';

const key = () => randomBytes(32);

describe('personal data at rest', () => {
  const k1 = key();
  const hashKey = key();
  const old = new PersonalDataCipher({ keys: { k1 }, activeKeyId: 'k1', hashKey });

  it('encrypts with the active key id in the value and decrypts it back', () => {
    const stored = old.encrypt('11010519491231002X');
    expect(stored).toMatch(/^v1:k1:/);
    expect(stored).not.toContain('1101051949');
    expect(old.decrypt(stored)).toBe('11010519491231002X');
    expect(old.encrypt('11010519491231002X')).not.toBe(stored); // a fresh IV each time
  });

  it('rotates: a new active key encrypts, old values still decrypt, and the lookup hash does not change', () => {
    const rotated = new PersonalDataCipher({ keys: { k1, k2: key() }, activeKeyId: 'k2', hashKey });
    const before = old.encrypt('13812345678');
    expect(rotated.decrypt(before)).toBe('13812345678');
    expect(rotated.keyIdOf(rotated.encrypt('13812345678'))).toBe('k2');
    expect(rotated.lookupHash('138 1234 5678')).toBe(old.lookupHash('+8613812345678'));
  });

  it('refuses a tampered value or an unknown key id', () => {
    const stored = old.encrypt('13812345678');
    const parts = stored.split(':');
    parts[4] = Buffer.from('13812345679').toString('base64url');
    expect(() => old.decrypt(parts.join(':'))).toThrow();
    expect(() => old.decrypt(stored.replace(':k1:', ':k9:'))).toThrow(/k9/);
  });

  it('encrypts a document as bytes, decrypts it after a rotation, and refuses it tampered', () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7 身份证号 11010519491231002X'), randomBytes(4096)]);
    const stored = old.encryptBytes(pdf);
    expect(stored.includes(Buffer.from('11010519491231002X'))).toBe(false);
    expect(old.decryptBytes(stored).equals(pdf)).toBe(true);
    expect(old.encryptBytes(pdf).equals(stored)).toBe(false); // a fresh IV each time
    const rotated = new PersonalDataCipher({ keys: { k1, k2: key() }, activeKeyId: 'k2', hashKey });
    expect(rotated.decryptBytes(stored).equals(pdf)).toBe(true);
    const tampered = Buffer.from(stored);
    tampered[tampered.length - 1] ^= 1;
    expect(() => old.decryptBytes(tampered)).toThrow();
    expect(() => old.decryptBytes(rotated.encryptBytes(pdf))).toThrow(/k2/);
    expect(() => old.decryptBytes(Buffer.from('%PDF-1.7'))).toThrow(/not an encrypted/);
  });

  it('masks as the console shows them', () => {
    expect(maskIdNumber('32010219800101123x')).toBe('3201**********123X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('requires real keys in production and names what is missing', () => {
    expect(() => personalDataKeysFromEnv({ NODE_ENV: 'production' })).toThrow(/PII_KEYS/);
    expect(() => personalDataKeysFromEnv({ PII_KEYS: 'a:' + key().toString('base64') })).toThrow(/all three/);
    const { keys, usesDevelopmentKeys } = personalDataKeysFromEnv({
      PII_KEYS: `a:${key().toString('base64')}`,
      PII_ACTIVE_KEY_ID: 'a',
      PII_HASH_KEY: key().toString('base64'),
    });
    expect(usesDevelopmentKeys).toBe(false);
    expect(() => new PersonalDataCipher(keys)).not.toThrow();
    expect(personalDataKeysFromEnv({}).usesDevelopmentKeys).toBe(true);
  });
});
