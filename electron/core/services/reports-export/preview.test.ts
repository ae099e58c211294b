import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase, type Db } from '../../db/open';
import { pdfPageCount, pdfText } from '../../documents/testing/reader';
import { putPhoto } from '../attachments';
import { loadShippedTaxonomy } from '../taxonomy-resource';
import { interviewA, interviewB, sampleCaseStudy, sampleStory } from './build/fixture';
import { previewReport } from './preview';
import { exportReports, type ReportsExportDeps } from './service';

/**
 * The Preview tab's PDF over a real database (records through the change funnel, photos through
 * the photo pipeline), read back with poppler as the export's own tests read it.
 */

let dir = '';
let out = '';
let db: Db;
let deps: ReportsExportDeps;
const ids = { cs: '01900000-0000-7000-8000-00000000d501', named: '01900000-0000-7000-8000-00000000d502', anon: '01900000-0000-7000-8000-00000000d503', gone: '01900000-0000-7000-8000-00000000d5ff' };
const madeAt = Date.UTC(2026, 10, 29, 6);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reports-preview-'));
  out = mkdtempSync(join(tmpdir(), 'reports-preview-read-'));
  db = openDatabase(join(dir, 'curator.db'));
  const funnel = new ChangeFunnel(db, [], () => Date.UTC(2026, 10, 29));
  const png = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#336699' } }).png().toBuffer();
  const photo = await putPhoto(db, png.toString('base64'));
  const { id: _a, ...a } = interviewA;
  const { id: _b, ...b } = interviewB;
  const story = (anonymised: boolean) => ({ ...sampleStory(anonymised), consent: null, photos: [{ ...sampleStory(anonymised).photos[0]!, hash: photo.hash }] });
  funnel.write('setup', [
    { entity: 'interview', id: interviewA.id, fields: { ...a, sectoralBody: '', notes: '', transcript: '', attachment: null, demo: false } },
    { entity: 'interview', id: interviewB.id, fields: { ...b, sectoralBody: '', notes: '', transcript: '', attachment: null, demo: false } },
    { entity: 'case_study', id: ids.cs, fields: { ...sampleCaseStudy(photo.hash) } },
    // Neither story has a recorded consent: the export refuses both; the preview shows both.
    { entity: 'story', id: ids.named, fields: story(false) },
    { entity: 'story', id: ids.anon, fields: { ...story(true), title: 'How Lan went back to school' } },
  ]);
  deps = { db, taxonomy: loadShippedTaxonomy(), now: () => madeAt };
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

/** Writes the bytes where poppler can read them (the test's own folder, not the data folder). */
async function read(bytes: Buffer, name: string) {
  const file = join(out, name);
  writeFileSync(file, bytes);
  return { text: await pdfText(file), pages: await pdfPageCount(file) };
}

/** pdfkit writes each image as an XObject whose dictionary (never compressed) names its subtype. */
const images = (bytes: Buffer) => bytes.toString('latin1').split('/Subtype /Image').length - 1;

describe('reports.preview: the document the export would write, handed back', () => {
  it('is the case study’s PDF, its page count right, in the language asked, and writes nothing', async () => {
    const before = readdirSync(dir).sort();
    const en = await previewReport(deps, { id: ids.cs, lang: 'en' });
    expect(en.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const read_ = await read(en.bytes, 'cs-en.pdf');
    expect(en.pages).toBe(read_.pages);
    expect(en.pages).toBeGreaterThanOrEqual(2);
    expect(read_.text).toContain('Digital personnel records across Viet Nam and Thailand');
    expect(read_.text).toContain(`Page 1 of ${en.pages}`);
    expect(images(en.bytes)).toBe(1);
    expect(en.madeAt).toBe(madeAt);
    expect(en.recordUpdatedAt).toBe(Date.UTC(2026, 10, 29));
    // The same pages as the export's PDF: one path builds both.
    const exported = await exportReports(deps, { mode: 'one', id: ids.cs, format: 'pdf', lang: 'en' });
    expect((await read(exported.bytes, 'cs-export.pdf')).text).toBe(read_.text);
    const id = await read((await previewReport(deps, { id: ids.cs, lang: 'id' })).bytes, 'cs-id.pdf');
    expect(id.text).toContain('Halaman 1 dari');
    expect(readdirSync(dir).sort()).toEqual(before);
  }, 60_000);

  it('shows a story without consent (the export refuses it) with its name and photo', async () => {
    await expect(exportReports(deps, { mode: 'one', id: ids.named, format: 'pdf', lang: 'en' })).rejects.toMatchObject({ code: 'NO_CONSENT' });
    const named = await previewReport(deps, { id: ids.named, lang: 'en' });
    const { text } = await read(named.bytes, 'named.pdf');
    expect(text).toContain('Lan returns to her village school');
    expect(text).toMatch(/\bLan\b/);
    expect(images(named.bytes)).toBe(1);
  }, 60_000);

  it('never shows an anonymised beneficiary’s name or photo', async () => {
    const anon = await previewReport(deps, { id: ids.anon, lang: 'en' });
    const { text } = await read(anon.bytes, 'anon.pdf');
    expect(text).toContain('How the beneficiary went back to school');
    expect(text).toContain('Before, the beneficiary waited eight months');
    expect(text).not.toMatch(/\bLan\b/);
    expect(images(anon.bytes)).toBe(0);
  }, 60_000);

  it('says when the record is not there', async () => {
    await expect(previewReport(deps, { id: ids.gone, lang: 'en' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
