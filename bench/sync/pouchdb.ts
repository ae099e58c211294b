/**
 * The reference: PouchDB replicating the bench records over loopback HTTP. A "server" PouchDB
 * (memory adapter, in a child process: pouch-server.ts) holds one document per record, served
 * by express-pouchdb; a fresh client here replicates it with `new PouchDB(url)` as the remote
 * and a memory database as the local side. Only the replication is timed, and it counts only
 * if the client ends with every document, the same as the records.
 */
import PouchDB, { type Database } from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { pouchDoc, type BenchRecord } from './dataset';
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
}

/** `records` must be syncRecords(experts, seed): the child generates the same ones. */
export async function pouchInitialReplication(experts: number, seed: number, records: readonly BenchRecord[], options: PouchOptions = {}): Promise<PouchReplication> {
  const server = await startChild<PouchServerReady>('./pouch-server.ts', [String(experts), String(seed)], 10 * 60_000);
  const local = new PouchDB(`client-${process.pid}-${Date.now()}`, { adapter: 'memory' });
  const remote = new PouchDB(server.ready.url);
  try {
    if (server.ready.docs !== records.length) throw new Error(`The PouchDB server holds ${server.ready.docs} documents, expected ${records.length}.`);
    const serverBefore = cpuMs(await server.ask<NodeJS.CpuUsage>({ kind: 'cpu' }));
    const clientBefore = process.cpuUsage();
    const t = performance.now();
    const replication = local.replicate.from(remote, options.batchSize ? { batch_size: options.batchSize } : {});
    const result = await withTimeout(replication, options.timeoutMs ?? 15 * 60_000, 'PouchDB replication', () => replication.cancel());
    const ms = performance.now() - t;
    const clientCpuMs = cpuMs(process.cpuUsage(clientBefore));
    const serverCpuMs = cpuMs(await server.ask<NodeJS.CpuUsage>({ kind: 'cpu' })) - serverBefore;
    const clientDocs = (await local.info()).doc_count;
    if (!result.ok || result.doc_write_failures > 0 || clientDocs !== records.length) {
      throw new Error(`PouchDB replication incomplete: the client holds ${clientDocs} of ${records.length} documents (${result.doc_write_failures} write failures).`);
    }
    await checkSample(local, records);
    return { docs: records.length, ms, clientDocs, clientCpuMs, serverCpuMs };
  } finally {
    await remote.close().catch(() => {});
    await local.destroy().catch(() => {});
    await server.close();
  }
}

/** The documents the client got are the records: every 97th one compared field by field. */
async function checkSample(local: Database, records: readonly BenchRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 97) {
    const want = pouchDoc(records[i]!);
    const got = (await local.allDocs({ include_docs: true, startkey: records[i]!.id, limit: 1 })).rows[0]?.doc ?? {};
    const { _rev: _, ...fields } = got;
    if (!isDeepStrictEqual(fields, want)) throw new Error(`PouchDB's copy of ${records[i]!.id} differs from the record.`);
  }
}
