import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { criterionNames, characteristics } from '../../../shared/model/reports/characteristics';
import { docxToPdf, haveLibreOffice, pdfPages, pdfText } from '../documents/testing/reader';
import { testCores } from '../testing';

/**
 * One demo case study as a curator exports it and a reader opens it (issue 8's closing note
 * points at these pages): the demo loaded into a real core, the approved case study exported
 * through `reports.export` as PDF and DOCX, the DOCX converted by LibreOffice, and every page of
 * both rendered to PNG by pdftoppm. The paths are printed.
 */

const { start, closeAll } = testCores();
afterAll(closeAll);
const out = join(process.cwd(), 'test-results', 'reports-demo');

describe('a demo case study, exported', () => {
  it('reads as a document: its title, the five characteristics, a figure with its source, the same in the DOCX', async () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const c = start();
    await c.call('demo.load', { experts: 300, seed: 5 });
    await c.call('profile.create', { name: 'Dewi Lestari', email: 'dewi@example.org', role: 'curator', expertise: [] });
    const { items } = await c.call('reports.list', {});
    const approved = items.find((i) => i.type === 'case_study' && i.status === 'approved')!;
    const pdfs: string[] = [];
    for (const format of ['pdf', 'docx'] as const) {
      const file = await c.call('reports.export', { mode: 'one', id: approved.id, format, lang: 'en' });
      const path = join(out, `demo-case-study.${format}`);
      writeFileSync(path, Buffer.from(file.dataBase64, 'base64'));
      if (format === 'pdf') pdfs.push(path);
      else if (await haveLibreOffice()) pdfs.push(...(await docxToPdf([path], join(out, 'from-docx'))));
    }
    for (const pdf of pdfs) {
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
      expect(text, pdf).toContain(approved.title);
      for (const c5 of characteristics) expect(text, pdf).toContain(criterionNames[c5].en);
      expect(text, pdf).toMatch(/Source: A-EXPECS directory, experts by/);
      const pages = await pdfPages(pdf, pdf.replace(/\.pdf$/, ''), 80);
      expect(pages.length, pdf).toBeGreaterThanOrEqual(2);
      console.log(`Pages of the demo case study "${approved.title}" (${pdf}):\n  ${pages.join('\n  ')}`);
    }
  }, 240_000);
});
