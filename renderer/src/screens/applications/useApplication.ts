import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ActInput, ApplicationDetail } from '../../../../shared/contract/vetting';
import { useApi } from '../../api/ApiProvider';
import { ApiError, errorShape } from '../../api/queries';
import { useVettingWrite, vettingQuery } from '../../api/vetting';
import { useNotify } from '../../lib/notify';

/** One application as the page shows it: `applications.get`, refreshed by `changed` events. */
export function useApplication(id: string) {
  const api = useApi();
  const client = useQueryClient();
  const query = useQuery(vettingQuery(api, 'applications.get', { id }));
  /** Shows what the core just returned after a step, without waiting for the refresh. */
  const replace = useCallback((detail: ApplicationDetail) => client.setQueryData(['applications.get', { id }], detail), [client, id]);
  return { query, detail: query.data ?? null, error: errorShape(query.error), replace };
}

/**
 * Takes one step on an application (`applications.act`). Success shows the new state at once
 * and says so; a refusal is shown in the curator's language (a refused step names its rule).
 * Returns the error for callers that handle one themselves (a conflicted assignment).
 */
export function useAct(onDone: (detail: ApplicationDetail) => void) {
  const write = useVettingWrite('applications.act');
  const notify = useNotify();
  const act = useCallback(
    /** `inline`: the caller shows a refusal itself (in its form), so no toast. */
    async (input: ActInput, success: string, options: { quietOn?: string[]; inline?: boolean } = {}) => {
      try {
        const detail = await write.mutateAsync(input);
        onDone(detail);
        notify.success(success);
        return { ok: true as const, detail };
      } catch (error) {
        const shape = error instanceof ApiError ? error.error : errorShape(error)!;
        if (!options.inline && !options.quietOn?.includes(shape.code)) notify.failure(shape);
        return { ok: false as const, error: shape };
      }
    },
    [write, onDone, notify],
  );
  return { act, pending: write.isPending, describe: notify.describe };
}
