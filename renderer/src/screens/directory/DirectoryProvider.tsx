import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SearchFilters, SearchSort } from '../../../../shared/contract';

export const emptyFilters: SearchFilters = { country: [], expertise: [], language: [], status: [] };
export type FacetName = keyof SearchFilters;

/** What the curator asked for; the results themselves are queries keyed by it (useDirectoryData). */
export interface SearchCriteria {
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
}

interface DirectoryValue extends SearchCriteria {
  setQuery(query: string): void;
  toggleFilter(facet: FacetName, value: string): void;
  clearFilter(facet: FacetName): void;
  clearAll(): void;
  setSort(sort: SearchSort): void;
  /** The row the keyboard is on, by position in the whole result list (-1: none). */
  activeIndex: number;
  setActiveIndex(index: number): void;
  /** Where the list was scrolled to, so coming back from an expert lands in the same place. */
  scrollOffset: { current: number };
  hasCriteria: boolean;
}

const DirectoryContext = createContext<DirectoryValue | null>(null);

/**
 * The directory's search criteria and place in the list live above the screens, so opening
 * an expert and coming back keeps the query, the filters and the scroll position. The rows
 * are cached by the query client under keys made of these criteria.
 */
export function DirectoryProvider({ children }: { children: ReactNode }) {
  const [criteria, setCriteria] = useState<SearchCriteria>({ query: '', filters: emptyFilters, sort: 'relevance' });
  const [activeIndex, setActiveIndex] = useState(-1);
  const scrollOffset = useRef(0);

  // A new search starts at the top with no active row.
  const change = useCallback((update: (c: SearchCriteria) => SearchCriteria) => {
    setCriteria(update);
    setActiveIndex(-1);
    scrollOffset.current = 0;
  }, []);

  const setQuery = useCallback((query: string) => change((c) => (c.query === query ? c : { ...c, query })), [change]);
  const setSort = useCallback((sort: SearchSort) => change((c) => ({ ...c, sort })), [change]);
  const toggleFilter = useCallback(
    (facet: FacetName, value: string) =>
      change((c) => {
        const current = c.filters[facet] as string[];
        const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
        return { ...c, filters: { ...c.filters, [facet]: next } };
      }),
    [change],
  );
  const clearFilter = useCallback((facet: FacetName) => change((c) => ({ ...c, filters: { ...c.filters, [facet]: [] } })), [change]);
  const clearAll = useCallback(() => change((c) => ({ ...c, query: '', filters: emptyFilters })), [change]);

  const hasCriteria = criteria.query.trim() !== '' || Object.values(criteria.filters).some((v) => v.length > 0);
  const value = useMemo<DirectoryValue>(
    () => ({ ...criteria, setQuery, toggleFilter, clearFilter, clearAll, setSort, activeIndex, setActiveIndex, scrollOffset, hasCriteria }),
    [criteria, setQuery, toggleFilter, clearFilter, clearAll, setSort, activeIndex, hasCriteria],
  );
  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

export function useDirectory(): DirectoryValue {
  const value = useContext(DirectoryContext);
  if (!value) throw new Error('useDirectory must be used inside <DirectoryProvider>.');
  return value;
}
