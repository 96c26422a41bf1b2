import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Parties' ID numbers and phone numbers at rest: AES-256-GCM with the id of the key stored in
 * each value (so keys rotate without re-encrypting at once), and an HMAC-SHA256 keyed hash beside
 * it for exact-match lookups (duplicate and repeat detection) without decrypting anything.
 */
export interface PersonalDataKeys {
  /** Encryption keys by id, 32 bytes each. The active one encrypts; all of them decrypt. */
  keys: Record<string, Buffer>;
  activeKeyId: string;
  /** Key of the lookup hash. Changing it means re-hashing every stored value. */
  hashKey: Buffer;
}

const FORMAT = 'v1';
const BYTES_FORMAT = 'b1';
const BYTES_MAGIC = Buffer.from('FQB1', 'ascii');

export class PersonalDataCipher {
  constructor(private readonly k: PersonalDataKeys) {
    for (const [id, key] of Object.entries(k.keys)) {
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id))
        throw new Error(`personal data key id "${id}" must be 1-32 letters, digits, - or _`);
      if (key.length !== 32)
        throw new Error(`personal data key "${id}" must be 32 bytes (AES-256), got ${key.length}`);
    }
    if (!k.keys[k.activeKeyId])
      throw new Error(`the active personal data key "${k.activeKeyId}" is not among the keys`);
    if (k.hashKey.length < 32) throw new Error('the personal data hash key must be at least 32 bytes');
  }

  /** `v1:<key id>:<iv>:<tag>:<ciphertext>`, base64url parts. */
  encrypt(clear: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.k.keys[this.k.activeKeyId], iv);
    cipher.setAAD(Buffer.from(`${FORMAT}:${this.k.activeKeyId}`));
    const ct = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url'));
    return [FORMAT, this.k.activeKeyId, ...parts].join(':');
  }

  decrypt(stored: string): string {
    const [format, keyId, iv, tag, ct] = stored.split(':');
    if (format !== FORMAT || !ct) throw new Error('not an encrypted personal data value');
    const key = this.k.keys[keyId];
    if (!key)
      throw new Error(`personal data key "${keyId}" is not configured: it is needed to read this value`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${format}:${keyId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  /**
   * A whole document at rest (a signed 调解协议书 carries the parties' full ID numbers): AES-256-GCM
   * like `encrypt`, as bytes: `FQB1`, the key id's length and the key id, then iv, tag, ciphertext.
   */
  encryptBytes(clear: Uint8Array): Buffer {
    const keyId = Buffer.from(this.k.activeKeyId, 'ascii');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.k.keys[this.k.activeKeyId], iv);
    cipher.setAAD(Buffer.from(`${BYTES_FORMAT}:${this.k.activeKeyId}`));
    const ct = Buffer.concat([cipher.update(clear), cipher.final()]);
    return Buffer.concat([BYTES_MAGIC, Buffer.from([keyId.length]), keyId, iv, cipher.getAuthTag(), ct]);
  }

  decryptBytes(stored: Uint8Array): Buffer {
    const b = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    if (b.length < 5 || !b.subarray(0, 4).equals(BYTES_MAGIC))
      throw new Error('not an encrypted personal data document');
    const idEnd = 5 + b[4];
    const keyId = b.subarray(5, idEnd).toString('ascii');
    const key = this.k.keys[keyId];
    if (!key)
      throw new Error(`personal data key "${keyId}" is not configured: it is needed to read this document`);
    const decipher = createDecipheriv('aes-256-gcm', key, b.subarray(idEnd, idEnd + 12));
    decipher.setAAD(Buffer.from(`${BYTES_FORMAT}:${keyId}`));
    decipher.setAuthTag(b.subarray(idEnd + 12, idEnd + 28));
    return Buffer.concat([decipher.update(b.subarray(idEnd + 28)), decipher.final()]);
  }

  /** The key a stored value was encrypted with (to find values a rotation has not reached yet). */
  keyIdOf(stored: string): string {
    return stored.split(':')[1];
  }

  /** Keyed hash of the normalised value, hex; equal values give equal hashes. */
  lookupHash(clear: string): string {
    return createHmac('sha256', this.k.hashKey).update(normalise(clear)).digest('hex');
  }
}

/** ID numbers compare with an upper-case check character; phones without spaces or a +86 prefix. */
export function normalise(value: string): string {
  return value
    .replace(/[\s-]/g, '')
    .replace(/^\+?86(?=1\d{10}$)/, '')
    .toUpperCase();
}
