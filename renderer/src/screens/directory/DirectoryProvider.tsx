import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppErrorShape, Facets, SearchFilters, SearchSort } from '../../../../shared/contract';
import type { ExpertSummary } from '../../../../shared/model/expert';
import { useApi, useApiEvent } from '../../api/ApiProvider';

export const PAGE_SIZE = 50;
const DEBOUNCE_MS = 150;
const CHANGE_COALESCE_MS = 300;

export const emptyFilters: SearchFilters = { country: [], expertise: [], language: [], status: [] };
export type FacetName = keyof SearchFilters;

export interface DirectoryState {
  query: string;
  filters: SearchFilters;
  sort: SearchSort;
  /** 'loading' only while nothing has been shown yet for the current search. */
  status: 'loading' | 'ready' | 'error';
  refreshing: boolean;
  items: ExpertSummary[];
  total: number;
  nextCursor: string | null;
  loadingMore: boolean;
  error: AppErrorShape | null;
  facets: Facets | null;
  activeIndex: number;
  /** The order the core applied; it may rank by name when asked for relevance (see the contract). */
  appliedSort: SearchSort | null;
}

interface DirectoryValue extends DirectoryState {
  setQuery(query: string): void;
  toggleFilter(facet: FacetName, value: string): void;
  clearFilter(facet: FacetName): void;
  clearAll(): void;
  setSort(sort: SearchSort): void;
  loadMore(): void;
  reload(): void;
  setActiveIndex(index: number): void;
  /** Where the list was scrolled to, so coming back from an expert lands in the same place. */
  scrollOffset: { current: number };
  /** The directory screen says when it is on view; changes seen while away reload on return. */
  setVisible(visible: boolean): void;
  hasCriteria: boolean;
}

const DirectoryContext = createContext<DirectoryValue | null>(null);

/**
 * The directory's search and results live above the screens, so opening an expert and coming
 * back keeps the query, the filters, the loaded pages and the scroll position.
 */
export function DirectoryProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [query, setQueryState] = useState('');
  const [debouncedQuery, setDebouncedQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilters>(emptyFilters);
  const [sort, setSortState] = useState<SearchSort>('relevance');
  const [results, setResults] = useState<Omit<DirectoryState, 'query' | 'filters' | 'sort' | 'activeIndex'>>({
    status: 'loading',
    refreshing: false,
    items: [],
    total: 0,
    nextCursor: null,
    loadingMore: false,
    error: null,
    facets: null,
    appliedSort: null,
  });
  const [activeIndex, setActiveIndex] = useState(-1);
  const [reloadTick, setReloadTick] = useState(0);
  const generation = useRef(0);
  const loadedCount = useRef(0);
  const keepPosition = useRef(false);
  const scrollOffset = useRef(0);
  const visible = useRef(false);
  const stale = useRef(false);
  const loadingMoreRef = useRef(false);

  useEffect(() => {
    if (query === debouncedQuery) return;
    const timer = setTimeout(() => setDebouncedQuery(query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, debouncedQuery]);

  // The first page and the facets, whenever the search changes or a reload is asked for.
  useEffect(() => {
    const gen = ++generation.current;
    const keep = keepPosition.current;
    keepPosition.current = false;
    // A reload after a change keeps as many rows as were loaded (within one request), so the
    // curator's place in a long list survives an edit.
    const limit = keep ? Math.min(200, Math.max(PAGE_SIZE, loadedCount.current)) : PAGE_SIZE;
    loadingMoreRef.current = false;
    setResults((r) => ({ ...r, refreshing: true, loadingMore: false, status: r.status === 'error' ? 'loading' : r.status }));
    if (!keep) setActiveIndex(-1);
    const input = { query: debouncedQuery, filters, sort, cursor: null, limit };
    // Rows first (fast), counts when they come: facets cost more at 100,000 experts and
    // should not hold back the results.
    void api.call('experts.search', input).then((page) => {
      if (gen !== generation.current) return;
      if (!page.ok) {
        setResults((r) => ({ ...r, status: 'error', refreshing: false, error: page.error }));
        return;
      }
      loadedCount.current = page.value.items.length;
      if (!keep) scrollOffset.current = 0;
      setResults((r) => ({
        ...r,
        status: 'ready',
        refreshing: false,
        items: page.value.items,
        total: page.value.total,
        nextCursor: page.value.nextCursor,
        loadingMore: false,
        error: null,
        appliedSort: (page.value as { sort?: SearchSort }).sort ?? sort,
      }));
      if (keep) setActiveIndex((i) => Math.min(i, page.value.items.length - 1));
    });
    void api.call('experts.facets', { query: debouncedQuery, filters }).then((facets) => {
      if (gen === generation.current && facets.ok) setResults((r) => ({ ...r, facets: facets.value }));
    });
  }, [api, debouncedQuery, filters, sort, reloadTick]);

  const loadMore = useCallback(() => {
    const cursor = results.nextCursor;
    if (!cursor || loadingMoreRef.current || results.status !== 'ready') return;
    loadingMoreRef.current = true;
    const gen = generation.current;
    setResults((r) => ({ ...r, loadingMore: true }));
    void api.call('experts.search', { query: debouncedQuery, filters, sort, cursor, limit: PAGE_SIZE }).then((page) => {
      if (gen !== generation.current) return;
      loadingMoreRef.current = false;
      if (!page.ok) {
        // Keep what is shown; the next scroll near the end tries again.
        setResults((r) => ({ ...r, loadingMore: false }));
        return;
      }
      setResults((r) => {
        const items = r.items.concat(page.value.items);
        loadedCount.current = items.length;
        return { ...r, items, total: page.value.total, nextCursor: page.value.nextCursor, loadingMore: false };
      });
    });
  }, [api, debouncedQuery, filters, sort, results.nextCursor, results.status]);

  const reload = useCallback(() => {
    keepPosition.current = true;
    setReloadTick((n) => n + 1);
  }, []);

  // Data changed (here or elsewhere): reload now if on view, else when the directory is shown again.
  const changeTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useApiEvent('changed', () => {
    if (!visible.current) {
      stale.current = true;
      return;
    }
    if (changeTimer.current) return;
    changeTimer.current = setTimeout(() => {
      changeTimer.current = null;
      reload();
    }, CHANGE_COALESCE_MS);
  });
  useEffect(() => () => void (changeTimer.current && clearTimeout(changeTimer.current)), []);

  const setVisible = useCallback(
    (isVisible: boolean) => {
      visible.current = isVisible;
      if (isVisible && stale.current) {
        stale.current = false;
        reload();
      }
    },
    [reload],
  );

  const setQuery = useCallback((next: string) => setQueryState(next), []);
  const setSort = useCallback((next: SearchSort) => setSortState(next), []);
  const toggleFilter = useCallback((facet: FacetName, value: string) => {
    setFilters((f) => {
      const current = f[facet] as string[];
      const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      return { ...f, [facet]: next };
    });
  }, []);
  const clearFilter = useCallback((facet: FacetName) => setFilters((f) => ({ ...f, [facet]: [] })), []);
  const clearAll = useCallback(() => {
    setFilters(emptyFilters);
    setQueryState('');
    setDebouncedQuery('');
  }, []);

  const hasCriteria = debouncedQuery.trim() !== '' || query.trim() !== '' || Object.values(filters).some((v) => v.length > 0);

  const value = useMemo<DirectoryValue>(
    () => ({
      ...results,
      query,
      filters,
      sort,
      activeIndex,
      setQuery,
      toggleFilter,
      clearFilter,
      clearAll,
      setSort,
      loadMore,
      reload,
      setActiveIndex,
      scrollOffset,
      setVisible,
      hasCriteria,
    }),
    [results, query, filters, sort, activeIndex, setQuery, toggleFilter, clearFilter, clearAll, setSort, loadMore, reload, setVisible, hasCriteria],
  );
  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

export function useDirectory(): DirectoryValue {
  const value = useContext(DirectoryContext);
  if (!value) throw new Error('useDirectory must be used inside <DirectoryProvider>.');
  return value;
}
