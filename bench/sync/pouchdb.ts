/**
 * The reference: PouchDB replicating the same records over loopback HTTP. A "server" PouchDB
 * (memory adapter) is filled with one document per record and served by express-pouchdb on
 * 127.0.0.1; a fresh client then replicates it with `new PouchDB(url)` as the remote and a
 * memory database as the local side. Only the replication is timed, and it counts only if
 * the client ends with every document.
 */
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import expressPouchDB from 'express-pouchdb';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { pouchDoc, type BenchRecord } from './dataset';
import { listenLoopback, withTimeout } from './loopback';

PouchDB.plugin(memoryAdapter);
const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });

export interface PouchReplication {
  docs: number;
  ms: number;
  /** Documents the client holds afterwards (must equal docs). */
  clientDocs: number;
}

export interface PouchOptions {
  /** PouchDB's replication batch size; its default is 100. */
  batchSize?: number;
  timeoutMs?: number;
}

export async function pouchInitialReplication(records: readonly BenchRecord[], options: PouchOptions = {}): Promise<PouchReplication> {
  // Memory databases of one name share their data within a process: a fresh name per run.
  const name = `experts-${randomBytes(4).toString('hex')}`;
  const server = new MemoryPouch(name);
  const local = new MemoryPouch(`client-${name}`);
  const http = await listenLoopback(expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB' }));
  const remote = new PouchDB(`${http.url}/${name}`);
  try {
    for (let i = 0; i < records.length; i += 5000) {
      const results = await server.bulkDocs(records.slice(i, i + 5000).map(pouchDoc));
      const failed = results.find((r) => r.error);
      if (failed) throw new Error(`PouchDB refused document ${failed.id}: ${failed.error}`);
    }
    const held = (await server.info()).doc_count;
    if (held !== records.length) throw new Error(`The PouchDB server holds ${held} documents, expected ${records.length}.`);

    const t = performance.now();
    const replication = local.replicate.from(remote, options.batchSize ? { batch_size: options.batchSize } : {});
    const result = await withTimeout(replication, options.timeoutMs ?? 15 * 60_000, 'PouchDB replication', () => replication.cancel());
    const ms = performance.now() - t;
    const clientDocs = (await local.info()).doc_count;
    if (!result.ok || result.doc_write_failures > 0 || clientDocs !== records.length) {
      throw new Error(`PouchDB replication incomplete: the client holds ${clientDocs} of ${records.length} documents (${result.doc_write_failures} write failures).`);
    }
    return { docs: records.length, ms, clientDocs };
  } finally {
    await remote.close().catch(() => {});
    await http.close();
    await local.destroy().catch(() => {});
    await server.destroy().catch(() => {});
  }
}
