import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * Noto Sans SC (SIL OFL) from the npm registry: the PDF embeds the subset of its glyphs a document
 * uses, so the Chinese text renders and extracts back (pdftotext) on any reader, with no system font.
 */
const CJK_FONT = createRequire(__filename).resolve(
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
);
const CJK_FONT_BOLD = createRequire(__filename).resolve(
  '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
);

/** A document as headed blocks of text: what 调解协议书, 司法确认申请书 and the like are made of. */
export interface PdfDocumentSpec {
  title: string;
  /** Right-aligned under the title, e.g. the document number (编号). */
  reference?: string;
  sections: PdfSection[];
  /** Signature lines at the end: a label each (当事人（签名）, 调解员（签名）…) with what is known. */
  signatures?: { label: string; value?: string }[];
  /** Shown in the document's properties. */
  author?: string;
}

export interface PdfSection {
  heading?: string;
  paragraphs: string[];
}

/** Renders an A4 document with an embedded CJK font; resolves to the whole PDF. */
export function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: 72, bottom: 72, left: 80, right: 80 },
      info: { Title: spec.title, Author: spec.author ?? '枫桥 Hub', Creator: '枫桥 Hub' },
      // Fixed dates keep the same document byte-for-byte the same when rendered again.
      compress: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.registerFont('body', CJK_FONT);
    doc.registerFont('bold', CJK_FONT_BOLD);
    doc.font('bold').fontSize(20).text(spec.title, { align: 'center' });
    if (spec.reference)
      doc.moveDown(0.3).font('body').fontSize(10.5).text(spec.reference, { align: 'right' });
    doc.moveDown(1);
    for (const section of spec.sections) {
      if (section.heading) doc.font('bold').fontSize(12).text(section.heading).moveDown(0.3);
      for (const p of section.paragraphs) {
        doc.font('body').fontSize(11.5).text(p, { indent: 23, lineGap: 4, align: 'justify' }).moveDown(0.4);
      }
      doc.moveDown(0.5);
    }
    if (spec.signatures?.length) {
      doc.moveDown(1);
      for (const s of spec.signatures) {
        doc
          .font('body')
          .fontSize(11.5)
          .text(`${s.label}：${s.value ?? ''}`, { lineGap: 10 });
      }
    }
    doc.end();
  });
}
