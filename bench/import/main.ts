/**
 * The bulk import figures: a sheet of N generated applicants imported through the real path
 * (file bytes → reader → preview → admission → batches of applications and submitted events
 * through the change funnel, on a real database file), and the same rows written by plain
 * INSERT statements into a bare SQLite table (one JSON column), in the same batches, in the
 * same run.
 * - import.rows_per_s: rows imported per second, the whole import from the file's bytes;
 * - import.raw_rows_per_s: the same rows by plain statements;
 * - import.ratio_vs_raw: import rate / raw rate, in % (goal ≥ 25 %);
 * - import.read_share: the part of the import spent before the first write (reading, checking).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import { openDatabase } from '../../electron/core/db/open';
import { IMPORT_BATCH_ROWS, runImport } from '../../electron/core/services/import/run';
import { chooseProfile } from '../../electron/core/services/import/testing';
import { vettingContext } from '../../electron/core/services/vetting/context';
import { uuidv7 } from '../../shared/ids';
import { applicantSheet } from './sheet';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export async function runImportBench(quick: boolean): Promise<Figure[]> {
  const n = quick ? 5_000 : 20_000;
  const { csv, rows } = applicantSheet(n, 7);
  const bytes = Buffer.from(csv, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'curator-import-bench-'));
  try {
    const db = openDatabase(join(dir, 'import.db'));
    const funnel = new ChangeFunnel(db, []);
    chooseProfile(db, funnel, { id: uuidv7(), name: 'Bench Curator', role: 'curator', country: 'ID' });
    const ctx = vettingContext({ db, funnel, serverUser: () => null, changed: () => {} });
    let firstWrite = 0;
    const t0 = performance.now();
    const report = await runImport(ctx, { fileName: 'bench.csv', dataBase64: bytes.toString('base64') }, {
      dryRun: false,
      onProgress: (p) => {
        if (p.done === 0) firstWrite = performance.now();
      },
    });
    const importMs = performance.now() - t0;
    if (report.added !== n) throw new Error(`The import bench sheet should import whole: ${report.added} of ${n} added, ${report.withProblems} with problems (${report.items.find((i) => i.problems.length)?.problems[0]?.message ?? ''}).`);
    db.close();

    const raw = openDatabase(join(dir, 'raw.db'));
    raw.exec('CREATE TABLE raw_rows (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT');
    const insert = raw.prepare('INSERT INTO raw_rows (id, data) VALUES (?, ?)');
    const t1 = performance.now();
    for (let i = 0; i < rows.length; i += IMPORT_BATCH_ROWS) {
      raw.transaction(() => {
        for (const r of rows.slice(i, i + IMPORT_BATCH_ROWS)) insert.run(uuidv7(), JSON.stringify(r));
      })();
    }
    const rawMs = performance.now() - t1;
    raw.close();

    const round = (v: number) => Math.round(v * 100) / 100;
    return [
      { name: 'import.rows_per_s', value: round(n / (importMs / 1000)), unit: 'rows/s' },
      { name: 'import.raw_rows_per_s', value: round(n / (rawMs / 1000)), unit: 'rows/s' },
      { name: 'import.ratio_vs_raw', value: round((rawMs / importMs) * 100), unit: '%' },
      { name: 'import.read_share', value: round(((firstWrite - t0) / importMs) * 100), unit: '%' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
