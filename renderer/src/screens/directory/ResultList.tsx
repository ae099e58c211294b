import { Badge, Group, Skeleton, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type Ref } from 'react';
import type { SearchHit } from '../../../../shared/contract';
import { DemoBadge } from '../../components/DemoBadge';
import { ExpertAvatar } from '../../components/ExpertAvatar';
import { countryName, useI18n } from '../../i18n';
import { useTaxonomy } from '../../taxonomy/TaxonomyProvider';
import classes from './ResultList.module.css';

/**
 * Fixed, so a row's offset is its position times this and a placeholder takes exactly a row's
 * place. The content is total × ROW_HEIGHT pixels tall: 7.6 million at 100,000 experts, well
 * inside Chromium's limit of about 33 million (some 440,000 rows).
 */
export const ROW_HEIGHT = 76;
/** Expertise areas shown on a row; the record page shows them all. */
export const ROW_EXPERTISE = 3;

/** Rows are named by position: a row still loading is an option too, so the keyboard can rest on it. */
export const rowId = (index: number) => `expert-row-${index}`;

export interface VisibleRange {
  /** First and last rendered rows (with the overscan margin): the rows to fetch. */
  first: number;
  last: number;
  /** Rows actually in view: where the curator is. */
  firstInView: number;
  lastInView: number;
}

interface ResultListProps {
  /** Every match of the search, loaded or not: the scrollbar spans them all. */
  total: number;
  rowAt(index: number): SearchHit | undefined;
  /** Changes when the search does; the list then goes back to the top. */
  searchKey: string;
  activeIndex: number;
  onOpen(item: SearchHit): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onRangeChange(range: VisibleRange): void;
  initialOffset: number;
  onScroll(offset: number): void;
  listRef?: Ref<HTMLDivElement>;
}

/**
 * The result rows, virtualised over the whole result count: only the rows on screen (plus a
 * margin) are in the DOM, and the rows there are fetched by position as they come into view,
 * so End, PageDown or dragging the scrollbar reach any row of 100,000 without loading the
 * ones between. It is a listbox: focus stays on the list (or the search box) and
 * `aria-activedescendant` names the active row.
 */
export function ResultList(props: ResultListProps) {
  const { total, rowAt, activeIndex, onRangeChange, searchKey } = props;
  const { t } = useI18n();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialOffset: props.initialOffset,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const first = virtualItems[0]?.index ?? 0;
  const last = virtualItems.at(-1)?.index ?? -1;
  const firstInView = virtualizer.range?.startIndex ?? first;
  const lastInView = virtualizer.range?.endIndex ?? last;

  useEffect(() => onRangeChange({ first, last, firstInView, lastInView }), [first, last, firstInView, lastInView, onRangeChange]);

  const lastSearch = useRef(searchKey);
  useEffect(() => {
    if (lastSearch.current === searchKey) return;
    lastSearch.current = searchKey;
    virtualizer.scrollToOffset(0);
  }, [searchKey, virtualizer]);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  return (
    <div
      ref={(el) => {
        scrollRef.current = el;
        if (typeof props.listRef === 'function') props.listRef(el);
        else if (props.listRef) (props.listRef as { current: HTMLDivElement | null }).current = el;
      }}
      className={classes.scroller}
      role="listbox"
      id="expert-results-list"
      aria-label={t('directory.list.label')}
      aria-activedescendant={activeIndex >= 0 && activeIndex < total ? rowId(activeIndex) : undefined}
      tabIndex={0}
      data-testid="expert-list"
      onKeyDown={props.onKeyDown}
      onScroll={(e) => props.onScroll(e.currentTarget.scrollTop)}
    >
      <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((row) => {
          const item = rowAt(row.index);
          const common = {
            id: rowId(row.index),
            role: 'option',
            'aria-selected': row.index === activeIndex,
            'aria-posinset': row.index + 1,
            'aria-setsize': total,
            'data-active': row.index === activeIndex || undefined,
            className: classes.row,
            style: { transform: `translateY(${row.start}px)`, height: ROW_HEIGHT },
          } as const;
          if (!item) {
            // Same height as a row, so nothing moves when the page arrives.
            return (
              <div key={row.key} {...common} aria-busy="true" aria-label={t('directory.loadingRow')} data-testid="expert-row-placeholder">
                <Skeleton circle height={40} />
                <div className={classes.main}>
                  <Skeleton height={12} width="40%" mb={8} />
                  <Skeleton height={10} width="65%" />
                </div>
              </div>
            );
          }
          return (
            <div key={row.key} {...common} data-testid="expert-row" onClick={() => props.onOpen(item)}>
              <ExpertAvatar photo={item.photo} name={item.displayName} alt="" size={40} radius="xl" />
              <RowText item={item} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

function RowText({ item }: { item: SearchHit }) {
  const { locale, t } = useI18n();
  const taxonomy = useTaxonomy();
  // An area the row already names as its match is not listed a second time beside it.
  const matchedArea = item.match?.field === 'expertise' ? item.match.text : undefined;
  const expertise = item.expertise
    .map((id) => taxonomy.label(id))
    .filter((label) => label !== matchedArea)
    .slice(0, ROW_EXPERTISE);
  return (
    <>
      <div className={classes.main}>
        <Group gap={6} wrap="nowrap">
          {item.honorific && (
            <Text span size="sm" c="dimmed" className={classes.nowrap}>
              {item.honorific}
            </Text>
          )}
          <Text span fw={600} truncate="end" title={item.displayName}>
            {item.displayName}
          </Text>
          {item.status === 'archived' && (
            <Badge size="xs" color="gray" variant="light" className={classes.badge}>
              {t('status.archived')}
            </Badge>
          )}
          {item.demo && <DemoBadge size="xs" />}
        </Group>
        <Text size="sm" c="dimmed" truncate="end" title={[item.position, item.agency].filter(Boolean).join(' · ') || undefined}>
          {[item.position, item.agency].filter(Boolean).join(' · ') || '\u00a0'}
        </Text>
        <Text size="xs" truncate="end" className={classes.detail}>
          {item.match && (
            <span data-testid="row-match" className={classes.match}>
              {t('directory.match', { field: t(`directory.match.${item.match.field}`), text: item.match.text })}
            </span>
          )}
          {item.match && expertise.length > 0 && ' · '}
          {expertise.length > 0 && (
            <span data-testid="row-expertise" className={classes.expertise}>
              {expertise.join(' · ')}
            </span>
          )}
          {!item.match && expertise.length === 0 && '\u00a0'}
        </Text>
      </div>
      <Text size="sm" className={classes.country}>
        {countryName(locale, item.country)}
      </Text>
    </>
  );
}
