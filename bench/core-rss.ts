/**
 * Child process of bench/run.ts: opens the core on a loaded data folder, runs the directory's
 * opening view and a few searches, and prints its resident memory as JSON. A separate process,
 * so the figure is the core's own and not the benchmark's.
 */
import { openCore } from '../electron/core/app';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: core-rss.ts <data dir>');
const core = openCore({ dataDir, mode: 'web' });
for (const query of ['', 'nguyen', 'leadership', 'santos']) {
  await core.dispatch('experts.search', { query });
  await core.dispatch('experts.facets', { query });
}
await core.dispatch('experts.search', { sort: 'name', limit: 200 });
console.log(JSON.stringify({ rssMb: process.memoryUsage().rss / 1024 / 1024 }));
core.close();
