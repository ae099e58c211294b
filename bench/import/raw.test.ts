import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/app';
import { openDatabase } from '../../electron/core/db/open';
import { IMPORT_BATCH_ROWS } from '../../electron/core/services/import/run';
import { importedRows } from './raw';
import { importThroughCore, rawReference } from './runs';
import { applicantSheet } from './sheet';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the import bench’s raw reference', () => {
  it('writes the same tables with the same row counts as the real import of the sheet, so the ratio compares like with like', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'curator-import-raw-'));
    dirs.push(dir);
    const n = 23;
    const run = await importThroughCore(dir, Buffer.from(applicantSheet(n, 3).csv, 'utf8'));
    expect(run.report).toMatchObject({ added: n, withProblems: 0 });
    // What the import leaves behind (the duplicate index catches up after it: its queue rows).
    expect(run.added).toMatchObject({
      records: 2 * n,
      changes: 2 * n,
      feed: 2 * n,
      dedupe_pending: n,
      application_index: n,
      application_fts: n,
    });
    expect(run.added).toHaveProperty('application_stage_count');

    const imported = openDatabase(join(dir, DATABASE_FILE));
    // Grouped as the import's batches (one here), and as smaller ones when asked.
    const batches = importedRows(imported, IMPORT_BATCH_ROWS);
    expect(importedRows(imported, 10).map((b) => [b.records.length, b.index.length, b.search.length])).toEqual([
      [20, 10, 10],
      [20, 10, 10],
      [6, 3, 3],
    ]);
    imported.close();
    // Every table the import added rows to, and no other, by the same number of rows (FTS5's
    // segment tables included: the same search rows in the same order make the same segments).
    expect(rawReference(join(dir, 'raw.db'), batches).added).toEqual(run.added);
  });
});
