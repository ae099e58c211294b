import { describe, expect, it } from 'vitest';
import { SyncScheduler, type RunOutcome, type Timers } from './scheduler';

/** Timers under the test's control: advance() fires due callbacks in time order. */
function fakeTimers(random = 0.5) {
  let now = 1_000_000;
  let nextId = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (h) => void pending.delete(h as number),
    now: () => now,
    random: () => random,
  };
  const flush = () => new Promise((r) => setImmediate(r));
  async function advance(ms: number) {
    const end = now + ms;
    await flush();
    for (;;) {
      const due = [...pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].fn();
      await flush();
      await flush();
    }
    now = end;
    await flush();
  }
  return { timers, advance, pendingCount: () => pending.size, now: () => now };
}

function harness(outcomes: RunOutcome[] = []) {
  const clock = fakeTimers();
  const runs: number[] = [];
  const scheduler = new SyncScheduler(
    async () => {
      runs.push(clock.now());
      return outcomes.shift() ?? 'ok';
    },
    clock.timers,
    { debounceMs: 2_000, intervalMs: 300_000, backoffBaseMs: 5_000, backoffMaxMs: 300_000 },
  );
  const since = (t0: number) => runs.map((r) => r - t0);
  return { clock, runs, scheduler, since };
}

describe('sync scheduler', () => {
  it('runs at start and then every five minutes', async () => {
    const { clock, scheduler, since } = harness();
    const t0 = clock.now();
    scheduler.start();
    await clock.advance(0);
    await clock.advance(600_000);
    expect(since(t0)).toEqual([0, 300_000, 600_000]);
    scheduler.stop();
    await clock.advance(600_000);
    expect(since(t0)).toHaveLength(3);
    expect(clock.pendingCount()).toBe(0);
  });

  it('debounces a burst of local writes into one run two seconds after the last', async () => {
    const { clock, scheduler, since } = harness();
    const t0 = clock.now();
    scheduler.start();
    await clock.advance(10_000);
    for (let i = 0; i < 5; i++) {
      scheduler.localWrite();
      await clock.advance(1_000);
    }
    await clock.advance(5_000);
    // Start at 0; writes at 10s..14s; the run comes 2 s after the last write.
    expect(since(t0)).toEqual([0, 16_000]);
    expect(scheduler.nextAttemptAt).toBe(t0 + 16_000 + 300_000);
  });

  it('backs off exponentially while offline, capped, and is back to normal after a success', async () => {
    const { clock, scheduler, since } = harness(['retry', 'retry', 'retry', 'retry', 'retry', 'retry', 'retry', 'ok']);
    const t0 = clock.now();
    scheduler.start();
    await clock.advance(2_000_000);
    const gaps = since(t0).slice(1).map((t, i) => t - since(t0)[i]!);
    // random() = 0.5 gives three quarters of each step: 5 s, 10 s, 20 s, ... capped at 300 s.
    expect(gaps.slice(0, 8)).toEqual([3_750, 7_500, 15_000, 30_000, 60_000, 120_000, 225_000, 300_000]);
  });

  it('a local write does not cut the backoff short, but "Sync now" does', async () => {
    const { clock, scheduler, since } = harness(['retry', 'retry', 'ok']);
    const t0 = clock.now();
    scheduler.start();
    await clock.advance(1_000);
    scheduler.localWrite();
    await clock.advance(2_500);
    expect(since(t0)).toEqual([0]);
    scheduler.now();
    await clock.advance(0);
    expect(since(t0)).toEqual([0, 3_500]);
  });

  it('stops after the server refused the device, until the curator asks', async () => {
    const { clock, scheduler, since } = harness(['blocked']);
    const t0 = clock.now();
    scheduler.start();
    await clock.advance(1_000_000);
    scheduler.localWrite();
    await clock.advance(1_000_000);
    expect(since(t0)).toEqual([0]);
    expect(scheduler.nextAttemptAt).toBeNull();
    scheduler.now();
    await clock.advance(0);
    expect(since(t0)).toEqual([0, 2_000_000]);
  });

  it('never runs twice at once: a trigger during a run queues one more', async () => {
    const clock = fakeTimers();
    let release: () => void = () => {};
    let active = 0;
    let most = 0;
    let count = 0;
    const scheduler = new SyncScheduler(
      async () => {
        active++;
        count++;
        most = Math.max(most, active);
        await new Promise<void>((r) => (release = r));
        active--;
        return 'ok';
      },
      clock.timers,
    );
    scheduler.start();
    await clock.advance(0);
    scheduler.now();
    scheduler.now();
    scheduler.localWrite();
    release();
    await clock.advance(0);
    release();
    await clock.advance(0);
    await scheduler.idle();
    expect(count).toBe(2);
    expect(most).toBe(1);
  });
});
