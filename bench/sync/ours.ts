/**
 * Our side of the sync figures, on the real code: the central server (our-server.ts, a child
 * process) loaded with the bench records, a fresh desktop core syncing through its real sync
 * client (snapshot first, then push and pull cycles), and devices pushing through the protocol.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import { DATABASE_FILE, openCore, type Core } from '../../electron/core/app';
import { startChild, type ChildServer } from './child';
import { syncRecords, type BenchSet } from './dataset';
import { PushingDevice } from './device';
import { figure, type Figure } from './figure';
import type { OurServerReady } from './our-server';
import { syncSettled, whenIdle } from './settle';

export interface OursOptions {
  experts: number;
  seed: number;
  /** Experts each of the 10 pushing devices creates (with their portfolios). */
  pushExperts: number;
  noopRuns: number;
  /** Edits pulled (sync.pull100_ms) and pushed (sync.push1000_ms): 100 and 1,000 unless a test asks fewer. */
  pullEdits?: number;
  pushEdits?: number;
  log: (line: string) => void;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const SYNC_TIMEOUT_MS = 15 * 60_000;

export async function ourFigures(records: BenchSet, o: OursOptions): Promise<{ figures: Figure[]; initialDocsPerS: number; initialCpuMs: number }> {
  const root = mkdtempSync(join(tmpdir(), 'curator-bench-sync-'));
  const figures: Figure[] = [];
  let server: ChildServer<OurServerReady> | null = null;
  let core: Core | null = null;
  const devices: PushingDevice[] = [];
  try {
    server = await startChild<OurServerReady>('./our-server.ts', [String(o.experts), String(o.seed), join(root, 'server')], SYNC_TIMEOUT_MS);
    const { url } = server.ready;
    if (server.ready.records !== records.count) throw new Error(`The server holds ${server.ready.records} records, expected ${records.count}.`);
    o.log(`server: ${records.count} records written by its funnel in ${Math.round(server.ready.fillMs)} ms`);
    const newUser = (name: string, role: string) => server!.ask<{ userId: string; code: string }>({ kind: 'user', name, role });
    // Wall time, and the CPU time the desktop (this process) and the server spent meanwhile:
    // on a busy machine the CPU time still says what the work costs and where it is done.
    const timed = async (fn: () => Promise<unknown>) => {
      const serverBefore = cpuMs(await server!.ask<NodeJS.CpuUsage>({ kind: 'cpu' }));
      const clientBefore = process.cpuUsage();
      const t = performance.now();
      await fn();
      const ms = performance.now() - t;
      const clientCpuMs = cpuMs(process.cpuUsage(clientBefore));
      const serverCpuMs = cpuMs(await server!.ask<NodeJS.CpuUsage>({ kind: 'cpu' })) - serverBefore;
      return { ms, clientCpuMs, serverCpuMs, cpuMs: clientCpuMs + serverCpuMs };
    };

    // 1. First sync of a fresh desktop: enrollment starts it; it streams the snapshot.
    const deviceDir = join(root, 'desktop');
    core = openCore({ dataDir: deviceDir, mode: 'web', actor: 'bench' });
    const a = await newUser('Desktop A', 'curator');
    const { ms: initialMs, clientCpuMs, serverCpuMs } = await timed(() =>
      syncSettled(core!, () => core!.dispatch('sync.enroll', { serverUrl: url, code: a.code, deviceName: 'Bench desktop' }), SYNC_TIMEOUT_MS),
    );
    checkDesktopHolds(join(deviceDir, DATABASE_FILE), records);
    const initialDocsPerS = records.count / (initialMs / 1000);
    figures.push(figure('sync.initial_docs_per_s', initialDocsPerS, `docs/s (${records.count} docs in ${Math.round(initialMs)} ms)`));
    // CPU time tells where the first sync's work is done, whatever else the machine is running.
    figures.push(figure('sync.initial_client_cpu_ms', clientCpuMs, 'ms CPU (desktop process)'));
    figures.push(figure('sync.initial_server_cpu_ms', serverCpuMs, 'ms CPU (server process)'));
    o.log(`first sync: ${records.count} records in ${Math.round(initialMs)} ms (${Math.round(initialDocsPerS)} docs/s), CPU ${Math.round(clientCpuMs)} ms desktop + ${Math.round(serverCpuMs)} ms server; counts and a sample checked`);

    const now = () => syncSettled(core!, () => core!.dispatch('sync.now', {}), SYNC_TIMEOUT_MS);
    /** "Sync now", timed, never inside a sync the scheduler started on its own. */
    const timedNow = async () => {
      await whenIdle(core!, SYNC_TIMEOUT_MS);
      return timed(now);
    };
    // 2. A sync with nothing to do: push finds nothing, pull an empty page.
    await now();
    const noop: number[] = [];
    const noopCpu: number[] = [];
    for (let i = 0; i < o.noopRuns; i++) {
      const run = await timedNow();
      noop.push(run.ms);
      noopCpu.push(run.cpuMs);
    }
    figures.push(figure('sync.noop_ms', median(noop), `ms (median of ${o.noopRuns})`));
    figures.push(figure('sync.noop_cpu_ms', median(noopCpu), 'ms CPU, desktop + server (median)'));
    o.log(`no-op sync: median ${median(noop).toFixed(1)} ms, min ${Math.min(...noop).toFixed(1)}, max ${Math.max(...noop).toFixed(1)}; CPU median ${median(noopCpu).toFixed(1)} ms`);

    // 3. 100 edits made on another device and pushed there; the desktop pulls them.
    const experts = records.expertIds.map((id) => ({ id }));
    const b = await newUser('Device B', 'curator');
    const deviceB = await PushingDevice.enroll(mkdir(root, 'device-b'), url, b.code, 'Bench device B');
    devices.push(deviceB);
    const pullEdits = o.pullEdits ?? 100;
    const pushEdits = o.pushEdits ?? 1000;
    if (experts.length < pullEdits + pushEdits) throw new Error(`The edits need ${pullEdits + pushEdits} experts; the data set has ${experts.length}.`);
    const remoteEdits = experts.slice(0, pullEdits).map((r, i) => ({ entity: 'expert', id: r.id, fields: { position: `Director of Training (remote edit ${i + 1})` } }));
    for (const w of remoteEdits) deviceB.write([w]);
    await deviceB.send(url, deviceB.pushBodies());
    const pull = await timedNow();
    checkFields(join(deviceDir, DATABASE_FILE), remoteEdits);
    figures.push(figure('sync.pull100_ms', pull.ms, `ms (${pullEdits} edits)`));
    figures.push(figure('sync.pull100_cpu_ms', pull.cpuMs, 'ms CPU, desktop + server'));
    o.log(`pull of ${pullEdits} remote edits: ${pull.ms.toFixed(1)} ms (CPU ${pull.clientCpuMs.toFixed(0)} desktop + ${pull.serverCpuMs.toFixed(0)} server), edits checked on the desktop`);

    // 4. 1,000 edits made on the desktop (as a curator saves them), then one sync pushes them.
    const localEdits = experts.slice(pullEdits, pullEdits + pushEdits).map((r, i) => ({ id: r.id, patch: { position: `Head of Recruitment (local edit ${i + 1})` } }));
    for (const edit of localEdits) {
      const r = await core.dispatch('experts.update', edit);
      if (!r.ok) throw new Error(`experts.update: ${r.error.message}`);
    }
    // A sync the scheduler started during the edits (a pause of 2 s between two of them on a busy
    // machine) may have sent some already: the figure says how many this sync pushed.
    await whenIdle(core, SYNC_TIMEOUT_MS);
    const heldBefore = (await server.ask<Record<string, number>>({ kind: 'vector' }))[core.nodeId] ?? 0;
    const push = await timedNow();
    const vector = await server.ask<Record<string, number>>({ kind: 'vector' });
    const desktopSeq = countOwnChanges(join(deviceDir, DATABASE_FILE), core.nodeId);
    if ((vector[core.nodeId] ?? 0) < desktopSeq || desktopSeq < localEdits.length) {
      throw new Error(`After the push the server holds ${vector[core.nodeId] ?? 0} of the desktop's ${desktopSeq} changes.`);
    }
    const pushed = desktopSeq - heldBefore;
    if (pushed < pushEdits) o.log(`note: the scheduler had already pushed ${pushEdits - pushed} of the ${pushEdits} edits; this sync pushed ${pushed}`);
    figures.push(figure('sync.push1000_ms', push.ms, `ms (${pushed} edits pushed)`));
    figures.push(figure('sync.push1000_cpu_ms', push.cpuMs, 'ms CPU, desktop + server'));
    o.log(`push of ${pushEdits} local edits: ${push.ms.toFixed(1)} ms (CPU ${push.clientCpuMs.toFixed(0)} desktop + ${push.serverCpuMs.toFixed(0)} server); the server holds all ${desktopSeq} of the desktop's changes`);

    // 5. 10 devices, each its own node, user and token, push new experts at once.
    const pushers: PushingDevice[] = [];
    for (let d = 0; d < 10; d++) {
      const u = await newUser(`Pusher ${d + 1}`, 'curator');
      const device = await PushingDevice.enroll(mkdir(root, `pusher-${d + 1}`), url, u.code, `Bench pusher ${d + 1}`);
      devices.push(device);
      pushers.push(device);
      device.write([...syncRecords(o.pushExperts, o.seed + 1 + d)]);
    }
    const bodies = pushers.map((d) => d.pushBodies());
    const total = bodies.flat().reduce((n, b) => n + b.count, 0);
    let applied: number[] = [];
    const pushAll = await timed(async () => {
      applied = await Promise.all(pushers.map((d, i) => d.send(url, bodies[i]!)));
    });
    if (applied.reduce((x, y) => x + y, 0) !== total) throw new Error('The server did not apply every pushed change.');
    const rate = total / (pushAll.ms / 1000);
    figures.push(figure('server.push_changes_per_s', rate, `changes/s (10 devices, ${total} changes)`));
    figures.push(figure('server.push_cpu_us_per_change', (pushAll.serverCpuMs * 1000) / total, 'µs CPU of the server per change'));
    o.log(`10 devices pushing at once: ${total} changes in ${Math.round(pushAll.ms)} ms (${Math.round(rate)} changes/s); server CPU ${Math.round(pushAll.serverCpuMs)} ms`);
    return { figures, initialDocsPerS, initialCpuMs: clientCpuMs + serverCpuMs };
  } finally {
    for (const d of devices) d.close();
    core?.close();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  }
}

function mkdir(root: string, name: string): string {
  return mkdtempSync(join(root, `${name}-`));
}

/** The desktop holds every record, each with the same fields: counted, and compared on the sample. */
function checkDesktopHolds(file: string, records: BenchSet): void {
  const db = new Database(file, { readonly: true });
  try {
    const held = db.prepare("SELECT count(*) FROM records WHERE entity IN ('expert', 'portfolio')").pluck().get() as number;
    if (held !== records.count) throw new Error(`After the first sync the desktop holds ${held} of ${records.count} records.`);
    const get = db.prepare('SELECT data FROM records WHERE entity = ? AND id = ?').pluck();
    for (const r of records.sample) {
      const data = get.get(r.entity, r.id) as string | undefined;
      if (!data || !isDeepStrictEqual(JSON.parse(data), r.fields)) throw new Error(`The desktop's copy of ${r.entity} ${r.id} differs from the record.`);
    }
  } finally {
    db.close();
  }
}

function checkFields(file: string, writes: readonly { entity: string; id: string; fields: Record<string, unknown> }[]): void {
  const db = new Database(file, { readonly: true });
  try {
    const get = db.prepare('SELECT data FROM records WHERE entity = ? AND id = ?').pluck();
    for (const w of writes) {
      const data = JSON.parse((get.get(w.entity, w.id) as string | undefined) ?? '{}') as Record<string, unknown>;
      for (const [k, v] of Object.entries(w.fields)) if (!isDeepStrictEqual(data[k], v)) throw new Error(`The desktop did not get the remote edit of ${w.entity} ${w.id}.${k}.`);
    }
  } finally {
    db.close();
  }
}

function countOwnChanges(file: string, nodeId: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT coalesce(max(seq), 0) FROM changes WHERE origin = ?').pluck().get(nodeId) as number);
  } finally {
    db.close();
  }
}
