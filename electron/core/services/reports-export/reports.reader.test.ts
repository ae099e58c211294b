import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfPages, pdfPageText, pdfText, tocPageOf, writeBoth } from '../../documents/testing/reader';
import { caseStudyDocument } from './build/caseStudy';
import { sampleCaseStudy, sampleSources, sampleStory, THAI_LINE, VIETNAMESE_LINE } from './build/fixture';
import { mtrDocument } from './build/mtr';

/**
 * Case studies and MTR compilations read as a person reads them (issue 8, point 8): exported
 * as DOCX and PDF, the DOCX converted to PDF by LibreOffice headless, both PDFs' text
 * extracted by pdftotext and their pages rendered to PNG by pdftoppm. The pages stay in
 * test-results/reports (their paths are printed) to look at.
 */

const out = join(process.cwd(), 'test-results', 'reports');
/**
 * A matrix row as pdftotext -layout prints it: the characteristic's first words, then its
 * rating on the same line (a long name wraps in its column, its last words on the next line).
 */
const onOneLine = (name: string, rating: string) => new RegExp(`${name.split(' ')[0]}(\\s+\\S+){0,2}\\s+${rating}\\s`, 'u');

async function render(pdf: string): Promise<string[]> {
  const pages = await pdfPages(pdf, pdf.replace(/\.pdf$/, ''), 80);
  console.log(`Pages of ${pdf}:\n  ${pages.join('\n  ')}`);
  return pages;
}

describe('case studies as a reader sees them', () => {
  it('show the title, the five characteristics with their ratings, a figure with its source note, Vietnamese and Thai', async () => {
    rmSync(out, { recursive: true, force: true });
    const src = await sampleSources();
    const record = sampleCaseStudy();
    for (const lang of ['en', 'id'] as const) {
      const model = caseStudyDocument(record, src, lang);
      const pdfs = await writeBoth(model, out, `case-study-${lang}`);
      for (const pdf of pdfs) {
        const text = await pdfText(pdf);
        expect(text, pdf).toContain('Digital personnel records across Viet Nam and Thailand');
        expect(text, pdf).toContain(VIETNAMESE_LINE);
        expect(text, pdf).toContain(THAI_LINE);
        const pages = await pdfPageCount(pdf);
        const laidOut = (await Promise.all(Array.from({ length: pages }, (_, i) => pdfPageText(pdf, i + 1, true)))).join(' ');
        if (lang === 'en') {
          // Each characteristic on one line with its rating, as the matrix prints them.
          for (const [name, rating] of <[string, string][]>[['Engages and benefits the people', 'Strong'], ['Inclusive', 'Evident'], ['Sustainable', 'Emerging'], ['Resilient', 'Evident'], ['Dynamic', 'Not evident'], ['Replicability', 'Not rated']]) {
            expect(laidOut, `${pdf}: ${name}`).toMatch(onOneLine(name, rating));
          }
          expect(text, pdf).toContain('Figure 1. Experts by country');
          expect(text, pdf).toContain('Source: A-EXPECS directory, experts by country; filters: active experts only; taken 29 Nov 2026 14:02 UTC.');
          expect(laidOut, pdf).toMatch(/Indonesia\s+1,234/);
          expect(text, pdf).toContain('Interview with Nguyễn Thị Hương, Director of Civil Servant Management, Ministry of Home Affairs, Viet Nam, 12 March 2026.');
          expect(text, pdf).toContain('Photo: ACCSM Secretariat');
        } else {
          for (const [name, rating] of <[string, string][]>[['Melibatkan dan bermanfaat bagi masyarakat', 'Kuat'], ['Inklusif', 'Tampak'], ['Berkelanjutan', 'Mulai tampak'], ['Tangguh', 'Tampak'], ['Dinamis', 'Tidak tampak']]) {
            expect(laidOut, `${pdf}: ${name}`).toMatch(onOneLine(name, rating));
          }
          expect(text, pdf).toContain('Sumber: direktori A-EXPECS, pakar menurut negara; filter: hanya pakar aktif; diambil 29 Nov 2026 14.02 UTC.');
          expect(laidOut, pdf).toMatch(/Indonesia\s+1\.234/);
        }
        expect(await render(pdf)).toHaveLength(pages);
      }
      // Laid out alike: as many pages from the DOCX as from the PDF.
      if (pdfs.length === 2) expect(await pdfPageCount(pdfs[1]!)).toBe(await pdfPageCount(pdfs[0]!));
    }
  }, 240_000);

  it('compile into an MTR submission whose contents give the page each document starts on', async () => {
    const src = await sampleSources();
    const items = [
      { type: 'case_study' as const, id: 'c1', record: sampleCaseStudy() },
      { type: 'story' as const, id: 's1', record: sampleStory(true) },
      { type: 'case_study' as const, id: 'c2', record: { ...sampleCaseStudy(), title: 'Merit recruitment in Thailand' } },
    ];
    const pdfs = await writeBoth(mtrDocument(items, src, 'en', Date.UTC(2026, 10, 29)), out, 'mtr-en');
    for (const pdf of pdfs) {
      const cover = await pdfPageText(pdf, 1);
      expect(cover, pdf).toContain('Case studies and human-interest stories');
      expect(cover, pdf).toContain('2 case studies and 1 human-interest story');
      const contents = await pdfPageText(pdf, 2, true);
      for (const title of ['Summary of ratings', 'Digital personnel records across Viet Nam and Thailand', 'The beneficiary returns to her village school', 'Merit recruitment in Thailand']) {
        const page = tocPageOf(contents, title);
        expect(page, `${pdf}: ${title} in the contents`).not.toBeNull();
        // The document starts that page: after the running header, its title comes first.
        expect((await pdfPageText(pdf, page!)).trim(), `${pdf}: ${title} on page ${page}`).toMatch(new RegExp(`^A-EXPECS · Mid-term review submission ${title}`));
      }
      const summary = await pdfPageText(pdf, tocPageOf(contents, 'Summary of ratings')!, true);
      expect(summary, pdf).toMatch(/People\s+Inclusive\s+Sustainable\s+Resilient\s+Dynamic/u);
      expect(summary, pdf).toMatch(/Digital personnel\s+Strong\s+Evident\s+Emerging\s+Evident\s+Not evident/u);
      const text = await pdfText(pdf);
      expect(text, pdf).not.toMatch(/\bLan\b/);
      expect(text, pdf).toContain('Figure 4. Experts by country');
      await render(pdf);
    }
    if (pdfs.length === 2) expect(await pdfPageCount(pdfs[1]!)).toBe(await pdfPageCount(pdfs[0]!));
  }, 240_000);
});
