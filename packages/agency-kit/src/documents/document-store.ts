import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { KeptDocumentFileView } from '@fengqiao/contracts';
import type { EntityManager } from 'typeorm';
import { unprocessable } from '@fengqiao/errors';
import { PersonalDataCipher } from '@fengqiao/pii';
import { KeptDocument } from './kept-document.entity';

/**
 * A kept document travels back over NATS as base64 in one reply (a third larger), which must stay
 * under NATS's 1 MB max_payload with the envelope: 900 KiB of base64, so 675 KiB of PDF.
 */
export const MAX_DOCUMENT_BYTES = 675 * 1024;

export interface DocumentToKeep {
  agencyId: string;
  referralId: string;
  kind: string;
  filename: string;
  contentType: string;
  content: Buffer;
  createdById: string;
}

/** A kept document read back and checked against the hash taken when it was made. */
export interface OpenedDocument {
  document: KeptDocument;
  content: Buffer;
}

export const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Refuses a document too large to hand back in one reply, naming the field the caller can shorten:
 * better a clear 422 when it is made than a document kept that nobody can download.
 */
export function assertDocumentFits(content: Buffer, field: string): void {
  if (content.length <= MAX_DOCUMENT_BYTES) return;
  const kb = Math.ceil(content.length / 1024);
  throw unprocessable(
    field,
    `the document would be ${kb} KiB, above the ${MAX_DOCUMENT_BYTES / 1024} KiB a kept document may have; shorten it`,
    `生成的文书约 ${kb} KiB，超过 ${MAX_DOCUMENT_BYTES / 1024} KiB 的上限，请精简内容`,
  );
}

/** Keeps documents with their case, encrypted at rest, in the agency's own schema. */
@Injectable()
export class DocumentStore {
  constructor(private readonly cipher: PersonalDataCipher) {}

  /** In the caller's transaction, beside the change the document records. */
  async keep(m: EntityManager, doc: DocumentToKeep): Promise<KeptDocument> {
    const kept = m.create(KeptDocument, {
      id: randomUUID(),
      agencyId: doc.agencyId,
      referralId: doc.referralId,
      kind: doc.kind,
      filename: doc.filename,
      contentType: doc.contentType,
      contentEncrypted: this.cipher.encryptBytes(doc.content),
      sha256: sha256Hex(doc.content),
      bytes: doc.content.length,
      createdById: doc.createdById,
    });
    await m.insert(KeptDocument, kept);
    return kept;
  }

  /** Decrypts a kept document; a copy that no longer matches its hash is an error, never served. */
  async open(m: EntityManager, id: string): Promise<OpenedDocument | null> {
    const document = await m
      .getRepository(KeptDocument)
      .createQueryBuilder('d')
      .addSelect('d.contentEncrypted')
      .where('d.id = :id', { id })
      .getOne();
    if (!document) return null;
    const content = this.cipher.decryptBytes(document.contentEncrypted);
    if (sha256Hex(content) !== document.sha256 || content.length !== document.bytes) {
      throw new Error(`kept document ${id} does not match its SHA-256: refusing to serve it`);
    }
    return { document, content };
  }

  /** A kept document opened for a reply (base64 with its name, type, hash and size); null when none. */
  async openForReply(m: EntityManager, id: string): Promise<KeptDocumentFileView | null> {
    const opened = await this.open(m, id);
    if (!opened) return null;
    const { filename, contentType, sha256, bytes } = opened.document;
    return { filename, contentType, sha256, bytes, base64: opened.content.toString('base64') };
  }
}
