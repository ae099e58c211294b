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
 * usage: tsx bench/sync/first.ts [--quick] [--profile=<file.cpuprofile>] [--runs=N]
 * `--runs` syncs N fresh desktops from one server (the server is filled once).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const root = mkdtempSync(join(tmpdir(), 'curator-bench-first-'));
const server = await startChild<OurServerReady>('./our-server.ts', [String(EXPERTS), '2026', join(root, 'server')], 15 * 60_000);
try {
  for (let run = 1; run <= runs; run++) {
    const core = openCore({ dataDir: join(root, `desktop-${run}`), mode: 'web', actor: 'bench' });
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
      const t = performance.now();
      await syncSettled(core, () => core.dispatch('sync.enroll', { serverUrl: server.ready.url, code, deviceName: `First ${run}` }), 15 * 60_000);
      const ms = performance.now() - t;
      const desktop = cpuMs(process.cpuUsage(before));
      const mainAfter = mainThreadCpuMs();
      const serverCpu = cpuMs(await server.ask<NodeJS.CpuUsage>({ kind: 'cpu' })) - serverBefore;
      if (session) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(profileFile!, JSON.stringify(profile));
        session.disconnect();
      }
      const n = server.ready.records;
      console.log(JSON.stringify({ run, entries: n, ms: Math.round(ms), docsPerS: Math.round(n / (ms / 1000)), desktopCpuMs: Math.round(desktop), coreThreadCpuMs: mainBefore === null || mainAfter === null ? null : Math.round(mainAfter - mainBefore), serverCpuMs: Math.round(serverCpu), cpuUsPerEntry: Math.round((desktop * 1000) / n) }));
    } finally {
      core.close();
    }
  }
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
