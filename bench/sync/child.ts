/**
 * Servers of the sync bench run in child processes, as a real server runs on another machine:
 * the client under test gets its own event loop, and PouchDB's and ours are treated alike.
 * A child tells its parent it is ready with one IPC message; it exits when told to or when its
 * parent goes away (the IPC channel closes), so no run leaves a server behind.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildServer<T> {
  ready: T;
  /** Sends a request and waits for the child's answer to it (one at a time). */
  ask<R>(message: Record<string, unknown>, timeoutMs?: number): Promise<R>;
  close(): Promise<void>;
}

interface Envelope {
  kind: 'ready' | 'answer' | 'error';
  value?: unknown;
  message?: string;
}

/** Starts `script` (a .ts file next to this one) and waits for its `ready` message. */
export async function startChild<T>(script: string, args: string[], timeoutMs: number): Promise<ChildServer<T>> {
  const file = fileURLToPath(new URL(script, import.meta.url));
  // SYNC_BENCH_PROFILE=<dir>: every process of the sync bench writes a CPU profile there.
  const profile = process.env.SYNC_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SYNC_BENCH_PROFILE}`] : [];
  const child: ChildProcess = fork(file, args, { execArgv: ['--import', 'tsx', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = (ms: number, what: string) =>
    new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${what}: no answer from ${script} within ${Math.round(ms / 1000)} s.`)), ms);
      const onMessage = (m: Envelope) => (m.kind === 'error' ? done(new Error(`${script}: ${m.message}`)) : done(null, m.value));
      const onExit = (code: number | null) => done(new Error(`${script} exited (code ${code}) before answering ${what}.`));
      function done(error: Error | null, value?: unknown) {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolve(value);
      }
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const ready = (await next(timeoutMs, 'start')) as T;
    return {
      ready,
      ask: async <R>(message: Record<string, unknown>, ms = 10 * 60_000) => {
        const answer = next(ms, String(message.kind));
        child.send(message);
        return (await answer) as R;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The child's side: `serve` is called for every request from the parent. The child exits on
 * SIGTERM or when the parent's IPC channel closes, after `cleanup`.
 */
export function childSide(ready: unknown, serve: (message: Record<string, unknown>) => Promise<unknown>, cleanup: () => Promise<void>): void {
  const send = (m: Envelope) => process.send!(m);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await cleanup().catch(() => {});
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('disconnect', () => void stop());
  process.on('message', (m: Record<string, unknown>) => {
    if (m.kind === 'cpu') return void send({ kind: 'answer', value: process.cpuUsage() });
    serve(m).then(
      (value) => send({ kind: 'answer', value }),
      (error: unknown) => send({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  send({ kind: 'ready', value: ready });
}

/** The child's first step: report a failure to start to the parent, then exit. */
export function failChild(error: unknown): never {
  process.send?.({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Envelope);
  process.exit(1);
}
