/**
 * Child process of the sync bench: a PouchDB "server" (memory adapter) holding one document
 * per record of the bench data set, served by express-pouchdb on 127.0.0.1.
 *
 * usage (forked by pouchdb.ts): pouch-server.ts <experts> <seed>
 */
import PouchDB from 'pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import expressPouchDB from 'express-pouchdb';
import { childSide, failChild } from './child';
import { pouchDoc, syncRecords, type BenchRecord } from './dataset';
import { listenLoopback } from './loopback';

export interface PouchServerReady {
  url: string;
  docs: number;
}

try {
  const experts = Number(process.argv[2]);
  const seed = Number(process.argv[3]);
  PouchDB.plugin(memoryAdapter);
  const MemoryPouch = PouchDB.defaults({ adapter: 'memory' });
  const db = new MemoryPouch('experts');
  let batch: BenchRecord[] = [];
  const flush = async () => {
    const results = await db.bulkDocs(batch.map(pouchDoc));
    const failed = results.find((r) => r.error);
    if (failed) throw new Error(`PouchDB refused document ${failed.id}: ${failed.error}`);
    batch = [];
  };
  for (const r of syncRecords(experts, seed)) {
    batch.push(r);
    if (batch.length === 5000) await flush();
  }
  if (batch.length) await flush();
  const docs = (await db.info()).doc_count;
  const http = await listenLoopback(expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB' }));
  childSide({ url: `${http.url}/experts`, docs } satisfies PouchServerReady, () => Promise.reject(new Error('no requests')), () => http.close());
} catch (error) {
  failChild(error);
}
