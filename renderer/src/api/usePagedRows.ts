import { useQueries, type QueryKey, type UseQueryOptions } from '@tanstack/react-query';

/**
 * A long list's rows from `first` to `last` (positions in the whole list), fetched a page at a
 * time as they come into view. Page 0 is the caller's `firstPage` (its own query, which keeps
 * the previous answer on screen while the next loads), so it is never asked for twice.
 * Returns a lookup that is undefined for a row still loading.
 */
export function usePagedRows<T, P extends { offset: number; items: T[] }, K extends QueryKey>(
  firstPage: P | undefined,
  first: number,
  last: number,
  pageSize: number,
  pageQuery: (page: number) => UseQueryOptions<P, Error, P, K>,
): (index: number) => T | undefined {
  const pages: number[] = [];
  if (last >= first && first >= 0) {
    for (let p = Math.max(1, Math.floor(first / pageSize)); p <= Math.floor(last / pageSize); p++) pages.push(p);
  }
  const results = useQueries({ queries: pages.map(pageQuery) });
  return (index) => {
    const page = Math.floor(index / pageSize);
    const data = page === 0 ? firstPage : results[pages.indexOf(page)]?.data;
    return data?.items[index - data.offset];
  };
}
