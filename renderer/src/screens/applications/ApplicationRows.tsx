import { Badge, Skeleton, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { ApplicationSummary } from '../../../../shared/contract/vetting';
import { countryName, useI18n } from '../../i18n';
import { routeToHash } from '../../nav/routes';
import { daysIn, daysText, stageColor, stageLabel } from './texts';
import classes from './ApplicationRows.module.css';

/** Fixed, so a row's offset is its position times this and a placeholder takes exactly a row's place. */
export const ROW_HEIGHT = 60;

interface Props {
  total: number;
  rowAt(index: number): ApplicationSummary | undefined;
  /** Changes when the criteria do; the list then goes back to the top. */
  searchKey: string;
  now: number;
  onOpen(id: string): void;
  onRangeChange(first: number, last: number): void;
}

/**
 * The applications, virtualised over the whole count: only the rows in view (plus a margin)
 * are in the DOM, fetched by position as they come into view, so thousands of rows scroll as
 * smoothly as ten. Each row is a link to its application (Tab and Enter work, and it can be
 * opened elsewhere); the arrow keys, Home and End move between rows as in a list.
 */
export function ApplicationRows({ total, rowAt, searchKey, now, onOpen, onRangeChange }: Props) {
  const { locale, t } = useI18n();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => onRangeChange(first, last), [first, last, onRangeChange]);

  const lastSearch = useRef(searchKey);
  useEffect(() => {
    if (lastSearch.current === searchKey) return;
    lastSearch.current = searchKey;
    virtualizer.scrollToOffset(0);
  }, [searchKey, virtualizer]);

  const focusRow = (index: number) => {
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // The row may only exist after the scroll has rendered it.
    const tryFocus = (attempts: number) => {
      const row = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] a`);
      if (row) row.focus();
      else if (attempts > 0) requestAnimationFrame(() => tryFocus(attempts - 1));
    };
    tryFocus(10);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = Number((event.target as HTMLElement).closest('[data-index]')?.getAttribute('data-index') ?? -1);
    if (at < 0 || total === 0) return;
    const pageStep = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, PageDown: at + pageStep, PageUp: at - pageStep, Home: 0, End: total - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(Math.max(0, Math.min(total - 1, next)));
  };

  return (
    <div ref={scrollRef} className={classes.scroller} onKeyDown={onKeyDown} data-testid="application-list">
      <div role="list" aria-label={t('apps.list.label')} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((row) => {
          const item = rowAt(row.index);
          const style = { transform: `translateY(${row.start}px)`, height: ROW_HEIGHT };
          if (!item) {
            return (
              <div key={row.key} role="listitem" data-index={row.index} className={classes.row} style={style} aria-busy="true" aria-label={t('common.loading')}>
                <Skeleton height={12} width="35%" />
                <Skeleton height={10} width="20%" />
              </div>
            );
          }
          const days = daysIn(item.stageSince, now);
          const stage = stageLabel(t, item.stage);
          const country = countryName(locale, item.country);
          const reviewers = item.reviewerIds.length > 0 ? t('apps.row.reviewers', { count: item.reviewerIds.length, pending: item.reviewsPending }) : '';
          const label = [item.displayName, stage, daysText(t, days), country, reviewers].filter(Boolean).join(', ');
          const href = routeToHash({ screen: 'application', id: item.id });
          const open = (e: MouseEvent<HTMLAnchorElement>) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            onOpen(item.id);
          };
          return (
            <div key={row.key} role="listitem" data-index={row.index} className={classes.item} style={style}>
              <a href={href} onClick={open} className={classes.row} aria-label={label} data-testid="application-row">
                <div className={classes.main}>
                  <Text fw={600} truncate="end">
                    {item.displayName}
                  </Text>
                  <Text size="sm" c="dimmed" truncate="end">
                    {[t(`apps.applicantType.${item.applicantType}`), t(`apps.source.${item.source}`), reviewers].filter(Boolean).join(' · ')}
                  </Text>
                </div>
                <Text size="sm" className={classes.country}>
                  {country}
                </Text>
                <div className={classes.stage}>
                  <Badge color={stageColor[item.stage]} variant="light" style={{ textTransform: 'none' }}>
                    {stage}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {daysText(t, days)}
                  </Text>
                </div>
              </a>
            </div>
          );
        })}
      </div>
    </div>
  );
}
