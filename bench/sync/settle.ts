/**
 * Drives the desktop core's real sync client the way the app does (sync.enroll, sync.now) and
 * waits for the cycle it starts to end, from the core's own 'sync' status events.
 */
import type { Core } from '../../electron/core/app';
import type { SyncStatus } from '../../shared/contract/sync';

/**
 * Runs `start` and resolves when the sync it set off is over: a status 'syncing' was seen and
 * then 'idle'. A run that ends in 'error' or 'offline' rejects with the problem it reported.
 */
export async function syncSettled(core: Core, start: () => Promise<unknown>, timeoutMs: number): Promise<SyncStatus> {
  let off = () => {};
  let timer: NodeJS.Timeout | undefined;
  const settled = new Promise<SyncStatus>((resolve, reject) => {
    let began = false;
    off = core.on('sync', (status) => {
      if (status.state === 'syncing') began = true;
      else if (began && status.state === 'idle') resolve(status);
      else if (began) reject(new Error(`Sync ended ${status.state}: ${status.problem?.code ?? ''} ${status.problem?.message ?? ''}`));
    });
    timer = setTimeout(() => reject(new Error(`Sync did not finish within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
  });
  // A start that throws leaves `settled` to time out unobserved: mark it handled.
  settled.catch(() => {});
  try {
    const r = (await start()) as { ok?: boolean; error?: { message: string } };
    if (r && r.ok === false) throw new Error(`The core refused: ${r.error?.message}`);
    return await settled;
  } finally {
    off();
    clearTimeout(timer);
  }
}

/**
 * Waits until no sync is under way. The app's scheduler also syncs on its own (shortly after
 * local writes, every few minutes): a timed run must not start inside one of those.
 */
export async function whenIdle(core: Core, timeoutMs: number): Promise<void> {
  let off = () => {};
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<void>((resolve, reject) => {
    off = core.on('sync', (status) => status.state !== 'syncing' && resolve());
    timer = setTimeout(() => reject(new Error(`A sync under way did not finish within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
  });
  idle.catch(() => {});
  try {
    const r = await core.dispatch('sync.status', {});
    if (r.ok && (r.value as SyncStatus).state !== 'syncing') return;
    await idle;
  } finally {
    off();
    clearTimeout(timer);
  }
}
