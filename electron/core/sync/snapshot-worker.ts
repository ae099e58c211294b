import { parentPort, workerData } from 'node:worker_threads';
import { canonicalJson } from '../../../shared/canonical';
import { checkReceivedChange } from '../../../shared/sync/change';
import { SyncError } from './http';
import { snapshotChunks } from './snapshot';
import type { FromReader, ReaderData, ToReader } from './snapshot-reader';

/**
 * The snapshot reader's own thread (snapshot-reader.ts starts it): it downloads the first
 * sync's snapshot stream, parses its lines and checks every entry by value, so the core's
 * thread only stores what arrives. Each chunk goes to the core as the text of its lines, as
 * they came (parsed there the way they were parsed here, so the entries the core stores are
 * the ones checked, and never written out again here) with, for each
 * entry checked and valid, its fields' canonical JSON (what the log stores). At most WINDOW chunks wait for the core; the core asks for
 * the next one (with the size it wants) as it takes one.
 */

const WINDOW = 2;
const port = parentPort;
if (!port) throw new Error('snapshot-worker runs only as a worker thread (snapshot-reader.ts).');
const data = workerData as ReaderData;
const post = (m: FromReader) => port.postMessage(m);

let size = data.size;
let credit = WINDOW;
let wake: (() => void) | null = null;
port.on('message', (m: ToReader) => {
  size = m.size;
  credit++;
  wake?.();
});

try {
  const chunks = snapshotChunks({ fetch, baseUrl: data.baseUrl, token: data.token, signal: new AbortController().signal, after: data.after, size: () => size, ...(data.idleMs ? { idleMs: data.idleMs } : {}) });
  for await (const chunk of chunks) {
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    credit--;
    // For each entry found valid, its fields as the log stores them (canonical JSON); null for the others.
    const fields = chunk.changes.map((c) => (checkReceivedChange(c).kind === 'ok' ? canonicalJson((c as { fields: unknown }).fields) : null));
    post({ type: 'chunk', epoch: chunk.epoch, count: chunk.count, seq: chunk.seq, final: chunk.final, text: `[${chunk.lines.join(',')}]`, fields });
  }
} catch (error) {
  // The stream's own failures are SyncErrors (snapshot.ts); anything else is this thread's, not the server's.
  if (error instanceof SyncError) post({ type: 'error', code: error.code, message: error.message, retryable: error.retryable, serverCode: error.serverCode, details: error.details ?? {} });
  else post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
port.close();
