/**
 * Where a first sync's time goes, step by step, on the same server and records as the sync
 * figures: each step below runs alone over all the snapshot's entries, in the desktop's own
 * order of work, so the steps' costs can be compared (and added up) whatever else the machine
 * is doing. Not part of `npm run bench`; run it when the first sync is slower than its goal.
 *
 * usage: tsx bench/sync/breakdown.ts [--quick]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { snapshotHeaderSchema, snapshotLineSchema, SYNC_PREFIX } from '../../shared/sync/protocol';
import { checkReceivedChange } from '../../shared/sync/change';
import { ChangeFunnel } from '../../electron/core/changes/funnel';
import { openDatabase } from '../../electron/core/db/open';
import { ndjsonLines } from '../../electron/core/sync/ndjson';
import { expertProjection } from '../../electron/core/services/experts/projection';
import { loadShippedTaxonomy } from '../../electron/core/services/taxonomy-resource';
import { startChild } from './child';
import { PushingDevice } from './device';
import type { OurServerReady } from './our-server';

const quick = process.argv.includes('--quick');
const EXPERTS = quick ? 5_000 : 50_000;
const CHUNK = 2000;
const root = mkdtempSync(join(tmpdir(), 'curator-bench-breakdown-'));
const server = await startChild<OurServerReady>('./our-server.ts', [String(EXPERTS), '2026', join(root, 'server')], 15 * 60_000);
const rows: { step: string; ms: number; cpuMs: number; cpuUsPerEntry: number }[] = [];
let entries = 0;
async function step<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await fn();
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  rows.push({ step: name, ms: Math.round(ms), cpuMs: Math.round(cpuMs), cpuUsPerEntry: entries ? Math.round((cpuMs * 1000) / entries) : 0 });
  return value;
}

try {
  const { code } = await server.ask<{ code: string }>({ kind: 'user', name: 'Breakdown', role: 'curator' });
  const device = await PushingDevice.enroll(mkdtempSync(join(root, 'device-')), server.ready.url, code, 'Breakdown');
  device.close();
  const url = `${server.ready.url}${SYNC_PREFIX}/snapshot?after=0`;
  const headers = { authorization: device.authorization, accept: 'application/x-ndjson' };

  entries = server.ready.records;
  const bytes = await step('HTTP: snapshot body received (server reads feed, gzip; client gunzip)', async () => (await (await fetch(url, { headers })).arrayBuffer()).byteLength);
  const lines: unknown[] = [];
  await step('HTTP + ndjsonLines: every line parsed (JSON.parse)', async () => {
    const response = await fetch(url, { headers });
    for await (const line of ndjsonLines(response.body!, { ms: 60_000, abort: () => {} })) lines.push(line);
  });
  const header = snapshotHeaderSchema.parse(lines.shift());
  entries = lines.length;
  const changes = await step('engine: snapshotLineSchema.safeParse of every line', () => lines.map((l) => snapshotLineSchema.parse(l).change));
  await step('funnel: checkReceivedChange of every change (by value)', () => {
    for (const c of changes) if (checkReceivedChange(c).kind !== 'ok') throw new Error('a change failed its check');
  });

  const taxonomy = loadShippedTaxonomy();
  const receiveAll = (funnel: ChangeFunnel) => {
    for (let i = 0; i < changes.length; i += CHUNK) funnel.receive(changes.slice(i, i + CHUNK), { from: 'upstream' });
  };
  const bare = openDatabase(join(root, 'bare.db'));
  await step('funnel.receive (upstream), chunks of 2000, NO projection: log, records, feed', () => receiveAll(new ChangeFunnel(bare, [])));
  await step('expert projection rebuilt once over those records (search index in bulk)', () => {
    const p = expertProjection(bare, taxonomy);
    bare.transaction(() => p.rebuild())();
  });
  bare.close();
  const full = openDatabase(join(root, 'full.db'));
  await step('funnel.receive (upstream), chunks of 2000, WITH the expert projection (as the desktop does)', () => receiveAll(new ChangeFunnel(full, [expertProjection(full, taxonomy)])));
  full.close();

  console.log(`First-sync breakdown: ${entries.toLocaleString('en')} entries (${EXPERTS.toLocaleString('en')} experts), snapshot ${(bytes / 1e6).toFixed(1)} MB uncompressed, head ${header.head}`);
  console.table(rows);
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
