import { queryOptions, useMutation } from '@tanstack/react-query';
import type { Input, MethodName, Output } from '../../../shared/contract';
import { useApi, useInvalidate } from './ApiProvider';
import type { Api } from './client';
import { callOrThrow } from './queries';
import type { VettingQueryMethod } from './vettingFeeds';

/**
 * Vetting reads and writes for the Applications screens. Keys follow queries.ts (`[method,
 * input]`); vettingFeeds.ts says which entities each read depends on.
 */

export function vettingQuery<M extends VettingQueryMethod>(api: Api, method: M, input: Input<M>) {
  return queryOptions<Output<M>, Error, Output<M>, readonly [M, Input<M>]>({
    queryKey: [method, input] as const,
    queryFn: ({ signal }) => callOrThrow(api, method, input, signal),
  });
}

/** Which entities a write touches, so its own success refreshes the screens even if the event stream is down. */
const writes: Partial<Record<MethodName, readonly string[]>> = {
  'applications.act': ['application', 'vetting_event', 'expert'],
  'applications.markDuplicate': ['application'],
  'applications.autoAssign': ['application', 'vetting_event'],
};

/** A write to the core as a mutation: throws ApiError on failure, refreshes what it touched on success. */
export function useVettingWrite<M extends MethodName>(method: M) {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => callOrThrow(api, method, input),
    onSuccess: () => {
      const entities = writes[method];
      if (entities) invalidate(entities);
    },
  });
}
