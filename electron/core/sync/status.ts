import type { SyncRemoteStatus, SyncStatus } from '../../../shared/contract/sync';

/** Where sync stands, summed up from each server's own state (SyncService.status). */

export type Phase = SyncRemoteStatus['state'];

/** How the states sum up: the worst one wins (a run under way is shown above all). */
const severity: Record<Phase, number> = { idle: 0, offline: 1, error: 2, syncing: 3 };

export const unreadableToken = {
  code: 'UNAUTHENTICATED',
  message: "This computer's sign-in could not be read (the system keychain may have changed). Sign in again in Settings with a new enrollment code.",
};

/**
 * The status of a device with at least one server, the first (the hub while one is joined) as
 * its address, time and waiting count: the worst state, with its problem, or else a warning
 * from a sync that went through (a clock days off).
 */
export function sumUp(
  /** At least one. */
  remotes: SyncRemoteStatus[],
  rest: Pick<SyncStatus, 'configured' | 'user' | 'progress' | 'problems' | 'nextAttemptAt'>,
): SyncStatus {
  const first = remotes[0]!;
  const worst = remotes.reduce((a, b) => (severity[b.state] > severity[a.state] ? b : a));
  return {
    ...rest,
    serverUrl: first.url,
    state: worst.state,
    lastSyncedAt: first.lastSyncedAt,
    waiting: first.waiting,
    problem: worst.problem ?? remotes.find((r) => r.problem)?.problem ?? null,
    remotes,
  };
}

export const offStatus = (problems: number): SyncStatus => ({
  configured: false,
  serverUrl: null,
  user: null,
  state: 'off',
  lastSyncedAt: null,
  waiting: 0,
  progress: null,
  problem: null,
  problems,
  nextAttemptAt: null,
  remotes: [],
});
