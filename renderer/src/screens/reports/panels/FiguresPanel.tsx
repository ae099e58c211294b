import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { MAX_FIGURES } from '../../../../../shared/model/reports';
import type { Figure } from '../../../../../shared/model/reports/figure';
import { useApi } from '../../../api/ApiProvider';
import { EmptyState } from '../../../components/EmptyState';
import { PlusIcon } from '../../../components/icons';
import { errorMessage, useI18n } from '../../../i18n';
import { FigureDialog } from '../figures/FigureDialog';
import { FigureCard } from './FigureCard';
import { sectionsOf, type ReportPatch, type SectionField } from './model';
import { sectionName } from './ratingText';
import type { PanelProps } from './types';
import { useSave } from './useSave';

type Dialog = { figure?: Figure } | null;

/**
 * The case study's figures from the directory, each a snapshot with its source: inserted with
 * the figure dialog after a chosen section, refreshed (the same metric and filters counted now,
 * with a new takenAt), edited, moved to another section, removed. The record keeps them all in
 * one field; every change writes the list.
 */
export function FiguresPanel({ report, onPatch, readOnly }: PanelProps) {
  const api = useApi();
  const { locale, t } = useI18n();
  const { save, problem, setProblem } = useSave(onPatch);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [section, setSection] = useState<SectionField>('s_results');
  const [refreshing, setRefreshing] = useState<string | null>(null);
  if (report.type !== 'case_study') return <Text c="dimmed">{t('reportPanels.figures.caseStudiesOnly')}</Text>;

  const figures = report.fields.figures;
  const sections = sectionsOf.case_study;
  const write = (next: Figure[]) => save({ figures: next } as ReportPatch);
  const replace = (figure: Figure) => write(figures.map((f) => (f.id === figure.id ? figure : f)));

  const insert = async (figure: Figure) => {
    const exists = figures.some((f) => f.id === figure.id);
    if (await (exists ? replace(figure) : write([...figures, figure]))) setDialog(null);
  };

  const refresh = async (figure: Figure) => {
    setRefreshing(figure.id);
    try {
      const counted = await api.call('figures.compute', { metric: figure.metric, filters: figure.filters, lang: locale });
      if (!counted.ok) return setProblem(errorMessage(counted.error, locale, t));
      await replace({ ...figure, takenAt: counted.value.takenAt, total: counted.value.total, rows: counted.value.rows });
    } finally {
      setRefreshing(null);
    }
  };

  return (
    <Stack gap="md" data-testid="figures-panel">
      {!readOnly && (
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('reportPanels.figures.insertAfter')}
            data={sections.map((s) => ({ value: s, label: sectionName(t, s) }))}
            value={section}
            allowDeselect={false}
            onChange={(v) => v && setSection(v as SectionField)}
            w={240}
            comboboxProps={{ withinPortal: true }}
          />
          <Button leftSection={<PlusIcon />} disabled={figures.length >= MAX_FIGURES} onClick={() => setDialog({})}>
            {t('reportPanels.figures.insert')}
          </Button>
          {figures.length >= MAX_FIGURES && (
            <Text size="sm" c="dimmed">
              {t('reportPanels.figures.full', { max: MAX_FIGURES })}
            </Text>
          )}
        </Group>
      )}
      {problem && (
        <Alert color="red" role="alert" title={t('reportPanels.saveRefused')}>
          {problem}
        </Alert>
      )}
      {figures.length === 0 ? (
        <EmptyState framed title={t('reportPanels.figures.emptyTitle')} body={t('reportPanels.figures.emptyBody')} testId="figures-empty" />
      ) : (
        <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('reportPanels.figures.list')}>
          {figures.map((figure, index) => (
            <FigureCard
              key={figure.id}
              figure={figure}
              index={index}
              sections={sections}
              readOnly={readOnly}
              refreshing={refreshing === figure.id}
              onSection={(s) => void replace({ ...figure, section: s })}
              onRefresh={() => void refresh(figure)}
              onEdit={() => setDialog({ figure })}
              onRemove={() => void write(figures.filter((f) => f.id !== figure.id))}
            />
          ))}
        </Stack>
      )}
      <FigureDialog opened={dialog !== null} initial={dialog?.figure} section={section} onClose={() => setDialog(null)} onInsert={(f) => void insert(f)} />
    </Stack>
  );
}
