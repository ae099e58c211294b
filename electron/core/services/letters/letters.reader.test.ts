import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf, hasProgram, pdfPageCount, pdfPages, pdfText } from '../../documents/testing/reader';
import { day, lettersFixture, type LettersFixture } from './fixture';
import { exportLetters } from './service';

/**
 * Decision letters read as a person reads them (issue 8, point 8): the DOCX converted to PDF
 * by LibreOffice, both PDFs' text extracted by pdftotext and their pages rendered by pdftoppm
 * (the PNGs stay in test-results/letters to look at). A Vietnamese and a Thai applicant, each
 * in English and Bahasa Indonesia.
 */

const out = join(process.cwd(), 'test-results', 'letters');
const haveLibreOffice = await hasProgram('libreoffice');
if (!haveLibreOffice) console.warn('LibreOffice is not installed: the DOCX letters are not converted and read back (CI installs it; apt-get install libreoffice-writer-nogui).');

interface Case {
  key: string;
  lang: 'en' | 'id';
  id: () => string;
  expect: string[];
}

let f: LettersFixture;
let vn = '';
let th = '';
beforeAll(() => {
  f = lettersFixture();
  vn = f.apply('2026-03-02');
  f.screen(vn, '2026-03-04', true);
  f.review(vn, '2026-03-10');
  f.decide(vn, '2026-03-20', 'accept');
  f.publish(vn, '2026-03-25', ['career', 'expertise']);
  th = f.apply('2026-03-03', { givenName: 'สมชาย', familyName: 'ใจดี', nameOrder: 'given-family', honorific: '', country: 'TH', nominatingCountry: 'TH', agency: 'สำนักงานคณะกรรมการข้าราชการพลเรือน' });
  f.screen(th, '2026-03-05', true);
  f.review(th, '2026-03-11');
  f.decide(th, '2026-03-21', 'reject', 'The portfolio shows no civil-service training work.');
  f.clock.now = day('2026-04-01');
  mkdirSync(out, { recursive: true });
});
afterAll(() => f.close());

const cases: Case[] = [
  {
    key: 'vn-en',
    lang: 'en',
    id: () => vn,
    expect: ['Application accepted and profile published', 'Dr. Nguyễn Thị Hương', 'Ministry of Home Affairs', 'Viet Nam', 'Dear Dr. Nguyễn Thị Hương,', 'submitted on 2 March 2026 and nominated by Viet Nam, was accepted on 20 March 2026.', 'career and expertise'],
  },
  {
    key: 'vn-id',
    lang: 'id',
    id: () => vn,
    expect: ['Permohonan diterima dan profil dipublikasikan', 'Yth. Dr. Nguyễn Thị Hương', 'Vietnam', 'yang diajukan pada 2 Maret 2026 dengan nominasi dari Vietnam, telah diterima pada 20 Maret 2026.', 'karier dan keahlian'],
  },
  {
    key: 'th-en',
    lang: 'en',
    id: () => th,
    expect: ['Application not accepted', 'สมชาย ใจดี', 'Thailand', 'Dear สมชาย ใจดี,', 'nominated by Thailand, was not accepted. The decision was taken on 21 March 2026.', 'Reason: The portfolio shows no civil-service training work.'],
  },
  {
    key: 'th-id',
    lang: 'id',
    id: () => th,
    expect: ['Permohonan tidak diterima', 'Yth. สมชาย ใจดี', 'dengan nominasi dari Thailand, tidak dapat diterima. Keputusan ini diambil pada 21 Maret 2026.', 'Alasan: The portfolio shows no civil-service training work.'],
  },
];

describe('decision letters as a reader sees them', () => {
  it('show the title, the name lines and the outcome sentence in the PDF and in the DOCX (through LibreOffice)', async () => {
    const docxFiles: string[] = [];
    for (const c of cases) {
      const pdf = await exportLetters(f.ctx, { ids: [c.id()], format: 'pdf', lang: c.lang });
      writeFileSync(join(out, `${c.key}.pdf`), pdf.bytes);
      const docx = await exportLetters(f.ctx, { ids: [c.id()], format: 'docx', lang: c.lang });
      docxFiles.push(join(out, `${c.key}.docx`));
      writeFileSync(docxFiles.at(-1)!, docx.bytes);
    }
    const converted = haveLibreOffice ? await docxToPdf(docxFiles, join(out, 'from-docx')) : [];
    for (const [i, c] of cases.entries()) {
      const pdfs = [join(out, `${c.key}.pdf`), ...(converted[i] ? [converted[i]] : [])];
      for (const pdf of pdfs) {
        const text = await pdfText(pdf);
        for (const wanted of c.expect) expect(text, `${pdf}`).toContain(wanted);
        // A letter of this length fits one page, in both layouts.
        expect(await pdfPageCount(pdf)).toBe(1);
        const pages = await pdfPages(pdf, pdf.replace(/\.pdf$/, ''), 70);
        expect(pages.length).toBe(1);
      }
    }
    console.log(`Letters and their rendered pages: ${out}`);
  }, 240_000);
});
