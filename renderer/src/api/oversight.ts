import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, MethodName, Output } from '../../../shared/contract';
import { useApi } from './ApiProvider';
import { callOrThrow } from './queries';

/**
 * Reads and writes of the vetting oversight screens (profile, users, settings, reviews,
 * conflicts, dashboard). Keys follow the one scheme (`[method, input]`); these methods are
 * outside queries.ts's feed table, so any `changed` event refreshes them (isFedBy) — right,
 * since a user, a setting or an event can change every one of these answers.
 */
export type VettingRead =
  | 'profile.get'
  | 'users.list'
  | 'vetting.settings'
  | 'vetting.conflicts'
  | 'vetting.dashboard'
  | 'applications.list'
  | 'applications.get';

export function useVettingQuery<M extends VettingRead>(method: M, input: Input<M>, options?: { enabled?: boolean }) {
  const api = useApi();
  return useQuery<Output<M>, Error, Output<M>, readonly [M, Input<M>]>({
    queryKey: [method, input] as const,
    queryFn: ({ signal }) => callOrThrow(api, method, input, signal),
    ...options,
  });
}

const vettingReads: ReadonlySet<string> = new Set<VettingRead>(['profile.get', 'users.list', 'vetting.settings', 'vetting.conflicts', 'vetting.dashboard', 'applications.list', 'applications.get']);

/**
 * A vetting write. Its own success refreshes every vetting read, so the screen is right even
 * when the event stream is down; the core's `changed` event refreshes the rest (an accepted
 * application's expert in the directory).
 */
export function useVettingWrite<M extends MethodName>(method: M) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => callOrThrow(api, method, input),
    onSuccess: () => client.invalidateQueries({ predicate: (q) => vettingReads.has(String(q.queryKey[0])) }),
  });
}
