/**
 * A device process for the SIGKILL test (kill.test.ts): syncs a data folder from the server in
 * small chunks and prints a line after each, so the test can kill it mid-sync. Not part of the app.
 */
import { ChangeFunnel } from '../changes/funnel';
import { openDatabase } from '../db/open';
import { expertProjection } from '../services/experts/projection';
import { loadShippedTaxonomy } from '../services/taxonomy-resource';
import { createEngine } from './engine';
import { RemoteStore } from './remotes';

const [dbFile, token] = process.argv.slice(2) as [string, string];
const db = openDatabase(dbFile);
const funnel = new ChangeFunnel(db, [expertProjection(db, loadShippedTaxonomy())]);
const remotes = new RemoteStore(db);
const run = createEngine({
  db,
  funnel,
  remotes,
  fetch,
  now: Date.now,
  changed: () => {},
  snapshotChunk: 20,
  pageSize: 20,
  pause: () => new Promise((resolve) => setTimeout(resolve, 5)),
});
await run({
  remote: remotes.get('central')!,
  token,
  signal: new AbortController().signal,
  progress: (p) => {
    if (p && p.done > 0) process.stdout.write(`${p.phase} ${p.done}\n`);
  },
});
process.stdout.write('done\n');
db.close();
