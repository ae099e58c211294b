import { openDevice } from './nodes';

/**
 * A device in a process of its own, for kill-pull.test.ts: it syncs once with central (the
 * token comes by environment, as a copied folder carries none) and is killed with SIGKILL
 * somewhere in the middle. Small pages and snapshot chunks make many transactions to land in.
 */
const [dataDir] = process.argv.slice(2);
const token = process.env.SYNC_KILL_TOKEN;
if (!dataDir || !token) throw new Error('usage: SYNC_KILL_TOKEN=… kill-child.ts DATA_DIR');
const device = openDevice(dataDir, { skewMs: 0 }, 'killed', { pageSize: 7, snapshotChunk: 5 });
device.useToken('central', token);
process.stdout.write('syncing\n');
await device.sync('central');
device.close();
process.stdout.write('done\n');
