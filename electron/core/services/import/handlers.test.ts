import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventPayload } from '../../../../shared/contract/events';
import { DATABASE_FILE, openCore, type Core } from '../../app';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase } from '../../db/open';
import { IMPORT_BATCH_ROWS } from './run';
import { importHandlers } from './handlers';
import { chooseProfile, cp1252, importWorld } from './testing';

/** The import methods through the real core's dispatch (outputs checked against the contract in test mode). */
let dir: string;
let core: Core;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'curator-import-core-'));
  const db = openDatabase(join(dir, DATABASE_FILE));
  chooseProfile(db, new ChangeFunnel(db, []), { id: '0190aaaa-0000-7000-8000-00000000000a', name: 'Dewi', role: 'curator', country: 'ID' });
  db.close();
  core = openCore({ dataDir: dir, mode: 'test' });
});
afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

const sheet = cp1252('Nama depan;Nama keluarga;Surel;Negara;Jenis pelamar\r\nJosé;Ramos-Horta;jose@gov.tl;Timor-Leste;praktisi\r\nAna;Peña;;Narnia;akademisi\r\n');
const input = { fileName: 'pelamar.csv', dataBase64: sheet.toString('base64') };

describe('import.* through the core', () => {
  it('previews, dry-runs and imports a sheet, reporting progress as task "import"', async () => {
    const preview = await core.dispatch('import.preview', input);
    expect(preview).toMatchObject({ ok: true, value: { encoding: 'windows-1252', headers: ['Nama depan', 'Nama keluarga', 'Surel', 'Negara', 'Jenis pelamar'], summary: { rows: 2, new: 1, withProblems: 1 } } });
    const value = (preview as { value: { mapping: unknown[]; sample: { cells: string[]; status: string }[]; problemRows: { row: number; name: string }[] } }).value;
    expect(value.mapping).toEqual(['givenName', 'familyName', 'email', 'country', 'applicantType']);
    expect(value.sample.map((s) => [s.cells[0], s.status])).toEqual([['José', 'new'], ['Ana', 'problems']]);
    expect(value.problemRows).toMatchObject([{ row: 3, name: 'Ana Peña' }]);

    expect(await core.dispatch('import.run', { ...input, dryRun: true })).toMatchObject({ ok: true, value: { dryRun: true, wouldAdd: 1, added: 0 } });
    const progress: EventPayload<'progress'>[] = [];
    const changed: string[] = [];
    core.on('progress', (p) => progress.push(p));
    core.on('changed', (c) => changed.push(...c.entities));
    expect(await core.dispatch('import.run', input)).toMatchObject({ ok: true, value: { dryRun: false, added: 1, withProblems: 1 } });
    expect(progress.every((p) => p.task === 'import')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ done: 1, total: 1, finished: true });
    expect(changed).toContain('application');
    expect(await core.dispatch('import.run', input)).toMatchObject({ ok: true, value: { added: 0, alreadyImported: 1 } });
  });

  it('runs one import at a time: a second import.run while one runs is answered BUSY and adds nothing; a dry run is not held up', async () => {
    const [first, second, dry] = await Promise.all([core.dispatch('import.run', input), core.dispatch('import.run', input), core.dispatch('import.run', { ...input, dryRun: true })]);
    expect(first).toMatchObject({ ok: true, value: { added: 1 } });
    expect(second).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect(dry).toMatchObject({ ok: true, value: { dryRun: true } });
    // Once the first is done, the same file can be imported again (and adds nothing new).
    expect(await core.dispatch('import.run', input)).toMatchObject({ ok: true, value: { added: 0, alreadyImported: 1 } });
  });

  it('answers a mapping that does not fit the sheet, and an unreadable file, with stable codes', async () => {
    expect(await core.dispatch('import.preview', { ...input, mapping: ['givenName'] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.dispatch('import.preview', { ...input, mapping: ['givenName', 'givenName', null, null, null] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.dispatch('import.run', { fileName: 'x.csv', dataBase64: '' })).toMatchObject({ ok: false, error: { code: 'IMPORT_UNREADABLE' } });
  });

  it('holds the duplicate index’s background catch-up while an import writes, and it catches up on the whole import once done', async () => {
    // More rows than one batch: between batches the import lets the event loop run, where the
    // indexer's first look (due since the core opened) would drain the queue if not held.
    const n = IMPORT_BATCH_ROWS + 40;
    const lines = Array.from({ length: n }, (_, i) => `Applicant${i},Family${i},applicant${i}@example.org,Indonesia,practitioner`);
    const big = { fileName: 'many.csv', dataBase64: Buffer.from(['Given name,Family name,E-mail,Country,Applicant type', ...lines].join('\r\n')).toString('base64') };
    const db = openDatabase(join(dir, DATABASE_FILE));
    try {
      const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
      const indexedDuringImport: number[] = [];
      core.on('progress', (p) => p.task === 'import' && p.done > 0 && indexedDuringImport.push(count('dedupe_person')));
      expect(await core.dispatch('import.run', big)).toMatchObject({ ok: true, value: { added: n } });
      expect(indexedDuringImport).toEqual([0, 0]);
      expect(count('dedupe_pending')).toBe(n);
      await vi.waitFor(() => expect(count('dedupe_pending')).toBe(0), { timeout: 15_000, interval: 100 });
      expect(count("dedupe_person WHERE entity = 'application'")).toBe(n);
    } finally {
      db.close();
    }
  }, 30_000);
});

describe('importHandlers', () => {
  it('says an import is running from its start until it stops writing, also when it fails; a dry run is not one', async () => {
    const world = importWorld();
    try {
      chooseProfile(world.db, world.funnel, { id: '0190aaaa-0000-7000-8000-00000000000b', name: 'Dewi', role: 'curator', country: 'ID' });
      const states: boolean[] = [];
      const seenInProgress: boolean[] = [];
      let running = false;
      const handlers = importHandlers(
        world.ctx,
        () => seenInProgress.push(running),
        (r) => {
          running = r;
          states.push(r);
        },
      );
      // The inputs as the dispatch hands them over, defaults filled.
      const run = (i: { fileName: string; dataBase64: string; dryRun: boolean }) => handlers['import.run']({ mapping: null, nominatingCountry: null, applicantType: null, ...i });
      await run({ ...input, dryRun: true });
      expect(states).toEqual([]);
      await run({ ...input, dryRun: false });
      expect(states).toEqual([true, false]);
      expect(seenInProgress.length).toBeGreaterThan(0);
      expect(seenInProgress.every(Boolean)).toBe(true);
      await expect(run({ fileName: 'x.csv', dataBase64: '', dryRun: false })).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE' });
      expect(states).toEqual([true, false, true, false]);
    } finally {
      world.close();
    }
  });
});
