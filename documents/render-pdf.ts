/**
 * An official document as a PDF in the layout of GB/T 9704-2012: A4, 版心 156 × 225 mm (margins: top
 * 37 mm, left 28 mm), the issuer's mark in red above the 文号 and the red separator line, the title,
 * the addressee, the body with a two-character indent, the signatures and the date on the right, and
 * the page number 「— 1 —」 at the foot (odd pages right, even pages left). The fonts are embedded
 * (subset, with their ToUnicode map, so the text can be found and copied). The bytes depend only on
 * the document: its creation date is the act's date and its id is derived from it, so the same act
 * renders the same bytes.
 */
import PDFDocument from 'pdfkit';
import type { DocumentText } from '../domain/document-text';
import { documentFonts } from './font';

const mm = (n: number) => (n * 72) / 25.4;
/** 号 sizes in points: 初号 42, 二号 22, 三号 16, 四号 14. */
const SIZE = { mark: 36, title: 22, body: 16, pageNumber: 14 };
const RED = '#E60012';
const PAGE = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const WIDTH = mm(210) - PAGE.left - PAGE.right;

export function renderDocumentPdf(text: DocumentText, meta: { issuedAt: string; subject: string }): Promise<Buffer> {
  const fonts = documentFonts();
  const issuedAt = new Date(meta.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE,
    bufferPages: true,
    autoFirstPage: true,
    // The document's id is a hash of this information: fixed by the act, so it is the same every time.
    info: {
      Title: text.title,
      Subject: meta.subject,
      Author: text.signatures.map((s) => s.organisation).join('、'),
      Producer: 'collab-zones',
      Creator: 'collab-zones',
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont('regular', fonts.regular.file, fonts.regular.postscriptName);
  doc.registerFont('bold', fonts.bold.file, fonts.bold.postscriptName);

  // 版头: 发文机关标志 (red), then 文号 two lines below, the red line 4 mm under it.
  doc.font('bold').fontSize(SIZE.mark).fillColor(RED);
  for (const line of text.issuerMark.split('\n')) doc.text(line, { align: 'center', characterSpacing: 2 });
  doc.moveDown(1);
  doc.font('regular').fontSize(SIZE.body).fillColor('black').text(text.number, { align: 'center' });
  const lineY = doc.y + mm(4);
  doc
    .moveTo(PAGE.left, lineY)
    .lineTo(PAGE.left + WIDTH, lineY)
    .lineWidth(1.5)
    .strokeColor(RED)
    .stroke();
  doc.y = lineY + mm(4);

  // 主体: 标题, 主送机关, 正文.
  doc.moveDown(1.5);
  doc.font('bold').fontSize(SIZE.title).fillColor('black').text(text.title, { align: 'center', lineGap: 6 });
  doc.moveDown(1);
  doc.font('regular').fontSize(SIZE.body);
  if (text.addressee) doc.text(text.addressee, { align: 'left', lineGap: 10 });
  for (const paragraph of text.body) {
    const heading = /^[一二三四五六七八九十]+、/.test(paragraph);
    doc.font(heading ? 'bold' : 'regular').text(paragraph, { indent: SIZE.body * 2, align: 'justify', lineGap: 10 });
  }

  // 署名 and 成文日期, right-aligned, four lines below the body (二字 from the right edge).
  doc.moveDown(2);
  doc.font('regular');
  for (const s of text.signatures) {
    doc.text(s.signer ? `${s.organisation}（签署人：${s.signer}）` : s.organisation, { align: 'right', lineGap: 10 });
  }
  doc.text(text.date, { align: 'right', lineGap: 10 });

  // 页码: 「— n —」, 7 mm below the 版心, odd pages right and even pages left, one character in.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const n = i + 1;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('regular').fontSize(SIZE.pageNumber).fillColor('black');
    doc.text(`— ${n} —`, PAGE.left + SIZE.pageNumber, mm(297) - PAGE.bottom + mm(7), {
      width: WIDTH - 2 * SIZE.pageNumber,
      align: n % 2 ? 'right' : 'left',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
