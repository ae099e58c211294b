// The core worker run from source (browser mode via tsx, tests under vitest): a worker does
// not inherit the TypeScript loader of its parent thread in Node 20, so register tsx here,
// then load the real entry. Built Electron runs out/main/core-worker.js instead.
import { workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
await import(pathToFileURL(workerData.tsEntry).href);
