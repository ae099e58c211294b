import type { SyncStatus } from '../../../shared/contract/sync';
import type { Db } from '../db/open';
import type { ChangeFunnel } from '../changes/funnel';
import { createEngine } from './engine';
import type { Fetch } from './http';
import { RemoteStore } from './remotes';
import type { Timers } from './scheduler';
import type { SecretStore } from './secrets';
import { SyncService } from './service';

export { SyncService } from './service';
export { fileSecretStore, type SecretCipher } from './secrets';

export interface OpenSyncOptions {
  db: Db;
  funnel: ChangeFunnel;
  secrets: SecretStore;
  emitStatus: (status: SyncStatus) => void;
  emitProgress: (p: { done: number; total: number; finished: boolean }) => void;
  changed: (entities: string[]) => void;
  fetch?: Fetch;
  timers?: Timers;
  /** `fetch` reaches central with the platform's fetch: its first-sync snapshot may be read on a thread of its own. */
  snapshotThread?: boolean;
}

/** The sync client of one data folder: its remotes, the engine, and the service the handlers call. */
export function openSync(o: OpenSyncOptions): SyncService {
  const remotes = new RemoteStore(o.db);
  const fetchImpl = o.fetch ?? fetch;
  const now = () => (o.timers ?? { now: Date.now }).now();
  // Every request of a run also ends when the run is stopped (leaving a hub, signing out,
  // closing): a request left hanging would keep the run, and whoever awaits it, waiting.
  const stoppable: Fetch = (input, init) => {
    const run = service.runSignal;
    const signal = run && init?.signal ? AbortSignal.any([init.signal, run]) : (run ?? init?.signal);
    return fetchImpl(input, signal ? { ...init, signal } : init);
  };
  const runCycle = createEngine({ db: o.db, funnel: o.funnel, remotes, fetch: stoppable, now, changed: o.changed, snapshotThread: o.snapshotThread === true });
  const service: SyncService = new SyncService({
    db: o.db,
    remotes,
    nodeId: () => o.funnel.nodeId,
    vector: () => o.funnel.vector(),
    secrets: o.secrets,
    runCycle,
    emit: o.emitStatus,
    emitProgress: o.emitProgress,
    fetch: fetchImpl,
    ...(o.timers ? { timers: o.timers } : {}),
  });
  return service;
}
