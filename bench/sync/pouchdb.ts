/**
 * The reference: PouchDB replicating the bench records over loopback HTTP. A "server" PouchDB
 * (memory adapter, in a child process: pouch-server.ts) holds one document per record, served
 * by express-pouchdb; a fresh client here replicates it with `new PouchDB(url)` as the remote.
 * The local side is PouchDB's own store in Node, LevelDB in a folder on disk ('disk', the
 * default): what a desktop app built on PouchDB keeps, as the desktop keeps its SQLite file.
 * 'memory' (the memory adapter: nothing written anywhere) is measured beside it, so the figures
 * show what the disk costs PouchDB. Only the replication is timed, and it counts only if the
 * client ends with every document, the same as the records.
 */
import PouchDB, { type Database } from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { pouchDoc, type BenchRecord, type BenchSet } from './dataset';
import { startChild } from './child';
import { withTimeout } from './loopback';
import type { PouchServerReady } from './pouch-server';

PouchDB.plugin(memoryAdapter);

export interface PouchReplication {
  docs: number;
  ms: number;
  /** Documents the client holds afterwards (equal to docs, or the run throws). */
  clientDocs: number;
  /** CPU time of the client (this process) and of the server process during the replication. */
  clientCpuMs: number;
  serverCpuMs: number;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

export interface PouchOptions {
  /** PouchDB's replication batch size; its default, used when omitted, is 100. */
  batchSize?: number;
  timeoutMs?: number;
  /** Where the client keeps its copy: PouchDB's LevelDB store in a temporary folder (default), or memory. */
  local?: 'disk' | 'memory';
}

/** `records` must be benchSet(experts, seed): the child generates the same records. */
export async function pouchInitialReplication(experts: number, seed: number, records: BenchSet, options: PouchOptions = {}): Promise<PouchReplication> {
  const server = await startChild<PouchServerReady>('./pouch-server.ts', [String(experts), String(seed)], 10 * 60_000);
  const folder = options.local === 'memory' ? null : mkdtempSync(join(tmpdir(), 'curator-bench-pouch-'));
  const local = folder ? new PouchDB(join(folder, 'client')) : new PouchDB(`client-${process.pid}-${Date.now()}`, { adapter: 'memory' });
  const remote = new PouchDB(server.ready.url);
  try {
    if (server.ready.docs !== records.count) throw new Error(`The PouchDB server holds ${server.ready.docs} documents, expected ${records.count}.`);
    const serverBefore = cpuMs(await server.ask<NodeJS.CpuUsage>({ kind: 'cpu' }));
    const clientBefore = process.cpuUsage();
    const t = performance.now();
    const replication = local.replicate.from(remote, options.batchSize ? { batch_size: options.batchSize } : {});
    const result = await withTimeout(replication, options.timeoutMs ?? 15 * 60_000, 'PouchDB replication', () => replication.cancel());
    const ms = performance.now() - t;
    const clientCpuMs = cpuMs(process.cpuUsage(clientBefore));
    const serverCpuMs = cpuMs(await server.ask<NodeJS.CpuUsage>({ kind: 'cpu' })) - serverBefore;
    const clientDocs = (await local.info()).doc_count;
    if (!result.ok || result.doc_write_failures > 0 || clientDocs !== records.count) {
      throw new Error(`PouchDB replication incomplete: the client holds ${clientDocs} of ${records.count} documents (${result.doc_write_failures} write failures).`);
    }
    await checkSample(local, records.sample);
    return { docs: records.count, ms, clientDocs, clientCpuMs, serverCpuMs };
  } finally {
    await remote.close().catch(() => {});
    await local.destroy().catch(() => {});
    await server.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  }
}

/** The documents the client got are the records: the sample (every 97th) compared field by field. */
async function checkSample(local: Database, sample: readonly BenchRecord[]): Promise<void> {
  for (const r of sample) {
    const want = pouchDoc(r);
    const got = (await local.allDocs({ include_docs: true, startkey: r.id, limit: 1 })).rows[0]?.doc ?? {};
    const { _rev: _, ...fields } = got;
    if (!isDeepStrictEqual(fields, want)) throw new Error(`PouchDB's copy of ${r.id} differs from the record.`);
  }
}
