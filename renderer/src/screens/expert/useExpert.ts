import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import type { Expert } from '../../../../shared/model/expert';
import { useApi } from '../../api/ApiProvider';
import { apiQuery, errorShape, queryKey } from '../../api/queries';

export type ExpertState =
  | { status: 'loading'; expert: null; error: null }
  | { status: 'ready'; expert: Expert; error: null }
  | { status: 'error'; expert: Expert | null; error: AppErrorShape };

/** One expert record: the `experts.get` query, refreshed when a change to experts or portfolio items is announced. */
export function useExpert(id: string) {
  const api = useApi();
  const client = useQueryClient();
  const query = useQuery(apiQuery(api, 'experts.get', { id }));

  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  /** Shows a record the core just returned (after archive, update...) without waiting for a reload. */
  const replace = useCallback((expert: Expert) => client.setQueryData(queryKey('experts.get', { id }), expert), [client, id]);

  const error = errorShape(query.error);
  const state: ExpertState = error
    ? { status: 'error', expert: query.data ?? null, error }
    : query.data
      ? { status: 'ready', expert: query.data, error: null }
      : { status: 'loading', expert: null, error: null };
  return { ...state, reload, replace };
}
