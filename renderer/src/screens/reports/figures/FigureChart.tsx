import { BarChart } from '@mantine/charts';
import { Button, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { figureSourceNote, relabelFigureRows, type Figure } from '../../../../../shared/model/reports/figure';
import { figureNames } from '../../../../../shared/model/reports/figure-names';
import { formatNumber, useI18n, type MessageKey } from '../../../i18n';
import { useTaxonomy } from '../../../taxonomy/TaxonomyProvider';

/** recharts' own keyboard layer off: the table carries the numbers for assistive technology. */
const hiddenChart = { accessibilityLayer: false, tabIndex: -1 } as const;
const BAR_HEIGHT = 28;

const columnKey: Record<Figure['metric'], MessageKey> = {
  experts_by_country: 'figures.column.country',
  experts_by_expertise: 'figures.column.expertise',
  experts_by_language: 'figures.column.language',
};

/** The figure's part a chart shows: a whole Figure, or a preview before it has an id and section. */
export type FigureView = Pick<Figure, 'metric' | 'filters' | 'title' | 'chart' | 'takenAt' | 'total' | 'rows'>;

/**
 * A figure as a curator sees it: its title, the bars (horizontal, one per row, for the eye and
 * hidden from assistive technology) or the table, and the source note under it — what it
 * counts, the filters, when it was taken. Under a bar chart the same numbers are a table that
 * a screen reader always reads and anyone can show. Rows are named in the screen's language
 * from their keys, whatever language the figure was taken in.
 */
export function FigureChart({ figure }: { figure: FigureView }) {
  const { t, locale } = useI18n();
  const { terms } = useTaxonomy();
  const [tableShown, setTableShown] = useState(false);
  const captionId = useId();
  const tableId = useId();
  const names = useMemo(() => figureNames(locale, terms), [locale, terms]);
  const rows = useMemo(() => relabelFigureRows(figure, locale, names), [figure, locale, names]);
  const note = figureSourceNote(figure, locale, names);
  const multi = figure.metric !== 'experts_by_country';
  const asTable = figure.chart === 'table' || tableShown;

  const table = (
    <Table data-testid="figure-table" id={tableId} striped withTableBorder>
      <VisuallyHidden component="caption">{figure.title}</VisuallyHidden>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t(columnKey[figure.metric])}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('figures.column.experts')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row" fw="normal">
              {r.label}
            </Table.Th>
            <Table.Td ta="right">{formatNumber(locale, r.count)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <Stack component="figure" gap="xs" m={0} aria-labelledby={captionId} data-testid="figure">
      <Text component="figcaption" fw={600} id={captionId}>
        {figure.title}
      </Text>
      {rows.length === 0 ? (
        <Text c="dimmed" data-testid="figure-empty">
          {t('figures.empty')}
        </Text>
      ) : (
        <>
          {figure.chart === 'bar' && (
            <div aria-hidden="true" data-testid="figure-bars">
              <BarChart
                barChartProps={hiddenChart}
                h={rows.length * BAR_HEIGHT + 40}
                data={rows.map((r) => ({ label: r.label, count: r.count }))}
                dataKey="label"
                orientation="vertical"
                yAxisProps={{ width: 180 }}
                // Counts of people: whole numbers on the axis, never 0.5.
                xAxisProps={{ allowDecimals: false }}
                series={[{ name: 'count', label: t('figures.column.experts'), color: 'blue.6' }]}
                valueFormatter={(v) => formatNumber(locale, v)}
                gridAxis="x"
                withBarValueLabel
              />
            </div>
          )}
          {asTable ? table : <VisuallyHidden>{table}</VisuallyHidden>}
          {figure.chart === 'bar' && (
            <Button variant="subtle" size="compact-sm" onClick={() => setTableShown((s) => !s)} aria-expanded={tableShown} aria-controls={tableId} style={{ alignSelf: 'flex-start' }}>
              {t(tableShown ? 'figures.table.hide' : 'figures.table.show')}
            </Button>
          )}
        </>
      )}
      <Text size="sm" data-testid="figure-total">
        {t(figure.total === 1 ? 'figures.total.one' : 'figures.total.other', { count: formatNumber(locale, figure.total) })}
        {multi && rows.length > 0 ? ` ${t('figures.multi')}` : ''}
      </Text>
      <Text size="xs" c="dimmed" data-testid="figure-source">
        {note}
      </Text>
    </Stack>
  );
}
