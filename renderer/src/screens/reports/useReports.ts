import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Input, MethodName, Output, Result } from '../../../../shared/contract';
import { useApi, useInvalidate } from '../../api/ApiProvider';
import { apiQuery, callOrThrow } from '../../api/queries';
import type { SaveSection } from './sectionDraft';

/** Case-study and story reads and writes. Reads are apiQuery's (queries.ts); api/reportFeeds.ts says what refreshes them. */

export type ReportListInput = Input<'reports.list'>;
export type ReportDetail = Output<'reports.get'>;

/** The list for these filters; the last answer stays up while the next loads. */
export function useReportList(filters: ReportListInput) {
  const api = useApi();
  return useQuery({ ...apiQuery(api, 'reports.list', filters), placeholderData: keepPreviousData });
}

export function useReport(id: string) {
  const api = useApi();
  return useQuery(apiQuery(api, 'reports.get', { id }));
}

/** Which entities a write touches, so its own success refreshes the screens even if the event stream is down. */
const writes: Partial<Record<MethodName, readonly string[]>> = {
  'reports.create': ['case_study', 'story'],
  'reports.update': ['case_study', 'story'],
  'reports.writeSection': ['case_study', 'story'],
  'reports.setStatus': ['case_study', 'story', 'report_comment'],
  'comments.add': ['report_comment'],
  'comments.resolve': ['report_comment'],
};

/** A write to the core as a mutation: throws ApiError on failure, refreshes what it touched on success. */
export function useReportWrite<M extends MethodName>(method: M) {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation<Output<M>, Error, Input<M>>({
    mutationFn: (input) => callOrThrow(api, method, input),
    onSuccess: () => invalidate(writes[method] ?? []),
  });
}

/**
 * The autosave of one section and the resolution of its versions, as Results (a draft keeps
 * its text on failure and decides itself whether to try again). The revision written is the
 * section's current value after the save: the last save by clock, which is this one.
 */
export function useSectionWrites(id: string, section: string) {
  const api = useApi();
  const invalidate = useInvalidate();
  const write = useCallback(
    async (text: string, base: string | null, resolve: boolean): Promise<Result<{ rev: string | null }>> => {
      const result = await api.call('reports.writeSection', { id, section, text, base, resolve });
      if (!result.ok) return result;
      invalidate(writes['reports.writeSection']!);
      // No current value: the section is still empty, and the next save has no base (never '', which no version is).
      return { ok: true, value: { rev: result.value.current?.rev ?? null } };
    },
    [api, invalidate, id, section],
  );
  const save: SaveSection = useCallback((text, parents) => write(text, parents[0] ?? null, false), [write]);
  const resolve = useCallback((text: string) => write(text, null, true), [write]);
  return { save, resolve };
}
