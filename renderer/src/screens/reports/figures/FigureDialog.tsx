import { Alert, Button, Checkbox, Group, Loader, Modal, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { countryCodes } from '../../../../../shared/model/countries';
import { uuidv7 } from '../../../../../shared/ids';
import { figureMetrics, figureSchema, figureTakenAt, MAX_FIGURE_TITLE, type Figure, type FigureChartKind, type FigureMetric } from '../../../../../shared/model/reports/figure';
import { hasHiddenCharacters } from '../../../../../shared/text/hygiene';
import { countryName, languageName, useI18n, type MessageKey } from '../../../i18n';
import { useNotify } from '../../../lib/notify';
import { useTaxonomy } from '../../../taxonomy/TaxonomyProvider';
import { commonLanguageCodes } from '../../form/rowEditors';
import { FigureChart } from './FigureChart';
import { cleanFilters, useFigurePreview } from './useFigurePreview';

export interface FigureDialogProps {
  opened: boolean;
  /** The figure to edit; none for a new one. */
  initial?: Figure;
  /** The section a new figure follows (an edited one keeps its own). */
  section?: string;
  onClose(): void;
  onInsert(figure: Figure): void;
}

const metricKey: Record<FigureMetric, MessageKey> = {
  experts_by_country: 'figures.metric.experts_by_country',
  experts_by_expertise: 'figures.metric.experts_by_expertise',
  experts_by_language: 'figures.metric.experts_by_language',
};

/**
 * Inserts or edits a figure from the directory: what to count, the filters (those of the
 * directory's search), the title, a bar chart or a table, with a preview counted by the core
 * (figures.compute). Insert takes the numbers shown, with when they were taken; an edited
 * figure keeps its numbers unless the curator refreshes them or changes what it counts.
 */
export function FigureDialog(props: FigureDialogProps) {
  const { t } = useI18n();
  return (
    <Modal opened={props.opened} onClose={props.onClose} size="xl" title={t(props.initial ? 'figures.dialog.edit' : 'figures.dialog.insert')}>
      {props.opened && <FigureForm {...props} />}
    </Modal>
  );
}

function FigureForm({ initial, section, onClose, onInsert }: FigureDialogProps) {
  const { t, locale } = useI18n();
  const taxonomy = useTaxonomy();
  const notify = useNotify();
  const [metric, setMetric] = useState<FigureMetric>(initial?.metric ?? 'experts_by_country');
  const [countries, setCountries] = useState<string[]>(initial?.filters.countries ?? []);
  const [expertise, setExpertise] = useState<string[]>(initial?.filters.expertise ?? []);
  const [languages, setLanguages] = useState<string[]>(initial?.filters.languages ?? []);
  const [includeArchived, setIncludeArchived] = useState(initial?.filters.includeArchived ?? false);
  // The title follows the metric until the curator writes one of their own.
  const [title, setTitle] = useState<string | null>(initial?.title ?? null);
  const [chart, setChart] = useState<FigureChartKind>(initial?.chart ?? 'bar');
  const [tried, setTried] = useState(false);

  const filters = useMemo(() => cleanFilters({ countries, expertise, languages, includeArchived }), [countries, expertise, languages, includeArchived]);
  const preview = useFigurePreview(metric, filters, locale, initial);
  const shownTitle = title ?? t(metricKey[metric]);
  const trimmed = shownTitle.trim();
  const titleProblem =
    trimmed === '' ? t('figures.title.required') : trimmed.length > MAX_FIGURE_TITLE ? t('figures.title.tooLong', { max: MAX_FIGURE_TITLE }) : hasHiddenCharacters(trimmed) ? t('figures.title.hidden') : null;

  const countryData = countryCodes.map((c) => ({ value: c, label: countryName(locale, c) }));
  const expertiseData = useMemo(() => taxonomy.terms.map((term) => ({ value: term.id, label: taxonomy.path(term.id).join(' › ') })), [taxonomy]);
  const languageData = [...new Set([...commonLanguageCodes, ...languages])].map((code) => ({ value: code, label: `${languageName(locale, code)} (${code})` }));

  const insert = () => {
    setTried(true);
    if (titleProblem || !preview.current || !preview.data) return;
    const figure = figureSchema.safeParse({ ...preview.data, id: initial?.id ?? uuidv7(), title: trimmed, chart, section: initial?.section ?? section ?? 's_results' });
    if (!figure.success) {
      notify.problem(t('figures.invalid'), t('figures.invalid.body'));
      return;
    }
    onInsert(figure.data);
  };

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm">
          <Select
            label={t('figures.field.metric')}
            data={figureMetrics.map((m) => ({ value: m, label: t(metricKey[m]) }))}
            value={metric}
            onChange={(v) => v && setMetric(v as FigureMetric)}
            allowDeselect={false}
            data-autofocus
          />
          <MultiSelect label={t('figures.field.countries')} placeholder={countries.length ? undefined : t('figures.field.countries.all')} data={countryData} value={countries} onChange={setCountries} searchable clearable hidePickedOptions />
          <MultiSelect
            label={t('figures.field.expertise')}
            description={metric === 'experts_by_expertise' ? t('figures.field.expertise.rows') : undefined}
            placeholder={expertise.length ? undefined : t('figures.field.expertise.all')}
            data={expertiseData}
            value={expertise}
            onChange={(v) => setExpertise(v.slice(0, 30))}
            searchable
            clearable
            hidePickedOptions
            maxDropdownHeight={260}
          />
          <MultiSelect label={t('figures.field.languages')} placeholder={languages.length ? undefined : t('figures.field.languages.all')} data={languageData} value={languages} onChange={(v) => setLanguages(v.slice(0, 20))} searchable clearable hidePickedOptions />
          <Checkbox label={t('figures.field.includeArchived')} checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
          <TextInput label={t('figures.field.title')} value={shownTitle} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={MAX_FIGURE_TITLE + 50} error={tried || trimmed.length > MAX_FIGURE_TITLE ? titleProblem : null} required />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="figure-chart-kind">
              {t('figures.field.chart')}
            </Text>
            <SegmentedControl
              aria-labelledby="figure-chart-kind"
              data={[
                { value: 'bar', label: t('figures.chart.bar') },
                { value: 'table', label: t('figures.chart.table') },
              ]}
              value={chart}
              onChange={(v) => setChart(v as FigureChartKind)}
            />
          </Stack>
        </Stack>
        <Stack gap="xs" aria-live="polite" data-testid="figure-preview">
          <Group justify="space-between">
            <Text fw={500}>{t('figures.preview')}</Text>
            {preview.loading && <Loader size="xs" aria-label={t('figures.preview.loading')} />}
          </Group>
          {preview.stored && preview.data && (
            <Text size="sm" c="dimmed" data-testid="figure-stored">
              {t('figures.preview.stored', { date: figureTakenAt(preview.data.takenAt, locale) })}
            </Text>
          )}
          {preview.error ? (
            <Alert color="red" title={t('figures.preview.error')}>
              {notify.describe(preview.error)}
            </Alert>
          ) : preview.data ? (
            <FigureChart figure={{ ...preview.data, title: trimmed || t(metricKey[metric]), chart }} />
          ) : (
            <Text c="dimmed">{t('figures.preview.loading')}</Text>
          )}
        </Stack>
      </SimpleGrid>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button variant="light" onClick={preview.refresh} loading={preview.loading && !preview.stored}>
          {t('figures.refresh')}
        </Button>
        <Button onClick={insert} disabled={!preview.current}>
          {t(initial ? 'figures.save' : 'figures.insert')}
        </Button>
      </Group>
    </Stack>
  );
}
