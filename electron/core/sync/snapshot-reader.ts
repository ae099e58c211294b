import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/contract/result';
import type { SyncErrorCode } from '../../../shared/sync/protocol';
import { networkError, SyncError } from './http';
import { threadEntry } from '../worker/thread-entry';
import { snapshotChunks, type SnapshotChunk, type SnapshotSource } from './snapshot';

/**
 * A first sync's snapshot read on a thread of its own (snapshot-worker.ts): download, gunzip,
 * line parsing and the check by value of every entry run there, pipelined with the core's
 * thread, which only stores the chunks (with the entries already checked, `checked`). The
 * same chunks as snapshotChunks, in the same order, with the same errors.
 *
 * Only for a remote reached with the platform's fetch (central; a workshop hub goes through
 * its pinned transport, which lives on the core's thread). Where no reader thread can start
 * (no worker file in this build), the snapshot is read on the core's thread as before.
 */

/** Sent to the reader thread when it starts. */
export interface ReaderData {
  baseUrl: string;
  token: string;
  after: number;
  size: number;
  idleMs?: number;
  /** From source (tests, browser mode): the TypeScript entry that source-entry.mjs loads. */
  tsEntry?: string;
}

/** The core asks for one more chunk, of this many entries. */
export interface ToReader {
  size: number;
}

export type FromReader =
  /** `text`: the chunk's lines as a JSON array; `fields`: for each entry, its fields' canonical JSON if valid. */
  | { type: 'chunk'; epoch: string; count: number; seq: number; final: boolean; text: string; fields: (string | null)[] }
  | { type: 'error'; code: ErrorCode; message: string; retryable: boolean; serverCode: SyncErrorCode | null; details: Record<string, unknown> }
  | { type: 'failed'; message: string };

/** `checked`: the entries the reader found valid, each with its fields' canonical JSON (changes/receive.ts). */
export type CheckedChunk = Omit<SnapshotChunk, 'lines'> & { checked?: ReadonlyMap<unknown, string> };

/** The reader thread could not start or failed before the stream began: read on this thread instead. */
class ReaderUnavailable extends Error {}

/** Where the reader thread's code is: next to the built core (out/main), or the TypeScript source through tsx. */
const readerEntry = () => threadEntry(new URL('./snapshot-worker.js', import.meta.url), new URL('./snapshot-worker.ts', import.meta.url));

/**
 * The snapshot's chunks, read on the reader thread where one starts, else on this thread.
 * (`where` finds the reader's code: readerEntry, or in tests a file whose thread cannot start.)
 */
export async function* readSnapshot(o: SnapshotSource, onThread: boolean, where = readerEntry): AsyncGenerator<CheckedChunk> {
  const entry = onThread ? where() : null;
  if (entry) {
    try {
      yield* onReaderThread(o, entry);
      return;
    } catch (error) {
      if (!(error instanceof ReaderUnavailable)) throw error;
    }
  }
  yield* snapshotChunks(o);
}

async function* onReaderThread(o: SnapshotSource, entry: { file: URL; tsEntry?: string }): AsyncGenerator<CheckedChunk> {
  type Event = FromReader | { type: 'crashed'; error: unknown } | { type: 'aborted' };
  const events: Event[] = [];
  let wake: (() => void) | null = null;
  const push = (e: Event) => {
    events.push(e);
    wake?.();
  };
  const data: ReaderData = { baseUrl: o.baseUrl, token: o.token, after: o.after, size: o.size(), ...(o.idleMs ? { idleMs: o.idleMs } : {}), ...(entry.tsEntry ? { tsEntry: entry.tsEntry } : {}) };
  let worker: Worker;
  try {
    worker = new Worker(entry.file, { workerData: data });
  } catch {
    throw new ReaderUnavailable();
  }
  worker.on('message', (m: FromReader) => push(m));
  worker.on('error', (error) => push({ type: 'crashed', error }));
  worker.on('exit', (code) => push({ type: 'crashed', error: new Error(`The snapshot reader stopped (exit code ${code}).`) }));
  const onAbort = () => push({ type: 'aborted' });
  o.signal.addEventListener('abort', onAbort);
  let started = false;
  try {
    for (;;) {
      if (o.signal.aborted) throw networkError(o.baseUrl, o.signal.reason);
      while (!events.length) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const e = events.shift()!;
      if (e.type === 'chunk') {
        started = true;
        // The chunk's lines as they came from the server (`{"seq":…,"change":…}`), which the reader checked.
        const changes = (JSON.parse(e.text) as { change: unknown }[]).map((l) => l.change);
        const checked = new Map<unknown, string>();
        for (let i = 0; i < changes.length; i++) {
          const fields = e.fields[i];
          if (typeof fields === 'string') checked.set(changes[i], fields);
        }
        // Asked for before this chunk is stored, so the reader reads on meanwhile.
        if (!e.final) worker.postMessage({ size: o.size() } satisfies ToReader);
        yield { epoch: e.epoch, count: e.count, changes, seq: e.seq, final: e.final, checked };
        if (e.final) return;
      } else if (e.type === 'error') {
        throw new SyncError(e.code, e.message, e.retryable, e.serverCode, e.details);
      } else if (e.type === 'aborted') {
        throw networkError(o.baseUrl, o.signal.reason);
      } else {
        // The thread itself failed (not the server): before the stream began, read here instead.
        if (!started) throw new ReaderUnavailable();
        throw new SyncError('OFFLINE', `Reading the first sync from ${o.baseUrl} stopped part-way. What arrived is kept; the app goes on from there.`, true);
      }
    }
  } finally {
    o.signal.removeEventListener('abort', onAbort);
    worker.removeAllListeners();
    worker.on('error', () => {}); // a late failure of a thread being ended is no one's concern
    await worker.terminate();
  }
}
