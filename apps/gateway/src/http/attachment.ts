import { StreamableFile } from '@nestjs/common';
import type { KeptDocumentFileView } from '@fengqiao/contracts';

/**
 * Content-Disposition for a download with a Chinese filename: `filename*` (RFC 5987, UTF-8) for
 * every current browser, and a plain ASCII `filename` for anything older, instead of the row of
 * question marks an automatic transliteration leaves.
 */
export function attachment(filename: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

/** The download of a kept document (a signed 调解协议书, a 司法确认申请书 …). */
export const documentDownload = (doc: KeptDocumentFileView, asciiFallback: string) =>
  new StreamableFile(Buffer.from(doc.base64, 'base64'), {
    type: doc.contentType,
    disposition: attachment(doc.filename, asciiFallback),
    length: doc.bytes,
  });
