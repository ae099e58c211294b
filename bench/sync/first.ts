/**
 * A first sync alone, on the same server, records and real client as the sync figures, with
 * the desktop's CPU time and optionally a CPU profile of the desktop's thread during the sync
 * only (not the server's fill, nor the later figures). For working on the first sync: run it
 * before and after a change, compare CPU seconds (wall time on a shared machine says more about
 * the neighbours). Not part of `npm run bench`.
 *
 * coreThreadCpuMs is the CPU time of the thread the core runs on (this process's main thread):
 * the first sync's critical path; desktopCpuMs counts every thread (the snapshot reader too).
 *
 * usage: tsx bench/sync/first.ts [--quick] [--profile=<file.cpuprofile>] [--runs=N] [--no-checkpoint-thread]
 * `--runs` syncs N fresh desktops from one server (the server is filled once).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore } from '../../electron/core/app';
import { startChild } from './child';
import type { OurServerReady } from './our-server';
import { syncSettled } from './settle';

const quick = process.argv.includes('--quick');
const EXPERTS = quick ? 5_000 : 50_000;
const profileFile = process.argv.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 1);
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
/** CPU ms of this process's main thread alone (Linux: /proc), where the core runs here; null elsewhere. */
const mainThreadCpuMs = (): number | null => {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
};
/**
 * CPU ms of each thread of this process during the sync (Linux: /proc), sampled every 200 ms so
 * threads that end before the sync does (the snapshot reader's) still count: the core's thread,
 * the other JS threads (snapshot reader, checkpointer), and the rest (V8's GC and compiler helpers, libuv).
 */
function threadSampler(): { stop: () => Record<string, number> } {
  const last = new Map<string, number>();
  const first = new Map<string, number>();
  const sample = () => {
    try {
      for (const tid of readdirSync('/proc/self/task')) {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).trim();
        const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
        const key = `${tid === String(process.pid) ? 'main' : name}#${tid}`;
        const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
        if (!first.has(key)) first.set(key, ms);
        last.set(key, ms);
      }
    } catch {
      // not Linux, or a thread ended between the listing and the read
    }
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const out: Record<string, number> = {};
      for (const [key, ms] of last) {
        const used = Math.round(ms - (first.get(key) ?? 0));
        if (used >= 100) out[key] = used;
      }
      return out;
    },
  };
}
const root = mkdtempSync(join(tmpdir(), 'curator-bench-first-'));
const server = await startChild<OurServerReady>('./our-server.ts', [String(EXPERTS), '2026', join(root, 'server')], 15 * 60_000);
try {
  for (let run = 1; run <= runs; run++) {
    const core = openCore({ dataDir: join(root, `desktop-${run}`), mode: 'web', actor: 'bench', ...(process.argv.includes('--no-checkpoint-thread') ? { checkpointThread: false } : {}) });
    try {
      const { code } = await server.ask<{ code: string }>({ kind: 'user', name: `First ${run}`, role: 'curator' });
      const session = profileFile ? new Session() : null;
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      const serverBefore = cpuMs(await server.ask<NodeJS.CpuUsage>({ kind: 'cpu' }));
      const before = process.cpuUsage();
      const mainBefore = mainThreadCpuMs();
      const sampler = threadSampler();
      const t = performance.now();
      await syncSettled(core, () => core.dispatch('sync.enroll', { serverUrl: server.ready.url, code, deviceName: `First ${run}` }), 15 * 60_000);
      const ms = performance.now() - t;
      const desktop = cpuMs(process.cpuUsage(before));
      const mainAfter = mainThreadCpuMs();
      const threads = sampler.stop();
      const serverCpu = cpuMs(await server.ask<NodeJS.CpuUsage>({ kind: 'cpu' })) - serverBefore;
      if (session) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(profileFile!, JSON.stringify(profile));
        session.disconnect();
      }
      const n = server.ready.records;
      console.log(JSON.stringify({ run, entries: n, ms: Math.round(ms), docsPerS: Math.round(n / (ms / 1000)), desktopCpuMs: Math.round(desktop), coreThreadCpuMs: mainBefore === null || mainAfter === null ? null : Math.round(mainAfter - mainBefore), serverCpuMs: Math.round(serverCpu), cpuUsPerEntry: Math.round((desktop * 1000) / n), threads }));
    } finally {
      core.close();
    }
  }
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
