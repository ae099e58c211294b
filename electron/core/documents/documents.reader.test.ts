import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from './model';
import { pdfPageCount, pdfPages, pdfText, writeBoth } from './testing/reader';

/**
 * The document pipeline read back as a reader would (issue 8 builds on it): a two-page document
 * with every kind of block, in the five scripts the Noto fonts cover, rendered to PDF and to
 * DOCX (converted by LibreOffice). Pages rendered to test-results/documents to look at.
 */

const out = join(process.cwd(), 'test-results', 'documents');

const countries: [string, string, string][] = [
  ['Viet Nam', 'Nguyễn Thị Hương', 'Bộ Nội vụ'],
  ['Thailand', 'สมชาย ใจดี', 'สำนักงาน ก.พ.'],
  ['Lao PDR', 'ສົມພອນ ພົມມະວົງ', 'ກະຊວງພາຍໃນ'],
  ['Cambodia', 'សុខ សុភា', 'ក្រសួងមុខងារសាធារណៈ'],
  ['Myanmar', 'အောင်ကျော်', 'ပြည်ထောင်စုရာထူးဝန်အဖွဲ့'],
];

async function sample(): Promise<DocumentModel> {
  const chart = await sharp({ create: { width: 300, height: 120, channels: 3, background: '#4a78a8' } }).png().toBuffer();
  const filler: Block[] = Array.from({ length: 9 }, (_, i) => ({
    kind: 'paragraph',
    align: 'justify',
    text: `Paragraph ${i + 1}. The ACCSM secretariat keeps the pool of experts on civil service, vets the applications of experts nominated by the member states and publishes the approved profiles, so that agencies across the region find the expertise they need for their reforms.`,
  }));
  return {
    title: 'Case study: the pool at work',
    letterhead: [[{ text: 'ACCSM Secretariat', bold: true }], 'Jakarta, Indonesia'],
    header: 'A-EXPECS · test document',
    footer: 'ACCSM',
    language: 'en',
    blocks: [
      { kind: 'heading', level: 1, text: 'Experts by country' },
      { kind: 'paragraph', text: [{ text: 'Five experts, one from each script the fonts cover.' }, { text: ' Source: the directory', italic: true, footnote: 'Experts by country, active profiles, taken on 1 April 2026.' }] },
      { kind: 'table', columns: [2, 3, 4], header: ['Country', 'Expert', 'Agency'], rows: countries.map(([c, n, a]) => [c, [{ text: n, bold: true }], a]) },
      { kind: 'image', data: chart, width: 240, caption: 'Figure 1. A chart drawn as an image' },
      { kind: 'heading', level: 2, text: 'What changed' },
      ...filler,
      { kind: 'paragraph', text: 'Thai line: ผู้เชี่ยวชาญด้านการบริหารราชการ' },
    ],
  };
}

describe('documents as a reader sees them', () => {
  it('come out alike from PDF and DOCX: the same pages, the table, the footnote, every script', async () => {
    const pdfs = await writeBoth(await sample(), out, 'sample');
    for (const file of pdfs) {
      const text = await pdfText(file);
      expect(text, file).toContain('Case study: the pool at work');
      expect(text, file).toContain('Experts by country, active profiles, taken on 1 April 2026.');
      expect(text, file).toContain('Nguyễn Thị Hương');
      expect(text, file).toContain('สมชาย ใจดี');
      expect(text, file).toContain('ສົມພອນ ພົມມະວົງ');
      expect(text, file).toContain('Figure 1. A chart drawn as an image');
      expect(text, file).toContain('Paragraph 9.');
      expect(await pdfPageCount(file), file).toBe(2);
      expect(text, file).toContain('Page 1 of 2');
      expect(text, file).toContain('Page 2 of 2');
      const pages = await pdfPages(file, file.replace(/\.pdf$/, ''), 70);
      expect(pages).toHaveLength(2);
    }
    console.log(`Sample document and its rendered pages: ${out}`);
  }, 180_000);
});
