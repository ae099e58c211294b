import { Box, Button, CloseButton, Drawer, Group, Kbd, Loader, Paper, Select, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { MAX_QUERY_LENGTH, searchSorts, type SearchHit, type SearchSort } from '../../../../shared/contract';
import { errorShape } from '../../api/queries';
import { DemoLoader, useDemoAllowed } from '../../components/DemoLoader';
import { EmptyState } from '../../components/EmptyState';
import { SearchIcon } from '../../components/icons';
import { LoadError } from '../../components/LoadError';
import { formatNumber, plural, useI18n } from '../../i18n';
import { useNavigation } from '../../nav/Navigation';
import { receiving } from '../../sync/receiving';
import { useSyncStatus } from '../../sync/SyncStatusProvider';
import { useDirectory } from './DirectoryProvider';
import { FacetPanel } from './FacetPanel';
import { FirstSyncState } from './FirstSyncState';
import { ResultList, ROW_HEIGHT, rowId, type VisibleRange } from './ResultList';
import { useFirstPage, useRows } from './useDirectoryData';
import classes from './DirectoryScreen.module.css';

/** True when a key press should go to the element that has focus rather than to a shortcut. */
const nonTextInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color', 'image']);
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !nonTextInputs.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/**
 * The query cut to what the core accepts (a pasted page of text would otherwise fail the
 * whole search), without leaving half of a surrogate pair at the cut.
 */
export function clampQuery(value: string): { query: string; cut: boolean } {
  if (value.length <= MAX_QUERY_LENGTH) return { query: value, cut: false };
  let query = value.slice(0, MAX_QUERY_LENGTH);
  if (/[\uD800-\uDBFF]$/.test(query)) query = query.slice(0, -1);
  return { query, cut: true };
}

export function DirectoryScreen() {
  const dir = useDirectory();
  const { locale, t } = useI18n();
  const { navigate } = useNavigation();
  const searchRef = useRef<HTMLInputElement>(null);
  const [filtersOpen, filtersDrawer] = useDisclosure(false);
  // The query as cut from text longer than a search may be: the notice shows while it stands.
  const [cutQuery, setCutQuery] = useState<string | null>(null);
  const activeFilters = Object.values(dir.filters).reduce((n, values) => n + values.length, 0);
  const listRef = useRef<HTMLDivElement>(null);
  const criteria = { query: dir.query, filters: dir.filters, sort: dir.sort };
  const firstPage = useFirstPage(criteria);
  const [range, setRange] = useState<VisibleRange>({ first: 0, last: -1, firstInView: 0, lastInView: -1 });
  const rowAt = useRows(criteria, firstPage.data, range.first, range.last);
  const total = firstPage.data?.total ?? 0;
  // 'loading' only while nothing has been shown yet; a later search keeps the last answer up.
  const status = firstPage.data ? 'ready' : firstPage.isError ? 'error' : 'loading';
  const demoAllowed = useDemoAllowed();
  // Empty while a sync brings the data: say so rather than offer demo data.
  const incoming = receiving(useSyncStatus().status);

  // `/` focuses the search from anywhere on this screen, unless the curator is typing.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Back from an expert, the list still has its active row: the keyboard carries on from there
  // instead of starting over from the page body.
  const returnToList = useRef(dir.activeIndex >= 0);
  useEffect(() => {
    if (!returnToList.current || status !== 'ready' || total === 0 || !listRef.current) return;
    returnToList.current = false;
    listRef.current.focus({ preventScroll: true });
  }, [status, total]);

  const open = useCallback((item: SearchHit) => navigate({ screen: 'expert', id: item.id }), [navigate]);

  // A key press moves by position in the whole list; the rows there load as they come into view.
  const onListKeys = (event: KeyboardEvent<HTMLElement>) => {
    const last = total - 1;
    if (last < 0) return;
    const pageStep = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const step = (delta: number) => {
      event.preventDefault();
      dir.setActiveIndex(Math.max(0, Math.min(last, (dir.activeIndex < 0 && delta > 0 ? -1 : dir.activeIndex) + delta)));
    };
    switch (event.key) {
      case 'ArrowDown':
        return step(1);
      case 'ArrowUp':
        return step(-1);
      case 'PageDown':
        return step(pageStep);
      case 'PageUp':
        return step(-pageStep);
      case 'Home':
        if (event.currentTarget === event.target && !isTypingTarget(event.target)) step(-last - 1);
        return;
      case 'End':
        if (event.currentTarget === event.target && !isTypingTarget(event.target)) step(last + 1);
        return;
      case 'Enter': {
        const item = dir.activeIndex >= 0 ? rowAt(dir.activeIndex) : undefined;
        if (item) {
          event.preventDefault();
          open(item);
        }
        return;
      }
    }
  };

  const sortLabels: Record<SearchSort, string> = {
    relevance: t('directory.sort.relevance'),
    name: t('directory.sort.name'),
    updated: t('directory.sort.updated'),
  };
  const hasActive = dir.activeIndex >= 0 && dir.activeIndex < total;
  const emptyDatabase = status === 'ready' && total === 0 && !dir.hasCriteria;
  // The active row while it is in view; once the curator scrolls away from it, the first row in view.
  const activeInView = hasActive && dir.activeIndex >= range.firstInView && dir.activeIndex <= range.lastInView;
  const position = activeInView ? dir.activeIndex + 1 : Math.min(range.firstInView + 1, total);

  return (
    <Stack className={classes.screen} gap="sm">
      <Group justify="space-between" align="baseline" wrap="nowrap">
        <Title order={1} size="h2">
          {t('directory.title')}
        </Title>
        <Group gap="xs" wrap="nowrap">
          {firstPage.isFetching && status === 'ready' && <Loader size="xs" aria-hidden />}
          <Text c="dimmed" size="sm" role="status" aria-label={t('directory.count.label')} data-testid="result-count">
            {status === 'ready' && !emptyDatabase ? plural(t, locale, 'directory.total', total) : '\u00a0'}
          </Text>
        </Group>
      </Group>

      {!emptyDatabase && (
        <Group gap="sm" wrap="nowrap" align="flex-end">
          <TextInput
            ref={searchRef}
            className={classes.search}
            label={t('directory.search.label')}
            placeholder={t('directory.search.placeholder')}
            value={dir.query}
            onChange={(e) => {
              const { query, cut } = clampQuery(e.currentTarget.value);
              setCutQuery(cut ? query : null);
              dir.setQuery(query);
            }}
            error={cutQuery !== null && cutQuery === dir.query ? t('directory.search.tooLong', { max: formatNumber(locale, MAX_QUERY_LENGTH) }) : undefined}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && dir.query) {
                event.preventDefault();
                dir.setQuery('');
                return;
              }
              onListKeys(event);
            }}
            leftSection={<SearchIcon />}
            rightSection={
              dir.query ? (
                <CloseButton size="sm" aria-label={t('directory.search.clear')} onClick={() => dir.setQuery('')} />
              ) : (
                <Kbd size="xs" aria-hidden>
                  /
                </Kbd>
              )
            }
            role="combobox"
            aria-expanded={total > 0}
            aria-controls="expert-results-list"
            aria-autocomplete="list"
            aria-activedescendant={hasActive ? rowId(dir.activeIndex) : undefined}
            data-testid="search-input"
            autoComplete="off"
            spellCheck={false}
          />
          <Select
            className={classes.sort}
            label={t('directory.sort.label')}
            data={searchSorts.map((value) => ({ value, label: sortLabels[value] }))}
            value={dir.sort}
            onChange={(value) => value && dir.setSort(value as SearchSort)}
            allowDeselect={false}
            data-testid="sort-select"
          />
          {/* Narrow windows have no room for the filter column: the same panel opens in a drawer. */}
          <Button variant="default" hiddenFrom="sm" onClick={filtersDrawer.open}>
            {t('facets.title')}
            {activeFilters > 0 ? ` (${activeFilters})` : ''}
          </Button>
        </Group>
      )}

      <div className={classes.body}>
        {!emptyDatabase && (
          <Box className={classes.facets} visibleFrom="sm">
            <FacetPanel />
          </Box>
        )}
        <Paper withBorder className={classes.results} id="expert-results">
          {status === 'loading' && <ListSkeleton />}
          {status === 'error' && <LoadError p="lg" title={t('directory.error.title')} error={errorShape(firstPage.error)} onRetry={() => void firstPage.refetch()} />}
          {emptyDatabase && incoming && <FirstSyncState progress={incoming.progress} onNewExpert={() => navigate({ screen: 'new' })} />}
          {emptyDatabase && !incoming && (
            <EmptyState testId="empty-directory" title={t('directory.empty.title')} body={t(demoAllowed ? 'directory.empty.body' : 'directory.empty.bodyNoDemo')} bodyWidth={420} gap="md">
              <Group align="flex-start">
                <DemoLoader />
                <Button variant="default" onClick={() => navigate({ screen: 'new' })}>
                  {t('nav.newExpert')}
                </Button>
              </Group>
            </EmptyState>
          )}
          {status === 'ready' && !emptyDatabase && total === 0 && (
            <EmptyState testId="no-results" title={t('directory.noResults.title')} body={t('directory.noResults.body')}>
              <Button variant="light" onClick={dir.clearAll}>
                {t('directory.noResults.clear')}
              </Button>
            </EmptyState>
          )}
          {status === 'ready' && total > 0 && (
            <>
              <ResultList
                listRef={listRef}
                total={total}
                rowAt={rowAt}
                searchKey={JSON.stringify(criteria)}
                activeIndex={dir.activeIndex}
                onOpen={open}
                onKeyDown={onListKeys}
                onRangeChange={setRange}
                initialOffset={dir.scrollOffset.current}
                onScroll={(offset) => (dir.scrollOffset.current = offset)}
              />
              <Text size="xs" c="dimmed" className={classes.position} data-testid="list-position">
                {t('directory.position', { position: formatNumber(locale, position), total: formatNumber(locale, total) })}
              </Text>
            </>
          )}
        </Paper>
      </div>
      <Drawer opened={filtersOpen} onClose={filtersDrawer.close} title={t('facets.title')} size="xs" hiddenFrom="sm">
        <Box h="calc(100dvh - 90px)">
          <FacetPanel withTitle={false} />
        </Box>
      </Drawer>
      {!emptyDatabase && (
        <Text size="xs" c="dimmed" aria-hidden visibleFrom="sm">
          {t('directory.keyboardHint')}
        </Text>
      )}
    </Stack>
  );
}

function ListSkeleton() {
  return (
    <Stack gap={0} aria-busy="true">
      {Array.from({ length: 8 }, (_, i) => (
        <Group key={i} h={64} px="md" gap="sm" wrap="nowrap">
          <Skeleton circle height={40} />
          <Stack gap={6} style={{ flex: 1 }}>
            <Skeleton height={12} width="40%" />
            <Skeleton height={10} width="65%" />
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}
