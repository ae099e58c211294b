import { Badge, Group, Progress, Text } from '@mantine/core';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { ReportSummary } from '../../../../shared/contract/reports';
import { DemoBadge } from '../../components/DemoBadge';
import { countryName, formatNumber, useI18n } from '../../i18n';
import { routeToHash } from '../../nav/routes';
import { RatingsStrip } from './RatingsStrip';
import { periodText, statusColor, statusLabel, typeLabel } from './texts';
import classes from './ReportsScreen.module.css';

/**
 * The case studies and stories found. Each row is a link to its editor (Tab and Enter work,
 * and it opens elsewhere with a modifier); the arrow keys, Home and End move between rows as
 * in a list. A mid-term review holds dozens, not thousands, so every row is in the DOM.
 */
export function ReportRows({ items, onOpen }: { items: ReportSummary[]; onOpen(id: string): void }) {
  const { locale, t } = useI18n();

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-testid="report-row"]')];
    const at = links.indexOf(event.target as HTMLAnchorElement);
    if (at < 0) return;
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    links[Math.max(0, Math.min(links.length - 1, next))]?.focus();
  };

  return (
    <div className={classes.scroller}>
      <ul aria-label={t('reports.list.label')} onKeyDown={onKeyDown} style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="report-list">
        {items.map((item) => {
          const title = item.title || t('reports.untitled');
          const countries = item.countries.length ? item.countries.map((c) => countryName(locale, c)).join(', ') : t('reports.row.noCountry');
          const period = periodText(locale, item.periodStart, item.periodEnd);
          const done = t('reports.row.completeness', { done: formatNumber(locale, item.complete), total: formatNumber(locale, item.totalSections) });
          const label = [title, typeLabel(t, item.type), statusLabel(t, item.status), countries, done].join(', ');
          const open = (e: MouseEvent<HTMLAnchorElement>) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            onOpen(item.id);
          };
          return (
            <li key={item.id}>
              <a href={routeToHash({ screen: 'report', id: item.id })} onClick={open} className={classes.row} aria-label={label} data-testid="report-row">
                <div className={classes.main}>
                  <Group gap={6} wrap="nowrap">
                    {/* Two lines: at 1024 px one line cut most demo titles before the words that tell them apart. */}
                    <Text fw={600} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                      {title}
                    </Text>
                    {item.demo && <DemoBadge size="xs" hint={t('reports.demo.hint')} />}
                  </Group>
                  <Text size="sm" c="dimmed" truncate="end">
                    {[typeLabel(t, item.type), countries, period].filter(Boolean).join(' · ')}
                  </Text>
                </div>
                <RatingsStrip ratings={item.ratings} />
                <div className={classes.completeness}>
                  <Text size="xs" c="dimmed">
                    {done}
                  </Text>
                  <Progress value={item.totalSections ? (100 * item.complete) / item.totalSections : 0} size="sm" aria-hidden />
                </div>
                <div className={classes.status}>
                  <Badge color={statusColor[item.status]} variant="light" style={{ textTransform: 'none' }}>
                    {statusLabel(t, item.status)}
                  </Badge>
                </div>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
