import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../shared/contract/events';
import { DATABASE_FILE, openCore, type Core } from '../../app';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase } from '../../db/open';
import { chooseProfile, cp1252 } from './testing';

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
});
