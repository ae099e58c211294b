import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase, type Db } from '../../db/open';
import { pdfText } from '../../documents/testing/reader';
import { putPhoto } from '../attachments';
import { loadShippedTaxonomy } from '../taxonomy-resource';
import { interviewA, interviewB, sampleCaseStudy, sampleStory } from './build/fixture';
import { exportReports, type ReportsExportDeps } from './service';

/** The export over a real database: records written through the change funnel, photos through the photo pipeline. */

let dir = '';
let db: Db;
let deps: ReportsExportDeps;
let funnel: ChangeFunnel;
const funnelOf = () => funnel;
const ids = { cs: '01900000-0000-7000-8000-00000000c501', story: '01900000-0000-7000-8000-00000000c502', anon: '01900000-0000-7000-8000-00000000c503', noConsent: '01900000-0000-7000-8000-00000000c504', partial: '01900000-0000-7000-8000-00000000c505' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reports-export-'));
  db = openDatabase(join(dir, 'curator.db'));
  funnel = new ChangeFunnel(db, [], () => Date.UTC(2026, 10, 29));
  const png = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#336699' } }).png().toBuffer();
  const photo = await putPhoto(db, png.toString('base64'));
  const { id: _a, ...a } = interviewA;
  const { id: _b, ...b } = interviewB;
  const cs = sampleCaseStudy(photo.hash);
  funnel.write('setup', [
    { entity: 'interview', id: interviewA.id, fields: { ...a, sectoralBody: '', notes: '', transcript: '', attachment: null, demo: false } },
    { entity: 'interview', id: interviewB.id, fields: { ...b, sectoralBody: '', notes: '', transcript: '', attachment: null, demo: false } },
    { entity: 'case_study', id: ids.cs, fields: { ...cs } },
    { entity: 'story', id: ids.story, fields: { ...sampleStory(false), countries: ['TH'], photos: [{ ...sampleStory(false).photos[0]!, hash: photo.hash }] } },
    { entity: 'story', id: ids.anon, fields: { ...sampleStory(true), title: 'Anonymised story of Lan' } },
    { entity: 'story', id: ids.noConsent, fields: { ...sampleStory(false), title: 'Story without consent', consent: null, status: 'draft' } },
  ]);
  deps = { db, taxonomy: loadShippedTaxonomy(), now: () => Date.UTC(2026, 10, 29, 5) };
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const read = async (bytes: Buffer, name: string) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return pdfText(file);
};

describe('exporting case studies and stories', () => {
  it('gives one case study as a PDF with its photo, and as a DOCX, named by its title', async () => {
    const pdf = await exportReports(deps, { mode: 'one', id: ids.cs, format: 'pdf', lang: 'en' });
    expect(pdf.fileName).toBe('case-study-digital-personnel-records-across-viet-nam-and-thailand-en.pdf');
    expect(pdf.mime).toBe('application/pdf');
    const text = await read(pdf.bytes, 'one.pdf');
    expect(text).toContain('Digital personnel records across Viet Nam and Thailand');
    expect(text).toContain('Photo: ACCSM Secretariat');
    const docx = await exportReports(deps, { mode: 'one', id: ids.cs, format: 'docx', lang: 'id' });
    expect(docx.fileName).toBe('studi-kasus-digital-personnel-records-across-viet-nam-and-thailand-id.docx');
    expect(docx.bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a story without recorded consent, and one whose quote’s interview has no consent to be quoted', async () => {
    await expect(exportReports(deps, { mode: 'one', id: ids.noConsent, format: 'pdf', lang: 'en' })).rejects.toMatchObject({ code: 'NO_CONSENT', details: { story: ids.noConsent } });
    // A compilation that includes it is refused whole.
    await expect(exportReports(deps, { mode: 'mtr', ids: [ids.cs, ids.noConsent], format: 'pdf', lang: 'en' })).rejects.toMatchObject({ code: 'NO_CONSENT' });
  });

  it('compiles the reports a filter chooses, reporting progress, and leaves out what it does not match', async () => {
    const seen: { done: number; total: number; finished: boolean }[] = [];
    const file = await exportReports(deps, { mode: 'mtr', filters: { type: ['story'], countries: ['TH'] }, format: 'pdf', lang: 'en' }, (p) => seen.push(p));
    expect(file.count).toBe(1);
    expect(file.fileName).toBe('mtr-submission-2026-11-29-en.pdf');
    const text = await read(file.bytes, 'mtr.pdf');
    expect(text).toContain('0 case studies and 1 human-interest story');
    expect(text).toContain('Lan returns to her village school');
    expect(text).not.toContain('Digital personnel records');
    expect(seen[0]).toEqual({ done: 0, total: 2, finished: false });
    expect(seen.at(-1)).toEqual({ done: 2, total: 2, finished: true });
    // By characteristic: inclusive rated at least evident — only the case study.
    const rated = await exportReports(deps, { mode: 'mtr', filters: { rating: { criterion: 'inclusive', min: 'evident' } }, format: 'docx', lang: 'en' });
    expect(rated.count).toBe(1);
    await expect(exportReports(deps, { mode: 'mtr', filters: { countries: ['BN'] }, format: 'pdf', lang: 'en' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);

  it('compiles what the list shows for the same filters: its search reads the sections too, and a record without a title is no report yet', async () => {
    // The Compile dialog counts with reports.list and sends the same filters: the two must agree.
    // "promotions" is only in the case study's Problem section, "nguyen" only in its quote's
    // speaker (written Nguyễn): neither is in a title.
    const text = await read((await exportReports(deps, { mode: 'mtr', filters: { query: 'promotions' }, format: 'pdf', lang: 'en' })).bytes, 'query.pdf');
    expect(text).toContain('1 case study and 0 human-interest stories');
    expect(text).toContain('Digital personnel records');
    expect(text).not.toContain('Lan returns to her village school');
    expect((await exportReports(deps, { mode: 'mtr', filters: { query: 'nguyen' }, format: 'docx', lang: 'en' })).count).toBe(1);
    // A partial record (its creation not yet synced: no title) is in no list and in no compilation.
    funnelOf().write('sync', [{ entity: 'case_study', id: ids.partial, fields: { countries: ['TH'] } }]);
    expect((await exportReports(deps, { mode: 'mtr', filters: { type: ['case_study'] }, format: 'docx', lang: 'en' })).count).toBe(1);
    await expect(exportReports(deps, { mode: 'one', id: ids.partial, format: 'pdf', lang: 'en' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  }, 60_000);

  it('never puts an anonymised beneficiary’s name in a compilation', async () => {
    const file = await exportReports(deps, { mode: 'mtr', ids: [ids.anon, ids.cs], format: 'pdf', lang: 'en' });
    const text = await read(file.bytes, 'anon.pdf');
    expect(text).toContain('Anonymised story of the beneficiary');
    expect(text).not.toMatch(/\bLan\b/);
  }, 60_000);
});
