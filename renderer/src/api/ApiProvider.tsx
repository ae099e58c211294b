import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EventName, EventPayload } from '../../../shared/contract';
import type { Api } from './client';
import { createInvalidator, createQueryClient } from './queries';

const ApiContext = createContext<Api | null>(null);
const InvalidateContext = createContext<((entities: readonly string[]) => void) | null>(null);

/**
 * The API and the query cache for everything below. The core's `changed` events invalidate
 * the queries fed by the entities they name; nothing else reloads data.
 */
export function ApiProvider({ api, queryClient, children }: { api: Api; queryClient?: QueryClient; children: ReactNode }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const invalidator = useMemo(() => createInvalidator(client), [client]);
  useEffect(() => {
    const off = api.on('changed', (payload) => invalidator.invalidate(payload.entities));
    return () => {
      off();
      invalidator.dispose();
    };
  }, [api, invalidator]);
  return (
    <ApiContext.Provider value={api}>
      <InvalidateContext.Provider value={invalidator.invalidate}>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </InvalidateContext.Provider>
    </ApiContext.Provider>
  );
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>.');
  return api;
}

/**
 * Invalidates the queries fed by these entities, batched with the `changed` events. A write's
 * own success calls it too, so the screen is right even when the event stream is down.
 */
export function useInvalidate(): (entities: readonly string[]) => void {
  const invalidate = useContext(InvalidateContext);
  if (!invalidate) throw new Error('useInvalidate must be used inside <ApiProvider>.');
  return invalidate;
}

/** Subscribes to a core event for the life of the component; the latest callback is always used. */
export function useApiEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const api = useApi();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [api, event]);
}
