import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointerData, FromCheckpointer, ToCheckpointer } from './checkpointer';

/**
 * The WAL checkpointer's own thread (checkpointer.ts starts it): on its own connection to the
 * core's database file, it copies the write-ahead log back into the database whenever the log
 * has grown past `thresholdBytes`. A checkpoint is mostly waiting for the disk (two fsyncs and
 * the page writes); done here, the core's thread never waits for it: its commits only append
 * to the log. PASSIVE: it never blocks the core's reads or writes, and copies what it can.
 */
const port = parentPort;
if (!port) throw new Error('checkpoint-worker runs only as a worker thread (checkpointer.ts).');
const data = workerData as CheckpointerData;
const post = (m: FromCheckpointer) => port.postMessage(m);

const db = new Database(data.file, { fileMustExist: true, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) });
db.pragma('busy_timeout = 5000');
// The log's size limit is the core connection's (checkpointer.ts): the writer restarts the log.

const walFile = `${data.file}-wal`;
const walBytes = (): number => {
  try {
    return statSync(walFile).size;
  } catch {
    return 0;
  }
};

let timer: NodeJS.Timeout | null = null;
const tick = () => {
  timer = null;
  try {
    if (walBytes() >= data.thresholdBytes) {
      const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      post({ type: 'checkpointed', frames: result?.checkpointed ?? 0, log: result?.log ?? 0 });
    }
  } catch (error) {
    // SQLITE_BUSY (another checkpoint ran) is retried at the next tick; anything else ends the
    // thread, and the core checkpoints on its own thread again (checkpointer.ts).
    if (!(error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY'))) {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      db.close();
      port.close();
      return;
    }
  }
  timer = setTimeout(tick, data.intervalMs);
};

port.on('message', (m: ToCheckpointer) => {
  if (m.type === 'stop') {
    if (timer) clearTimeout(timer);
    db.close();
    post({ type: 'stopped' });
    port.close();
  }
});
post({ type: 'ready' });
timer = setTimeout(tick, data.intervalMs);
