import { Button, Group, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import type { ReportSummary } from '../../../../shared/contract/reports';
import { RestoreIcon } from '../../components/icons';
import { countryName, formatDateTime, useI18n } from '../../i18n';
import { routeToHash } from '../../nav/routes';
import { typeLabel } from './texts';
import { useReportRemoval } from './useReportRemoval';
import classes from './ReportsScreen.module.css';

/**
 * The removed case studies and stories ("Show removed"), each with Restore beside it. The
 * title still opens the record, read-only, with Restore there too. The button sits outside the
 * link, so each is its own Tab stop.
 */
export function RemovedRows({ items, onOpen }: { items: ReportSummary[]; onOpen(id: string): void }) {
  const { locale, t } = useI18n();
  const { restore, busy } = useReportRemoval();
  return (
    <div className={classes.scroller}>
      <ul aria-label={t('reports.remove.listLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="removed-list">
        {items.map((item) => {
          const title = item.title || t('reports.untitled');
          const countries = item.countries.length ? item.countries.map((c) => countryName(locale, c)).join(', ') : t('reports.row.noCountry');
          const open = (e: MouseEvent<HTMLAnchorElement>) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            onOpen(item.id);
          };
          return (
            <li key={item.id} className={classes.row} data-testid="removed-row">
              <a href={routeToHash({ screen: 'report', id: item.id })} onClick={open} className={classes.main} style={{ color: 'inherit', textDecoration: 'none' }}>
                <Text fw={600} truncate="end" td="underline">
                  {title}
                </Text>
                <Text size="sm" c="dimmed" truncate="end">
                  {[typeLabel(t, item.type), countries, formatDateTime(locale, item.updatedAt)].join(' · ')}
                </Text>
              </a>
              <Group gap="xs" wrap="nowrap">
                <Button variant="default" size="sm" leftSection={<RestoreIcon />} loading={busy === item.id} aria-label={t('reports.remove.restoreNamed', { title })} onClick={() => void restore(item.id, title)}>
                  {t('reports.remove.restore')}
                </Button>
              </Group>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
