import type { SyncStatus } from '../../../shared/contract';

/** A signed-in device's status, for tests to vary: synced with nothing waiting. */
export function signedInStatus(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    configured: true,
    serverUrl: 'https://sync.accsm.example',
    user: { id: '0190a4c0-0000-7000-8000-0000000000a1', name: 'Siti Rahmawati', role: 'focal_point', country: 'ID' },
    state: 'idle',
    lastSyncedAt: null,
    waiting: 0,
    progress: null,
    problem: null,
    problems: 0,
    nextAttemptAt: null,
    remotes: [],
    ...over,
  };
}
