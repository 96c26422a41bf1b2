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
  signatures?: PdfSignature[];
  /** Right-aligned under the signatures: the document's date (2026年5月1日). */
  dateLine?: string;
  /** Shown in the document's properties. */
  author?: string;
  /**
   * The document's creation date in its properties. Give the date the document is about (a signing)
   * and the same spec renders to the same bytes again; without it, now.
   */
  createdAt?: Date;
}

export interface PdfSignature {
  label: string;
  /** Who signs, when known; else a blank line to sign on. */
  value?: string;
  /** When they signed, right of the line (2026年5月1日). */
  date?: string;
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
      info: {
        Title: spec.title,
        Author: spec.author ?? '枫桥 Hub',
        Creator: '枫桥 Hub',
        ...(spec.createdAt ? { CreationDate: spec.createdAt } : {}),
      },
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
      // Keep the block together: a signature line alone at the top of a page invites doubt.
      const needed = spec.signatures.length * 30 + 40;
      if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      for (const s of spec.signatures) {
        const y = doc.y;
        doc
          .font('body')
          .fontSize(11.5)
          .text(`${s.label}：${s.value ?? '＿＿＿＿＿＿＿＿'}`, left, y, { width: width * 0.68 });
        const after = doc.y;
        if (s.date) doc.text(s.date, left + width * 0.68, y, { width: width * 0.32, align: 'right' });
        doc.x = left;
        doc.y = Math.max(after, doc.y) + 12;
      }
    }
    if (spec.dateLine) doc.moveDown(0.5).font('body').fontSize(11.5).text(spec.dateLine, { align: 'right' });
    doc.end();
  });
}
