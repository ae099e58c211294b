import type { Db } from '../../db/open';
import { dedupePending, drainDedupe } from './pending';

export interface DedupeIndexerOptions {
  /** People re-indexed per step: one short transaction, so writes and reads interleave. */
  batch?: number;
  /** How often an idle indexer looks for pending people, in ms. */
  pollMs?: number;
  /** True while something else should have the CPU (a sync pulling pages): the indexer waits. */
  busy?: () => boolean;
  /** Told of a failed step (a busy or closing database); the next look, or a lookup, retries. */
  onError?: (error: unknown) => void;
}

/**
 * Drains the dedupe queue in the background: when something is pending, one batch per turn
 * of the event loop until it is empty, then a look every `pollMs`. A lookup does not wait
 * for it (find.ts drains what is left); this only spares the first check after a large sync
 * the whole wait. Returns the stop function; call it before closing the database.
 */
export function startDedupeIndexer(db: Db, options: DedupeIndexerOptions = {}): () => void {
  const batch = options.batch ?? 250;
  const pollMs = options.pollMs ?? 2000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const step = () => {
    timer = null;
    if (stopped || !db.open) return;
    let more = false;
    try {
      if (!options.busy?.()) more = drainDedupe(db, batch) === batch && dedupePending(db);
    } catch (error) {
      options.onError?.(error);
    }
    if (stopped) return;
    timer = setTimeout(step, more ? 0 : pollMs);
    // Never what keeps the process alive.
    timer.unref?.();
  };
  timer = setTimeout(step, 0);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
