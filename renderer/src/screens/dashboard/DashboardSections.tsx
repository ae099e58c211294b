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

/**
 * A figure's table for everyone: a caption for assistive technology, the column headings (the
 * first names the rows, the others are numbers, right-aligned), and one row per item, its name
 * as the row's heading.
 */
function FigureTable({ testId, caption, columns: [rowsHeading, ...numberHeadings], rows }: { testId: string; caption: string; columns: string[]; rows: { key: string; head: string; cells: ReactNode[] }[] }) {
  return (
    <Table mt="md" data-testid={testId}>
      <VisuallyHidden component="caption">{caption}</VisuallyHidden>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{rowsHeading}</Table.Th>
          {numberHeadings.map((h) => (
            <Table.Th key={h} scope="col" ta="right">
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row">{r.head}</Table.Th>
            {r.cells.map((c, i) => (
              <Table.Td key={i} ta="right">
                {c}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
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
      <FigureTable
        testId="median-table"
        caption={t('oversight.dashboard.median')}
        columns={[t('oversight.reviews.stage'), t('oversight.dashboard.days'), t('oversight.dashboard.applications')]}
        rows={rows.map((r) => ({ key: r.stage, head: t(`vetting.stage.${r.stage}`), cells: [r.medianDays === null ? '—' : oneDecimal(locale, r.medianDays), r.count] }))}
      />
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
      <FigureTable
        testId="load-table"
        caption={t('oversight.dashboard.load')}
        columns={[t('oversight.dashboard.reviewer'), t('oversight.dashboard.open'), t('oversight.dashboard.submitted')]}
        rows={rows.map((r) => ({ key: r.reviewerId, head: r.name, cells: [r.open, r.submitted] }))}
      />
    </FigureSection>
  );
}
