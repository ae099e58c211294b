import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DATABASE_FILE, openCore } from '../../electron/core/app';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { chooseProfile } from '../../electron/core/services/import/testing';
import type { ImportReport } from '../../shared/contract/import';
import { writeRaw, type RawBatch } from './raw';
import { rowsAdded, tableCounts } from './tables';

/** The two writers the import bench compares (main.ts), each measured the same way; raw.test.ts runs both on a small sheet. */

const BENCH_USER = { id: '0190b000-0000-7000-8000-00000000000c', name: 'Bench Curator', role: 'curator', country: 'ID' } as const;

export interface Measured {
  /** CPU time this process used (user + system), in µs. */
  cpuMicros: number;
  ms: number;
  /** Rows added, by table. */
  added: Record<string, number>;
}

/** A database file of the app's schema (openDatabase migrates it) with the curator who imports chosen as its profile. */
export function benchDatabase(file: string): Db {
  const db = openDatabase(file);
  chooseProfile(db, new ChangeFunnel(db, []), BENCH_USER);
  return db;
}

const cpuMicros = (u: NodeJS.CpuUsage) => u.user + u.system;

/**
 * The real import: the core opened on `dir` and its dispatch of import.run (input check, bytes →
 * reader → preview → admission → batches through the change funnel and the core's projections).
 * The core is closed right after, so the rows counted are those the import itself left behind.
 */
export async function importThroughCore(dir: string, bytes: Buffer): Promise<Measured & { report: ImportReport; firstWriteMs: number }> {
  benchDatabase(join(dir, DATABASE_FILE)).close();
  const core = openCore({ dataDir: dir, mode: 'web' });
  const counter = openDatabase(join(dir, DATABASE_FILE));
  try {
    const before = tableCounts(counter);
    let firstWrite = 0;
    const stop = core.on('progress', (p) => {
      if (p.task === 'import' && p.done === 0) firstWrite = performance.now();
    });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await core.dispatch('import.run', { fileName: 'bench.csv', dataBase64: bytes.toString('base64') });
    const ms = performance.now() - t0;
    const cpu = cpuMicros(process.cpuUsage(cpu0));
    stop();
    core.close();
    if (!result.ok) throw new Error(`The import bench failed: ${result.error.code} ${result.error.message}`);
    return { report: result.value as ImportReport, cpuMicros: cpu, ms, firstWriteMs: firstWrite - t0, added: rowsAdded(before, tableCounts(counter)) };
  } finally {
    counter.close();
  }
}

/** The raw reference: `batches` (raw.ts) written into a new database file of the app's schema by plain statements. */
export function rawReference(file: string, batches: readonly RawBatch[]): Measured {
  const db = benchDatabase(file);
  try {
    const before = tableCounts(db);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    writeRaw(db, batches);
    const ms = performance.now() - t0;
    const cpu = cpuMicros(process.cpuUsage(cpu0));
    return { cpuMicros: cpu, ms, added: rowsAdded(before, tableCounts(db)) };
  } finally {
    db.close();
  }
}
