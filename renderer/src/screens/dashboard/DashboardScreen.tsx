import { BarChart } from '@mantine/charts';
import { MultiSelect, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { countryCodes, type CountryCode } from '../../../../shared/model/countries';
import { useVettingQuery } from '../../api/oversight';
import { errorShape } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { countryName, formatNumber, useI18n } from '../../i18n';
import { GatedScreen } from '../profile/ProfileGate';
import { hiddenChart, stageColors, stageCountryMatrix, type Dashboard } from './dashboardModel';
import { FigureSection, LoadSection, MedianSection } from './DashboardSections';
import { ExportLetters } from '../letters/ExportLetters';

/** The vetting dashboard: applications by stage and country, median days per stage, reviewer load. */
export function DashboardScreen() {
  const { t } = useI18n();
  return (
    <GatedScreen title={t('oversight.dashboard.title')} maw={1100}>
      {() => (
        <>
          <DashboardBody />
          <Paper withBorder p="md" component="section" aria-labelledby="decision-letters">
            <Title order={2} size="h4" mb="sm" id="decision-letters">
              {t('letters.title')}
            </Title>
            <ExportLetters />
          </Paper>
        </>
      )}
    </GatedScreen>
  );
}

function DashboardBody() {
  const { t, locale } = useI18n();
  const [country, setCountry] = useState<CountryCode[]>([]);
  const dashboard = useVettingQuery('vetting.dashboard', { country });
  return (
    <Stack gap="md">
      <MultiSelect
        label={t('oversight.dashboard.countries')}
        placeholder={country.length ? undefined : t('oversight.dashboard.allCountries')}
        data={countryCodes.map((c) => ({ value: c, label: countryName(locale, c) }))}
        value={country}
        onChange={(v) => setCountry(v as CountryCode[])}
        clearable
        searchable
        maw={480}
      />
      {dashboard.isPending && <Skeleton height={300} />}
      {dashboard.isError && <LoadError error={errorShape(dashboard.error)} onRetry={() => void dashboard.refetch()} />}
      {dashboard.data && dashboard.data.total === 0 && <EmptyState framed title={t('oversight.dashboard.empty')} body={t('oversight.dashboard.emptyBody')} />}
      {dashboard.data && dashboard.data.total > 0 && (
        <>
          <Text aria-live="polite">
            {t('oversight.dashboard.total', { count: formatNumber(locale, dashboard.data.total) })}
          </Text>
          <StageCountrySection data={dashboard.data} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <MedianSection data={dashboard.data} />
            <LoadSection data={dashboard.data} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function StageCountrySection({ data }: { data: Dashboard }) {
  const { t, locale } = useI18n();
  const m = stageCountryMatrix(data);
  const chartData = m.rows.map((r) => ({ country: countryName(locale, r.country), ...r.cells }));
  return (
    <FigureSection
      id="by-stage-country"
      title={t('oversight.dashboard.byStageCountry')}
      chart={
        <BarChart
          barChartProps={hiddenChart}
          maxBarWidth={72}
          h={260}
          data={chartData}
          dataKey="country"
          type="stacked"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          series={m.stages.map((s) => ({ name: s, label: t(`vetting.stage.${s}`), color: stageColors[s] }))}
          yAxisProps={{ allowDecimals: false }}
        />
      }
    >
      <Table.ScrollContainer minWidth={520} mt="md">
        <Table striped withTableBorder>
          <VisuallyHidden component="caption">{t('oversight.dashboard.byStageCountry')}</VisuallyHidden>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('field.country')}</Table.Th>
              {m.stages.map((s) => (
                <Table.Th scope="col" key={s} ta="right">
                  {t(`vetting.stage.${s}`)}
                </Table.Th>
              ))}
              <Table.Th scope="col" ta="right">
                {t('oversight.dashboard.totalColumn')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.rows.map((r) => (
              <Table.Tr key={r.country}>
                <Table.Th scope="row">{countryName(locale, r.country)}</Table.Th>
                {m.stages.map((s) => (
                  <Table.Td key={s} ta="right">
                    {formatNumber(locale, r.cells[s])}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600}>
                  {formatNumber(locale, r.total)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('oversight.dashboard.totalColumn')}</Table.Th>
              {m.stages.map((s) => (
                <Table.Td key={s} ta="right" fw={600}>
                  {formatNumber(locale, m.stageTotals[s])}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={600}>
                {formatNumber(locale, m.rows.reduce((sum, r) => sum + r.total, 0))}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </FigureSection>
  );
}
