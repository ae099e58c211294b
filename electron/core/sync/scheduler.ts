/**
 * When sync runs: at start, shortly after local writes (debounced, so a burst of edits makes
 * one sync), every few minutes, and on "Sync now"; with exponential backoff and jitter while
 * the server cannot be reached, and not at all, until the curator acts, after the server
 * refused this device (a revoked token). One run at a time: a trigger during a run queues
 * exactly one more run after it.
 */

/** How a run ended, which decides the next one. */
export type RunOutcome = 'ok' | 'retry' | 'blocked';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
  /** In [0, 1): the jitter. */
  random(): number;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending sync never keeps a process (a test, a CLI) alive on its own.
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  now: () => Date.now(),
  random: Math.random,
};

export interface ScheduleOptions {
  debounceMs: number;
  intervalMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const defaultSchedule: ScheduleOptions = { debounceMs: 2_000, intervalMs: 5 * 60_000, backoffBaseMs: 5_000, backoffMaxMs: 5 * 60_000 };

export class SyncScheduler {
  private timer: unknown = null;
  private dueAt: number | null = null;
  private dueIsDebounce = false;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private blocked = false;
  private stopped = true;

  constructor(
    private readonly run: () => Promise<RunOutcome>,
    private readonly timers: Timers = realTimers,
    private readonly options: ScheduleOptions = defaultSchedule,
    /** Told whenever the next attempt moves, for the status' nextAttemptAt. */
    private readonly onSchedule: (at: number | null) => void = () => {},
  ) {}

  /** When the next automatic run is due, or null (stopped, blocked, or running). */
  get nextAttemptAt(): number | null {
    return this.dueAt;
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  /** Starts scheduling (the app opened, or the device enrolled): a run right away. */
  start(): void {
    this.stopped = false;
    this.blocked = false;
    this.failures = 0;
    this.at(0);
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  /** A local write: sync soon, once the burst of edits is over. Offline or blocked, the backoff stands. */
  localWrite(): void {
    if (this.stopped || this.blocked || this.failures > 0) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.at(this.options.debounceMs, true);
  }

  /** "Sync now": right away, whatever the backoff; it also lifts a block (the curator acted). */
  now(): void {
    if (this.stopped) return;
    this.blocked = false;
    this.failures = 0;
    if (this.running) {
      this.again = true;
      return;
    }
    this.at(0);
  }

  /** Waits for the run under way, if any (tests, closing). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private at(ms: number, debounce = false): void {
    const due = this.timers.now() + ms;
    if (this.dueAt !== null) {
      // A debounce pushes back only its own timer (each write restarts the quiet period); it
      // never postpones a run already due sooner for another reason. Anything else keeps the
      // sooner of the two.
      const keep = debounce ? !this.dueIsDebounce && this.dueAt <= due : this.dueAt <= due;
      if (keep) return;
    }
    this.clear();
    this.dueAt = due;
    this.dueIsDebounce = debounce;
    this.onSchedule(due);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.dueAt = null;
      void this.execute();
    }, ms);
  }

  private clear(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.dueAt !== null) {
      this.dueAt = null;
      this.onSchedule(null);
    }
  }

  private async execute(): Promise<void> {
    if (this.stopped || this.running) return;
    this.again = false;
    let outcome: RunOutcome;
    const done = (async () => {
      try {
        outcome = await this.run();
      } catch {
        outcome = 'retry';
      }
    })();
    this.running = done;
    await done;
    this.running = null;
    if (this.stopped) return;
    this.after(outcome!);
  }

  private after(outcome: RunOutcome): void {
    if (outcome === 'blocked') {
      this.blocked = true;
      this.failures = 0;
      this.clear();
      return;
    }
    if (outcome === 'retry') {
      this.failures++;
      this.at(this.backoff(this.failures));
      return;
    }
    this.failures = 0;
    if (this.again) this.at(0);
    else this.at(this.options.intervalMs);
  }

  /** Exponential, capped, with "equal jitter": between half and all of the step, so devices that went offline together spread out. */
  backoff(failures: number): number {
    const step = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** Math.min(failures - 1, 30));
    return Math.round(step / 2 + (step / 2) * this.timers.random());
  }
}
