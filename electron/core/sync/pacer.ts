/** How long one transaction may hold the core's thread: calls from the window wait at most about this. */
export const TARGET_TRANSACTION_MS = 100;
/**
 * A first sync's snapshot chunks may hold it longer: the directory is still filling (progress is
 * shown), and each commit flushes the search index, so chunks sized for 100 ms cost a first
 * sync of 50,000 experts about 1.4 s more CPU than chunks of a quarter second.
 */
export const SNAPSHOT_TRANSACTION_MS = 250;

/**
 * Sizes pull pages and snapshot chunks from how fast this computer applied the last ones, so a
 * first sync of 50,000 experts never holds the core's thread for long, on a fast desktop or a
 * slow, busy laptop alike.
 */
export class Pacer {
  private msPerEntry: number | null = null;
  constructor(
    private readonly fixed: number | null,
    private readonly min = 50,
    private readonly max = 5000,
    private readonly initial = 250,
    private readonly targetMs = TARGET_TRANSACTION_MS,
  ) {}

  get size(): number {
    if (this.fixed !== null) return this.fixed;
    if (this.msPerEntry === null) return this.initial;
    return Math.max(this.min, Math.min(this.max, Math.round(this.targetMs / this.msPerEntry)));
  }

  record(entries: number, ms: number): void {
    if (entries < 10) return;
    const rate = ms / entries;
    // Smoothed, so one slow transaction (a checkpoint) does not halve the next page.
    this.msPerEntry = this.msPerEntry === null ? rate : 0.7 * this.msPerEntry + 0.3 * rate;
  }
}
