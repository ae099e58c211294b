import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { AppErrorShape, SyncStatus } from '../../../shared/contract';
import { useApi, useApiEvent } from '../api/ApiProvider';
import { apiQuery, errorShape, queryKey } from '../api/queries';

interface SyncStatusValue {
  /** Null until the core has answered sync.status (or sent a 'sync' event). */
  status: SyncStatus | null;
  /** Why sync.status failed, when it did and no event has arrived since. */
  error: AppErrorShape | null;
  /**
   * Asks the core again, after a sync.* call. The status such a call returns is not used: its
   * answer can arrive after 'sync' events the core sent later (a first sync that ran while
   * the answer travelled), and would put an older state back on screen.
   */
  refresh(): void;
}

const SyncStatusContext = createContext<SyncStatusValue | null>(null);
const statusKey = queryKey('sync.status', {});

/**
 * Where sync stands, for the whole window: asked once with sync.status, then kept by the
 * core's 'sync' events (the core sends one whenever the status moves). The status lives in
 * the query cache under sync.status, so a stream reconnect (changed '*') asks again.
 *
 * An event is newer than any answer still on its way, so it replaces the data and cancels
 * that fetch (TanStack keeps manually set data when a fetch is cancelled). An answer asked
 * for after an event is at least as new as that event.
 */
export function SyncStatusProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const client = useQueryClient();
  const query = useQuery(apiQuery(api, 'sync.status', {}));

  useApiEvent('sync', (next) => {
    client.setQueryData(statusKey, next);
    void client.cancelQueries({ queryKey: statusKey });
  });
  const refresh = useCallback(() => void client.invalidateQueries({ queryKey: statusKey }), [client]);

  // New refusals arrive with a change of the count: refresh the Sync problems list then.
  const problems = query.data?.problems;
  const seen = useRef(problems);
  useEffect(() => {
    if (problems === undefined || seen.current === problems) return;
    seen.current = problems;
    void client.invalidateQueries({ queryKey: ['sync.problems'] });
  }, [problems, client]);

  const status = query.data ?? null;
  const error = status ? null : errorShape(query.error);
  const value = useMemo(() => ({ status, error, refresh }), [status, error, refresh]);
  return <SyncStatusContext.Provider value={value}>{children}</SyncStatusContext.Provider>;
}

export function useSyncStatus(): SyncStatusValue {
  const value = useContext(SyncStatusContext);
  if (!value) throw new Error('useSyncStatus must be used inside <SyncStatusProvider>.');
  return value;
}
