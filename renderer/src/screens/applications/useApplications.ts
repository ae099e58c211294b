import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Input, Output } from '../../../../shared/contract';
import type { ApplicationSummary } from '../../../../shared/contract/vetting';
import { useApi } from '../../api/ApiProvider';
import { usePagedRows } from '../../api/usePagedRows';
import { vettingQuery } from '../../api/vetting';

/** Rows per request; the list asks for the pages its visible rows fall in, by position. */
export const PAGE_SIZE = 100;

export type ListCriteria = Pick<Input<'applications.list'>, 'query' | 'filters'>;
type ListPage = Output<'applications.list'>;

export const pageInput = (c: ListCriteria, page: number): Input<'applications.list'> => ({
  query: c.query,
  filters: c.filters,
  mine: false,
  offset: page * PAGE_SIZE,
  limit: PAGE_SIZE,
});

/** The first page: its total sizes the list and its stage counts label the stage buttons. The last answer stays up while the next loads. */
export function useFirstPage(c: ListCriteria) {
  const api = useApi();
  return useQuery({ ...vettingQuery(api, 'applications.list', pageInput(c, 0)), placeholderData: keepPreviousData });
}

/** The rows from `first` to `last`, fetched a page at a time as they come into view; undefined while a row loads. */
export function useRows(c: ListCriteria, firstPage: ListPage | undefined, first: number, last: number): (index: number) => ApplicationSummary | undefined {
  const api = useApi();
  return usePagedRows(firstPage, first, last, PAGE_SIZE, (p) => vettingQuery(api, 'applications.list', pageInput(c, p)));
}

/** The reviewer pool, for the reviewer filter and for names on the rows. Empty when it cannot be read. */
export function useReviewers() {
  const api = useApi();
  const query = useQuery(vettingQuery(api, 'users.list', { role: ['reviewer'], includeDisabled: true }));
  return query.data?.items ?? [];
}
