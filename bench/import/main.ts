/**
 * The bulk import figures: a sheet of N generated applicants imported through the real path
 * (runs.ts importThroughCore: the core's dispatch of import.run — input check, file bytes →
 * reader → preview → admission → batches of applications and their submitted events through
 * the change funnel with the core's projections — on a real database file), and two
 * references written by plain prepared INSERT statements in the same batches, in the same run:
 *
 * - raw, the same rows (raw.ts): every row the import left behind — records, change log and
 *   feed, the applications list and search rows, the duplicate index's queue — into a database
 *   file of the app's schema, their texts ready beforehand. As the foundation's
 *   `funnel.ratio_vs_raw` (bench/run.ts rawInsert 'same-rows'), the ratio to it is the cost of
 *   the import's own work: reading and checking the sheet, the funnel, the projections' rows
 *   computed. The run stops if the reference did not write the same tables with the same row
 *   counts as the import (raw.test.ts checks it too);
 * - bare: one JSON column per row in a bare table, the floor of any write path (as
 *   `raw_records_only` beside `funnel.ratio_vs_raw`); the gap to it includes the rows the app
 *   needs whoever writes them.
 *
 * Figures:
 * - import.rows_per_s: rows imported per second (wall clock), the whole import from the file's bytes;
 * - import.raw_rows_per_s and import.bare_rows_per_s: the two references (wall clock);
 * - import.ratio_vs_raw and import.ratio_vs_bare: reference rate / import rate, in % (goal for
 *   ratio_vs_raw ≥ 25 %), both per second of CPU time this process used: on a machine shared
 *   with other work the wall-clock rates of phases a few seconds apart move with the others'
 *   load, the CPU each phase needs does not;
 * - import.cpu_us_per_row, import.raw_cpu_us_per_row, import.bare_cpu_us_per_row: that CPU time per row;
 * - import.read_share: the part of the import spent before the first write (reading, checking);
 * - import.dedupe_catchup_us_per_row: CPU per row of bringing the duplicate index up to date
 *   after the import (the app holds that background work while an import writes, app.ts);
 *   not part of the import's figure, reported so that no work it causes is hidden.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DATABASE_FILE } from '../../electron/core/app';
import { openDatabase } from '../../electron/core/db/open';
import { drainDedupe } from '../../electron/core/services/dedupe/pending';
import { IMPORT_BATCH_ROWS } from '../../electron/core/services/import/run';
import { uuidv7 } from '../../shared/ids';
import { importedRows } from './raw';
import { importThroughCore, rawReference } from './runs';
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
    const run = await importThroughCore(dir, bytes);
    const { report } = run;
    if (report.added !== n) throw new Error(`The import bench sheet should import whole: ${report.added} of ${n} added, ${report.withProblems} with problems (${report.items.find((i) => i.problems.length)?.problems[0]?.message ?? ''}).`);

    const imported = openDatabase(join(dir, DATABASE_FILE));
    const batches = importedRows(imported, IMPORT_BATCH_ROWS);
    const raw = rawReference(join(dir, 'raw.db'), batches);
    if (JSON.stringify(raw.added) !== JSON.stringify(run.added)) {
      throw new Error(`The raw reference no longer writes the rows the import writes: import ${JSON.stringify(run.added)}, reference ${JSON.stringify(raw.added)}. Update bench/import/raw.ts.`);
    }

    // The duplicate index's catch-up on the imported applications, as the app's indexer runs it after the import.
    const cpu2 = process.cpuUsage();
    while (drainDedupe(imported, 250) > 0);
    const catchupCpu = cpuMicros(process.cpuUsage(cpu2));
    imported.close();

    const bare = openDatabase(join(dir, 'bare.db'));
    bare.exec('CREATE TABLE bare_rows (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT');
    const insert = bare.prepare('INSERT INTO bare_rows (id, data) VALUES (?, ?)');
    const cpu1 = process.cpuUsage();
    const t1 = performance.now();
    for (let i = 0; i < rows.length; i += IMPORT_BATCH_ROWS) {
      bare.transaction(() => {
        for (const r of rows.slice(i, i + IMPORT_BATCH_ROWS)) insert.run(uuidv7(), JSON.stringify(r));
      })();
    }
    const bareMs = performance.now() - t1;
    const bareCpu = cpuMicros(process.cpuUsage(cpu1));
    bare.close();

    const round = (v: number) => Math.round(v * 100) / 100;
    return [
      { name: 'import.rows_per_s', value: round(n / (run.ms / 1000)), unit: 'rows/s' },
      { name: 'import.raw_rows_per_s', value: round(n / (raw.ms / 1000)), unit: 'rows/s' },
      { name: 'import.ratio_vs_raw', value: round((raw.cpuMicros / run.cpuMicros) * 100), unit: '%' },
      { name: 'import.bare_rows_per_s', value: round(n / (bareMs / 1000)), unit: 'rows/s' },
      { name: 'import.ratio_vs_bare', value: round((bareCpu / run.cpuMicros) * 100), unit: '%' },
      { name: 'import.cpu_us_per_row', value: round(run.cpuMicros / n), unit: 'µs' },
      { name: 'import.raw_cpu_us_per_row', value: round(raw.cpuMicros / n), unit: 'µs' },
      { name: 'import.bare_cpu_us_per_row', value: round(bareCpu / n), unit: 'µs' },
      { name: 'import.read_share', value: round((run.firstWriteMs / run.ms) * 100), unit: '%' },
      { name: 'import.dedupe_catchup_us_per_row', value: round(catchupCpu / n), unit: 'µs' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
