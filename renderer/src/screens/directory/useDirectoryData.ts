import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Input, Output, SearchHit } from '../../../../shared/contract';
import { useApi } from '../../api/ApiProvider';
import { apiQuery } from '../../api/queries';
import { usePagedRows } from '../../api/usePagedRows';
import type { SearchCriteria } from './DirectoryProvider';

/** Rows per request. The list asks for the pages its visible rows fall in, by position. */
export const PAGE_SIZE = 50;
/**
 * Rows follow every keystroke (a search answers in milliseconds and a superseded one is
 * dropped). Facet counts cost far more at 100,000 experts (hundreds of ms for a one-letter
 * query, measured) and matter less mid-word; the core answers one call at a time, so counts
 * asked for between keystrokes would hold back the next keystroke's rows. They follow once
 * typing pauses this long.
 */
export const FACETS_DELAY_MS = 250;

export type SearchPage = Output<'experts.search'>;

export function pageInput(criteria: SearchCriteria, page: number): Input<'experts.search'> {
  return { query: criteria.query, filters: criteria.filters, sort: criteria.sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
}

/**
 * The first page of the current search: its total sizes the list. While the next search
 * loads, the previous answer stays on screen (placeholderData), so typing never blanks it.
 */
export function useFirstPage(criteria: SearchCriteria) {
  const api = useApi();
  return useQuery({ ...apiQuery(api, 'experts.search', pageInput(criteria, 0)), placeholderData: keepPreviousData });
}

export function useFacets(criteria: Pick<SearchCriteria, 'query' | 'filters'>) {
  const api = useApi();
  const [query] = useDebouncedValue(criteria.query, FACETS_DELAY_MS);
  return useQuery({ ...apiQuery(api, 'experts.facets', { query, filters: criteria.filters }), placeholderData: keepPreviousData });
}

/**
 * The rows from `first` to `last` (positions in the whole list), fetched a page at a time as
 * they come into view. Returns a lookup that is undefined for a row still loading. Page 0
 * comes from `firstPage`, which keeps the previous search's rows while a new one loads.
 */
export function useRows(criteria: SearchCriteria, firstPage: SearchPage | undefined, first: number, last: number): (index: number) => SearchHit | undefined {
  const api = useApi();
  return usePagedRows(firstPage, first, last, PAGE_SIZE, (p) => apiQuery(api, 'experts.search', pageInput(criteria, p)));
}
