/**
 * The bulk import figures: a sheet of N generated applicants imported through the real path
 * (the core's dispatch of import.run: input check, file bytes → reader → preview → admission →
 * batches of applications and submitted events through the change funnel with the core's
 * projections, on a real database file), and the same rows written by plain
 * INSERT statements into a bare SQLite table (one JSON column), in the same batches, in the
 * same run.
 * - import.rows_per_s: rows imported per second (wall clock), the whole import from the file's bytes;
 * - import.raw_rows_per_s: the same rows by plain statements (wall clock);
 * - import.ratio_vs_raw: import rate / raw rate, in % (goal ≥ 25 %), both rates per second of
 *   CPU time this process used: on a machine shared with other work the wall-clock rates of two
 *   phases a few seconds apart move with the others' load, the CPU each phase needs does not;
 * - import.cpu_us_per_row and import.raw_cpu_us_per_row: that CPU time per row;
 * - import.read_share: the part of the import spent before the first write (reading, checking).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DATABASE_FILE, openCore } from '../../electron/core/app';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import { openDatabase } from '../../electron/core/db/open';
import { IMPORT_BATCH_ROWS } from '../../electron/core/services/import/run';
import { chooseProfile } from '../../electron/core/services/import/testing';
import type { ImportReport } from '../../shared/contract/import';
import { uuidv7 } from '../../shared/ids';
import { applicantSheet } from './sheet';

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const cpuMicros = (u: NodeJS.CpuUsage) => u.user + u.system;

export async function runImportBench(quick: boolean): Promise<Figure[]> {
  const n = quick ? 5_000 : 20_000;
  const { csv, rows } = applicantSheet(n, 7);
  const bytes = Buffer.from(csv, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'curator-import-bench-'));
  try {
    const setup = openDatabase(join(dir, DATABASE_FILE));
    chooseProfile(setup, new ChangeFunnel(setup, []), { id: uuidv7(), name: 'Bench Curator', role: 'curator', country: 'ID' });
    setup.close();
    const core = openCore({ dataDir: dir, mode: 'web' });
    let firstWrite = 0;
    const stop = core.on('progress', (p) => {
      if (p.task === 'import' && p.done === 0) firstWrite = performance.now();
    });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await core.dispatch('import.run', { fileName: 'bench.csv', dataBase64: bytes.toString('base64') });
    const importMs = performance.now() - t0;
    const importCpu = cpuMicros(process.cpuUsage(cpu0));
    stop();
    core.close();
    if (!result.ok) throw new Error(`The import bench failed: ${result.error.code} ${result.error.message}`);
    const report = result.value as ImportReport;
    if (report.added !== n) throw new Error(`The import bench sheet should import whole: ${report.added} of ${n} added, ${report.withProblems} with problems (${report.items.find((i) => i.problems.length)?.problems[0]?.message ?? ''}).`);

    const raw = openDatabase(join(dir, 'raw.db'));
    raw.exec('CREATE TABLE raw_rows (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT');
    const insert = raw.prepare('INSERT INTO raw_rows (id, data) VALUES (?, ?)');
    const cpu1 = process.cpuUsage();
    const t1 = performance.now();
    for (let i = 0; i < rows.length; i += IMPORT_BATCH_ROWS) {
      raw.transaction(() => {
        for (const r of rows.slice(i, i + IMPORT_BATCH_ROWS)) insert.run(uuidv7(), JSON.stringify(r));
      })();
    }
    const rawMs = performance.now() - t1;
    const rawCpu = cpuMicros(process.cpuUsage(cpu1));
    raw.close();

    const round = (v: number) => Math.round(v * 100) / 100;
    return [
      { name: 'import.rows_per_s', value: round(n / (importMs / 1000)), unit: 'rows/s' },
      { name: 'import.raw_rows_per_s', value: round(n / (rawMs / 1000)), unit: 'rows/s' },
      { name: 'import.ratio_vs_raw', value: round((rawCpu / importCpu) * 100), unit: '%' },
      { name: 'import.cpu_us_per_row', value: round(importCpu / n), unit: 'µs' },
      { name: 'import.raw_cpu_us_per_row', value: round(rawCpu / n), unit: 'µs' },
      { name: 'import.read_share', value: round(((firstWrite - t0) / importMs) * 100), unit: '%' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
