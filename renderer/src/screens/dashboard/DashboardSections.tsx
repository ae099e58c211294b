import { BarChart } from '@mantine/charts';
import { hiddenChart } from './dashboardModel';
import { Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import type { Dashboard } from './dashboardModel';

const oneDecimal = (locale: string, n: number) => new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(n);

/**
 * One figure of the dashboard: its heading, then the chart for the eye (hidden from assistive
 * technology) and the table beside it, which carries the same figures for everyone; or, when
 * there is nothing to draw, the `empty` sentence.
 */
export function FigureSection({ id, title, empty, chart, children }: { id: string; title: string; empty?: string; chart: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {empty !== undefined ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <>
          <div aria-hidden="true">{chart}</div>
          {children}
        </>
      )}
    </Paper>
  );
}

/** Median days an application spends in each stage (of those that have been through it). */
export function MedianSection({ data }: { data: Dashboard }) {
  const { t, locale } = useI18n();
  const rows = data.medianDaysPerStage.filter((r) => r.count > 0);
  return (
    <FigureSection
      id="median-days"
      title={t('oversight.dashboard.median')}
      empty={rows.length === 0 ? t('oversight.dashboard.noFigures') : undefined}
      chart={
        <BarChart
          barChartProps={hiddenChart}
          maxBarWidth={48}
          h={200}
          data={rows.map((r) => ({ stage: t(`vetting.stage.${r.stage}`), days: r.medianDays ?? 0 }))}
          dataKey="stage"
          series={[{ name: 'days', label: t('oversight.dashboard.days'), color: 'blue.6' }]}
        />
      }
    >
      <Table mt="md" data-testid="median-table">
        <VisuallyHidden component="caption">{t('oversight.dashboard.median')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('oversight.reviews.stage')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('oversight.dashboard.days')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('oversight.dashboard.applications')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.stage}>
              <Table.Th scope="row">{t(`vetting.stage.${r.stage}`)}</Table.Th>
              <Table.Td ta="right">{r.medianDays === null ? '—' : oneDecimal(locale, r.medianDays)}</Table.Td>
              <Table.Td ta="right">{r.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </FigureSection>
  );
}

/** Each reviewer's open and submitted reviews: who has room for the next assignment. */
export function LoadSection({ data }: { data: Dashboard }) {
  const { t } = useI18n();
  const rows = data.reviewerLoad;
  return (
    <FigureSection
      id="reviewer-load"
      title={t('oversight.dashboard.load')}
      empty={rows.length === 0 ? t('oversight.dashboard.noReviewers') : undefined}
      chart={
        <BarChart
          barChartProps={hiddenChart}
          maxBarWidth={48}
          h={200}
          data={rows.map((r) => ({ name: r.name, open: r.open, submitted: r.submitted }))}
          dataKey="name"
          type="stacked"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          series={[
            { name: 'open', label: t('oversight.dashboard.open'), color: 'orange.6' },
            { name: 'submitted', label: t('oversight.dashboard.submitted'), color: 'teal.6' },
          ]}
          yAxisProps={{ allowDecimals: false }}
        />
      }
    >
      <Table mt="md" data-testid="load-table">
        <VisuallyHidden component="caption">{t('oversight.dashboard.load')}</VisuallyHidden>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('oversight.dashboard.reviewer')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('oversight.dashboard.open')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('oversight.dashboard.submitted')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.reviewerId}>
              <Table.Th scope="row">{r.name}</Table.Th>
              <Table.Td ta="right">{r.open}</Table.Td>
              <Table.Td ta="right">{r.submitted}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </FigureSection>
  );
}
