import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Input, MethodName, Output } from '../../../shared/contract';
import { useApi } from './ApiProvider';
import { callOrThrow, isFedBy } from './queries';

/**
 * Reads and writes of the vetting oversight screens (profile, users, settings, reviews,
 * conflicts, dashboard). Keys follow the one scheme (`[method, input]`), so a `changed` event
 * refreshes a read by the entities vettingFeeds.ts lists for it (profile.get, listed nowhere,
 * by every change).
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

/** The entities each write touches, as the core's `changed` event names them. */
const writes: Partial<Record<MethodName, readonly string[]>> = {
  'users.save': ['user'],
  'profile.create': ['user'],
  // Choosing changes no record, but who acts: every read that differs by user is fed by 'user'.
  'profile.choose': ['user'],
  'vetting.saveSettings': ['vetting_settings'],
  'applications.act': ['application', 'vetting_event', 'expert'],
};

/**
 * A vetting write. Its own success refreshes the reads fed by what it touched (awaited, so a
 * caller's onSuccess sees the new answers), and the screen is right even when the event stream
 * is down; the core's `changed` event refreshes the rest. A write not listed refreshes everything.
 */
export function useVettingWrite<M extends MethodName>(method: M) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => callOrThrow(api, method, input),
    onSuccess: () => client.invalidateQueries({ predicate: (q) => isFedBy(q.queryKey, writes[method] ?? ['*']) }),
  });
}
