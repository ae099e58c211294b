import { Worker } from 'node:worker_threads';
import type { Db } from './open';
import { threadEntry } from '../worker/thread-entry';

/**
 * The write-ahead log checkpointed off the core's thread (checkpoint-worker.ts).
 *
 * SQLite's automatic checkpoint runs inside the commit that crosses 1,000 pages of log: that
 * commit waits for the page copies and two fsyncs. In a bulk write (a first sync of 50,000
 * experts, an import) that was every commit, a third of a first sync's time spent waiting for
 * the disk. Once the checkpointer's thread has its own connection open, it copies the log back
 * whenever it has grown past THRESHOLD_BYTES, and the core's connection checkpoints only past
 * CORE_BACKSTOP_PAGES (256 MB): a log restarts from its beginning only when a write begins after a
 * complete checkpoint, which under a stream of commits never happens by the thread's hand
 * alone (the next commit always begins first), so the log of a first sync grew past a
 * gigabyte. The core's own checkpoint there finds most frames copied already, and bounds it.
 *
 * Invariants: durability is the log's, not the checkpoint's (a crash before a checkpoint
 * loses nothing committed; SQLite replays the log). If the thread cannot start, fails or ends,
 * the core's connection checkpoints on its own again, as before.
 */

export interface CheckpointerData {
  file: string;
  nativeBinding?: string;
  thresholdBytes: number;
  intervalMs: number;
  tsEntry?: string;
}
export type ToCheckpointer = { type: 'stop' };
export type FromCheckpointer =
  | { type: 'ready' }
  | { type: 'checkpointed'; frames: number; log: number }
  | { type: 'failed'; message: string }
  | { type: 'stopped' };

/** About SQLite's own automatic threshold (1,000 pages of 4 KB). */
export const THRESHOLD_BYTES = 4 * 1024 * 1024;
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;
/**
 * The core connection's own checkpoint while the thread runs: at 256 MB of log (pages of 4 KB).
 * Each one makes a commit wait for the disk again; at 64 MB a first sync of 50,000 experts
 * (about a gigabyte of log written in all) took 1.3 s longer than at 256 MB. The log shrinks
 * back to journal_size_limit when it restarts.
 */
export const CORE_BACKSTOP_PAGES = 65_536;

export interface Checkpointer {
  /** Ends the thread; the core's connection checkpoints on its own again, as SQLite does by default. Safe to call twice. */
  stop(): Promise<void>;
  /** Whether the thread is checkpointing for the core now. */
  active(): boolean;
}

export interface CheckpointerOptions {
  file: string;
  nativeBinding?: string;
  thresholdBytes?: number;
  intervalMs?: number;
  onCheckpoint?: (m: { frames: number; log: number }) => void;
  onError?: (message: string) => void;
  /** Finds the thread's code (tests pass a missing one). */
  where?: () => { file: URL; tsEntry?: string } | null;
}

const entry = () => threadEntry(new URL('./checkpoint-worker.js', import.meta.url), new URL('./checkpoint-worker.ts', import.meta.url));

/** Starts the checkpointer for `db` (a file database in WAL mode); null when no thread can start. */
export function startCheckpointer(db: Db, o: CheckpointerOptions): Checkpointer | null {
  const found = (o.where ?? entry)();
  if (!found || db.memory) return null;
  const thresholdBytes = o.thresholdBytes ?? THRESHOLD_BYTES;
  const data: CheckpointerData = { file: o.file, thresholdBytes, intervalMs: o.intervalMs ?? 500, ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}), ...(found.tsEntry ? { tsEntry: found.tsEntry } : {}) };
  let worker: Worker;
  try {
    worker = new Worker(found.file, { workerData: data });
  } catch {
    return null;
  }
  let active = false;
  const selfCheckpoint = () => {
    active = false;
    if (db.open) db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  worker.on('message', (m: FromCheckpointer) => {
    if (m.type === 'ready' && db.open) {
      db.pragma(`wal_autocheckpoint = ${CORE_BACKSTOP_PAGES}`);
      db.pragma(`journal_size_limit = ${thresholdBytes * 4}`);
      active = true;
    } else if (m.type === 'checkpointed') o.onCheckpoint?.(m);
    else if (m.type === 'failed') {
      selfCheckpoint();
      o.onError?.(m.message);
    }
  });
  worker.on('error', (error) => {
    selfCheckpoint();
    o.onError?.(error.message);
  });
  worker.on('exit', selfCheckpoint);
  let stopping: Promise<void> | null = null;
  return {
    active: () => active,
    stop() {
      if (!stopping) {
        selfCheckpoint();
        worker.postMessage({ type: 'stop' } satisfies ToCheckpointer);
        stopping = Promise.race([exited, new Promise<void>((done) => setTimeout(done, 2000).unref())]).then(async () => {
          await worker.terminate();
        });
      }
      return stopping;
    },
  };
}
