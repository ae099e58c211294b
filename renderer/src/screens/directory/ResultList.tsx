import { Badge, Group, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type Ref } from 'react';
import type { ExpertSummary } from '../../../../shared/model/expert';
import { DemoBadge } from '../../components/DemoBadge';
import { ExpertAvatar } from '../../components/ExpertAvatar';
import { countryName, useI18n } from '../../i18n';
import classes from './ResultList.module.css';

export const ROW_HEIGHT = 64;

export const rowId = (id: string) => `expert-row-${id}`;

interface ResultListProps {
  items: ExpertSummary[];
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore(): void;
  activeIndex: number;
  onOpen(item: ExpertSummary): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  initialOffset: number;
  onScroll(offset: number): void;
  listRef?: Ref<HTMLDivElement>;
}

/**
 * The result rows, virtualised: only the rows on screen (plus a margin) are in the DOM, so
 * 100,000 experts scroll as smoothly as 50. It is a listbox: focus stays on the list (or the
 * search box) and `aria-activedescendant` names the active row.
 */
export function ResultList(props: ResultListProps) {
  const { items, hasMore, loadingMore, onLoadMore, activeIndex } = props;
  const { locale, t } = useI18n();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const count = items.length + (hasMore ? 1 : 0);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialOffset: props.initialOffset,
    getItemKey: (index) => items[index]?.id ?? 'more',
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? -1;

  // Fetch the next page while the curator is still a screenful away from the end.
  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 15) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, items.length, onLoadMore]);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const active = items[activeIndex];
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
      aria-activedescendant={active ? rowId(active.id) : undefined}
      tabIndex={0}
      data-testid="expert-list"
      onKeyDown={props.onKeyDown}
      onScroll={(e) => props.onScroll(e.currentTarget.scrollTop)}
    >
      <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((row) => {
          const item = items[row.index];
          const style = { transform: `translateY(${row.start}px)`, height: ROW_HEIGHT };
          if (!item) {
            return (
              <div key={row.key} role="presentation" className={classes.more} style={style}>
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  {t('directory.loadingMore')}
                </Text>
              </div>
            );
          }
          const isActive = row.index === activeIndex;
          return (
            <div
              key={row.key}
              id={rowId(item.id)}
              role="option"
              aria-selected={isActive}
              aria-posinset={row.index + 1}
              aria-setsize={props.total}
              data-testid="expert-row"
              data-active={isActive || undefined}
              className={classes.row}
              style={style}
              onClick={() => props.onOpen(item)}
            >
              <ExpertAvatar photo={item.photo} name={item.displayName} alt="" size={40} radius="xl" />
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
                    <Badge size="xs" color="gray" variant="light" style={{ flex: '0 0 auto' }}>
                      {t('status.archived')}
                    </Badge>
                  )}
                  {item.demo && <DemoBadge size="xs" />}
                </Group>
                <Text size="sm" c="dimmed" truncate="end" title={[item.position, item.agency].filter(Boolean).join(' · ') || undefined}>
                  {[item.position, item.agency].filter(Boolean).join(' · ') || '\u00a0'}
                </Text>
              </div>
              <Text size="sm" className={classes.country}>
                {countryName(locale, item.country)}
              </Text>
            </div>
          );
        })}
      </div>
    </div>
  );
}
