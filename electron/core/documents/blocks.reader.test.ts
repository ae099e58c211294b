import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentModel } from './model';
import { pdfPageCount, pdfPages, pdfPageText, pdfText, tocPageOf, writeBoth } from './testing/reader';

/**
 * The blocks reports add (issue 8), read back as a reader would: a cover, a table of contents
 * whose page numbers must be the pages the headings are on — in the PDF and in the DOCX as
 * LibreOffice lays it out —, bar charts with their source's footnote, a photo with caption
 * and credit. Pages rendered to test-results/documents-blocks to look at.
 */

const out = join(process.cwd(), 'test-results', 'documents-blocks');

const words = 'The secretariat vetted the nominations with each sectoral body and recorded what changed in the agencies that used the pool.';

async function sample(): Promise<DocumentModel> {
  const photo = await sharp({ create: { width: 400, height: 260, channels: 3, background: '#88a070' } }).jpeg().toBuffer();
  const chapter = (n: number, title: string, extra: Block[] = []): Block[] => [
    { kind: 'heading', level: 1, text: title, newPage: true },
    { kind: 'paragraph', text: `${words} ${words}` },
    { kind: 'heading', level: 2, text: `${title}: results` },
    ...Array.from({ length: 6 }, (): Block => ({ kind: 'paragraph', align: 'justify', text: `${words} ${words} ${words}` })),
    ...extra,
  ];
  return {
    title: 'Mid-term review submission: resource centre A-EXPECS',
    cover: { above: ['ASEAN Cooperation on Civil Service Matters (ACCSM)'], subtitle: ['Case studies and human-interest stories', 'ASCC Blueprint 2025 mid-term review'], below: ['Jakarta, 29 November 2026'] },
    header: 'A-EXPECS · MTR submission',
    footer: 'ACCSM Secretariat',
    language: 'en',
    blocks: [
      { kind: 'toc', title: 'Contents' },
      { kind: 'paragraph', text: 'Summary before the documents.' },
      ...chapter(1, 'Digital payroll in Viet Nam', [
        {
          kind: 'barChart',
          caption: 'Figure 1. Experts by country',
          footnote: 'Source: A-EXPECS directory, experts by country; no filters; taken 29 Nov 2026 14:02 UTC.',
          rows: [
            { label: 'Indonesia', value: 1234 },
            { label: 'Viet Nam (Việt Nam)', value: 987 },
            { label: 'Thailand (ประเทศไทย)', value: 40 },
            { label: 'Brunei Darussalam', value: 0 },
          ],
        },
      ]),
      ...chapter(2, 'Merit recruitment in Thailand', [{ kind: 'image', data: photo, width: 260, caption: 'Panel interview at the civil service commission', credit: 'Photo: Somchai Jaidee' }]),
      ...chapter(3, 'Competency framework in Lao PDR'),
    ],
  };
}

describe('report blocks as a reader sees them', () => {
  it('put the cover first, list every heading at the page it is on, and show the chart with its source', async () => {
    const pdfs = await writeBoth(await sample(), out, 'blocks');
    const counts: number[] = [];
    for (const file of pdfs) {
      const text = await pdfText(file);
      const pages = await pdfPageCount(file);
      counts.push(pages);
      // The cover: the title and the subtitle, and no page number (it has no footer).
      const cover = await pdfPageText(file, 1);
      expect(cover, file).toContain('Mid-term review submission: resource centre A-EXPECS');
      expect(cover, file).toContain('ASCC Blueprint 2025 mid-term review');
      expect(cover, file).not.toContain('Page 1');
      const contents = await pdfPageText(file, 2, true);
      expect(contents, file).toContain('Contents');
      for (const heading of ['Digital payroll in Viet Nam', 'Merit recruitment in Thailand: results', 'Competency framework in Lao PDR']) {
        const listed = tocPageOf(contents, heading);
        expect(listed, `${file}: ${heading} in the contents`).not.toBeNull();
        expect(listed!, file).toBeGreaterThan(2);
        expect(await pdfPageText(file, listed!), `${file}: ${heading} on page ${listed}`).toContain(heading);
      }
      // Each chapter starts a page: the first chapter's heading opens its page, after the header.
      const first = tocPageOf(contents, 'Digital payroll in Viet Nam')!;
      expect((await pdfPageText(file, first)).trim().startsWith('A-EXPECS · MTR submission Digital payroll in Viet Nam'), file).toBe(true);
      expect(text, file).toContain('Figure 1. Experts by country');
      expect(text, file).toContain('Source: A-EXPECS directory, experts by country; no filters; taken 29 Nov 2026 14:02 UTC.');
      expect(text, file).toContain('Viet Nam (Việt Nam)');
      expect(text, file).toContain('Thailand (ประเทศไทย)');
      expect(text, file).toContain('1,234');
      expect(text, file).toContain('Panel interview at the civil service commission');
      expect(text, file).toContain('Photo: Somchai Jaidee');
      expect(text, file).toContain(`Page ${pages} of ${pages}`);
      const pngs = await pdfPages(file, file.replace(/\.pdf$/, ''), 60);
      expect(pngs).toHaveLength(pages);
    }
    // Laid out alike: the DOCX has as many pages as the PDF.
    if (counts.length === 2) expect(counts[1]).toBe(counts[0]);
    console.log(`Report blocks and their rendered pages: ${out}`);
  }, 180_000);
});
