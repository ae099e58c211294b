import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FigureData } from '../../../../../shared/contract/figures';
import type { Figure, FigureFilters, FigureMetric } from '../../../../../shared/model/reports/figure';
import { useApi } from '../../../api/ApiProvider';
import { callOrThrow, errorShape } from '../../../api/queries';
import type { Locale } from '../../../i18n';

/** Filters as a figure keeps them: an empty choice left out, archived experts named only when counted. */
export function cleanFilters(f: { countries: string[]; expertise: string[]; languages: string[]; includeArchived: boolean }): FigureFilters {
  return {
    ...(f.countries.length ? { countries: f.countries as FigureFilters['countries'] } : {}),
    ...(f.expertise.length ? { expertise: f.expertise } : {}),
    ...(f.languages.length ? { languages: f.languages } : {}),
    ...(f.includeArchived ? { includeArchived: true } : {}),
  };
}

/** Whether two figures filter alike, whatever order or empty entries their filters were kept with. */
export function sameFilters(a: FigureFilters, b: FigureFilters): boolean {
  const norm = (f: FigureFilters) =>
    JSON.stringify(cleanFilters({ countries: [...(f.countries ?? [])].sort(), expertise: [...(f.expertise ?? [])].sort(), languages: [...(f.languages ?? [])].sort(), includeArchived: f.includeArchived ?? false }));
  return norm(a) === norm(b);
}

/**
 * The numbers a figure dialog shows. A new figure is counted live as its metric and filters
 * change. An existing one shows the numbers it was taken with — a document never changes its
 * numbers behind the curator's back — until its metric or filters change or the curator asks
 * to refresh; then it is counted now. Every refresh is a fresh key, so a count is never taken
 * from the cache.
 */
export function useFigurePreview(metric: FigureMetric, filters: FigureFilters, locale: Locale, initial: Figure | undefined) {
  const api = useApi();
  const [refreshes, setRefreshes] = useState(0);
  const unchanged = initial !== undefined && refreshes === 0 && initial.metric === metric && sameFilters(initial.filters, filters);
  const input = { metric, filters, lang: locale };
  const query = useQuery({
    queryKey: ['figures.compute', input, refreshes] as const,
    queryFn: ({ signal }) => callOrThrow(api, 'figures.compute', input, signal),
    enabled: !unchanged,
    placeholderData: keepPreviousData,
    gcTime: 0,
  });
  const stored: FigureData | undefined = initial && { metric: initial.metric, filters: initial.filters, takenAt: initial.takenAt, total: initial.total, rows: initial.rows };
  return {
    /** What to show, and whether it counts the metric and filters chosen now (an insert takes only that). */
    data: unchanged ? stored : query.data,
    current: unchanged || (query.isSuccess && !query.isPlaceholderData),
    /** The stored numbers, not a count of now. */
    stored: unchanged,
    loading: !unchanged && query.isFetching,
    error: unchanged ? null : errorShape(query.error),
    refresh: () => setRefreshes((n) => n + 1),
  };
}
