import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeFunnel } from '../electron/core/changes/funnel';
import { openDatabase } from '../electron/core/db/open';
import { interviewA, sampleCaseStudy, sampleStory } from '../electron/core/services/reports-export/build/fixture';

/** `npm run report` on a real data folder: the files it writes, and a refusal that writes none. */

const run = promisify(execFile);
const script = join(process.cwd(), 'scripts', 'report.ts');
let dir = '';
const caseStudyId = '01900000-0000-7000-8000-00000000d501';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
  const db = openDatabase(join(dir, 'data', 'curator.db'));
  const { id: _id, ...interview } = interviewA;
  new ChangeFunnel(db, []).write('setup', [
    { entity: 'interview', id: interviewA.id, fields: { ...interview, sectoralBody: '', notes: '', transcript: '', attachment: null, demo: false } },
    { entity: 'case_study', id: caseStudyId, fields: { ...sampleCaseStudy(), photos: [] } },
    { entity: 'story', id: '01900000-0000-7000-8000-00000000d502', fields: { ...sampleStory(true), photos: [] } },
  ]);
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const report = (...args: string[]) => run(process.execPath, ['--import', 'tsx', script, '--data-dir', join(dir, 'data'), ...args], { timeout: 120_000 });

describe('npm run report', () => {
  it('writes an MTR compilation of every live report as DOCX and PDF, and one document with --id', async () => {
    const all = await report('--out', join(dir, 'all'), '--all', '--lang', 'id');
    expect(all.stdout).toContain('(2 documents)');
    expect(readdirSync(join(dir, 'all')).sort()).toEqual([expect.stringMatching(/^bahan-tinjauan-paruh-waktu-\d{4}-\d\d-\d\d-id\.docx$/), expect.stringMatching(/^bahan-tinjauan-paruh-waktu-\d{4}-\d\d-\d\d-id\.pdf$/)]);
    await report('--out', join(dir, 'one'), '--id', caseStudyId, '--format', 'pdf');
    expect(readdirSync(join(dir, 'one'))).toEqual(['case-study-digital-personnel-records-across-viet-nam-and-thailand-en.pdf']);
  }, 180_000);

  it('says what is wrong and writes nothing for an unknown id or a bad language', async () => {
    await expect(report('--out', join(dir, 'none'), '--id', '01900000-0000-7000-8000-0000000000ff')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('NOT_FOUND: No case study or story') });
    await expect(report('--out', join(dir, 'none'), '--lang', 'fr')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--lang is en or id') });
    expect(readdirSync(join(dir, 'none'))).toEqual([]);
  }, 120_000);
});
