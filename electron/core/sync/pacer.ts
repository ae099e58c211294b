/** How long one transaction may hold the core's thread: calls from the window wait at most about this. */
const TARGET_TRANSACTION_MS = 100;

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
  ) {}

  get size(): number {
    if (this.fixed !== null) return this.fixed;
    if (this.msPerEntry === null) return this.initial;
    return Math.max(this.min, Math.min(this.max, Math.round(TARGET_TRANSACTION_MS / this.msPerEntry)));
  }

  record(entries: number, ms: number): void {
    if (entries < 10) return;
    const rate = ms / entries;
    // Smoothed, so one slow transaction (a checkpoint) does not halve the next page.
    this.msPerEntry = this.msPerEntry === null ? rate : 0.7 * this.msPerEntry + 0.3 * rate;
  }
}
