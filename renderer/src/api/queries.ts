import { QueryClient, queryOptions, type Query, type QueryKey } from '@tanstack/react-query';
import type { AppErrorShape, Input, MethodName, Output } from '../../../shared/contract';
import type { Api } from './client';
import { reportFeeds, type ReportQueryMethod } from './reportFeeds';
import { vettingFeeds, type VettingQueryMethod } from './vettingFeeds';

/**
 * Server state in the renderer: every read of the core is a TanStack query whose key is
 * `[method, input]`, so one key scheme serves every screen, equal inputs share one cache
 * entry, and an answer is only ever shown for the input it was asked with.
 *
 * Data changes only where the core says so (the `changed` event names the entities a write
 * touched), so queries never go stale by age: they are invalidated by entity (below).
 */

/** The methods that only read; writes go through mutations. */
export type QueryMethod = 'app.info' | 'taxonomy.list' | 'experts.search' | 'experts.facets' | 'experts.get' | 'experts.history' | 'sync.status' | 'sync.problems';

/**
 * Which entities each read depends on. A `changed` event naming one of them invalidates
 * that method's queries and nothing else. The search index holds portfolio titles, so the
 * directory depends on portfolio items as well as experts.
 */
export const queryFeeds: Record<QueryMethod, readonly string[]> = {
  'app.info': ['expert'],
  'taxonomy.list': ['taxonomy'],
  'experts.search': ['expert', 'portfolio', 'taxonomy'],
  'experts.facets': ['expert', 'portfolio', 'taxonomy'],
  // Both say who wrote a change; once users sync, that name comes from a user record.
  'experts.get': ['expert', 'portfolio', 'user'],
  'experts.history': ['expert', 'portfolio', 'user'],
  // Sync status moves by its own 'sync' event (sync/SyncStatusProvider.tsx), never by data changes.
  'sync.status': [],
  // A problem names its record (an expert's name) and who wrote it (a user record); new
  // problems come with a change of the status's count, which refreshes this too.
  'sync.problems': ['expert', 'portfolio', 'user'],
};

/** Entities the renderer knows; anything else (a newer core, `*` after a lost stream) invalidates every query. */
const knownEntities = new Set([...Object.values(queryFeeds), ...Object.values(vettingFeeds), ...Object.values(reportFeeds)].flat());

export const queryKey = <M extends ReadMethod>(method: M, input: Input<M>) => [method, input] as const;

/** True when a query with this key reads one of the entities. */
export function isFedBy(key: QueryKey, entities: readonly string[]): boolean {
  if (entities.some((e) => !knownEntities.has(e))) return true;
  const feeds = (queryFeeds[key[0] as QueryMethod] ?? vettingFeeds[key[0] as keyof typeof vettingFeeds] ?? reportFeeds[key[0] as keyof typeof reportFeeds]) as
    | readonly string[]
    | undefined;
  // A query outside the scheme is not ours to judge: refresh it rather than show old data.
  if (!feeds) return true;
  return entities.some((e) => feeds.includes(e));
}

/** A failed call, thrown from a query function so TanStack marks the query as failed. */
export class ApiError extends Error {
  constructor(readonly error: AppErrorShape) {
    super(error.message);
    this.name = 'ApiError';
  }
}

/** The AppErrorShape of whatever a query or mutation failed with. */
export function errorShape(error: unknown): AppErrorShape | null {
  if (!error) return null;
  if (error instanceof ApiError) return error.error;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** Calls the core and returns the value, or throws an ApiError: the shape queries and mutations expect. */
export async function callOrThrow<M extends MethodName>(api: Api, method: M, input: Input<M>, signal?: AbortSignal): Promise<Output<M>> {
  const result = await api.call(method, input, { signal });
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/** Every read with a feed list here or in vettingFeeds.ts / reportFeeds.ts: what apiQuery may be asked for. */
export type ReadMethod = QueryMethod | VettingQueryMethod | ReportQueryMethod;

/** The query options for one read of the core: `useQuery(apiQuery(api, 'experts.get', { id }))`. */
export function apiQuery<M extends ReadMethod>(api: Api, method: M, input: Input<M>) {
  return queryOptions<Output<M>, Error, Output<M>, readonly [M, Input<M>]>({
    queryKey: queryKey(method, input),
    // The signal lets an abandoned search stop over HTTP; over IPC the late answer lands in
    // its own key's cache entry and is never shown for another input.
    queryFn: ({ signal }) => callOrThrow(api, method, input, signal),
  });
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Fresh until a `changed` event says otherwise: no refetch on focus, mount or a timer.
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // The core answers the same way twice; a failure is shown with a "Try again" button.
        retry: false,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * Collects the entities of `changed` events (and of the renderer's own writes) over a short
 * window and invalidates once: a demo load or an import announces many batches in a row, and
 * each would otherwise restart every affected query.
 */
export function createInvalidator(client: QueryClient, windowMs = 30): { invalidate(entities: readonly string[]): void; dispose(): void } {
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const entities = [...pending];
    pending = new Set();
    void client.invalidateQueries({ predicate: (query: Query) => isFedBy(query.queryKey, entities) });
  };
  return {
    invalidate(entities) {
      for (const e of entities) pending.add(e);
      timer ??= setTimeout(flush, windowMs);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
