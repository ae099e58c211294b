import type { SyncStatus } from '../../../shared/contract';

/**
 * Whether this device is receiving data from a server right now, and how far a first sync (the
 * snapshot) has come when one runs. The directory uses it: empty while a sync is under way means
 * the data is on its way, and offering demo data then would mix made-up experts into the real
 * ones (and send them to the server). Either server counts (with a hub and central, the summed-up
 * state may show the other's problem while one of them syncs).
 */
export interface Receiving {
  /** A first sync's entries received of its total; null before the server has said how many. */
  progress: { done: number; total: number } | null;
}

export function receiving(status: SyncStatus | null): Receiving | null {
  if (!status) return null;
  const syncing = [status, ...status.remotes].filter((s) => s.state === 'syncing');
  if (!syncing.length) return null;
  const snapshot = syncing.map((s) => s.progress).find((p) => p?.phase === 'snapshot' && p.total > 0);
  return { progress: snapshot ? { done: Math.min(snapshot.done, snapshot.total), total: snapshot.total } : null };
}
