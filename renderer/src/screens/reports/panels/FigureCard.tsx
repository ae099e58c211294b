import { Button, Card, Group, Select, Stack } from '@mantine/core';
import type { Figure } from '../../../../../shared/model/reports/figure';
import { EditIcon, SyncIcon, TrashIcon } from '../../../components/icons';
import { useI18n } from '../../../i18n';
import { FigureChart } from '../figures/FigureChart';
import type { SectionField } from './model';
import { sectionName } from './ratingText';

/**
 * One figure of the record, drawn as the document will show it (with its source note), the
 * section it follows, and what can be done with it: refresh the numbers (the same metric and
 * filters counted now), edit, remove.
 */
export function FigureCard({
  figure,
  index,
  sections,
  readOnly,
  refreshing,
  onSection,
  onRefresh,
  onEdit,
  onRemove,
}: {
  figure: Figure;
  index: number;
  sections: readonly SectionField[];
  readOnly: boolean;
  refreshing: boolean;
  onSection(section: SectionField): void;
  onRefresh(): void;
  onEdit(): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  const n = index + 1;
  return (
    <Card withBorder radius="md" padding="md" component="li" aria-label={t('reportPanels.figures.item', { n, title: figure.title })} data-testid="report-figure">
      <Stack gap="sm">
        <FigureChart figure={figure} />
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Select
            label={t('reportPanels.figures.section')}
            description={t('reportPanels.figures.sectionHint')}
            data={sections.map((s) => ({ value: s, label: sectionName(t, s) }))}
            value={sections.includes(figure.section as SectionField) ? figure.section : null}
            readOnly={readOnly}
            allowDeselect={false}
            onChange={(v) => v && v !== figure.section && onSection(v as SectionField)}
            w={240}
            comboboxProps={{ withinPortal: true }}
          />
          {!readOnly && (
            <Group gap="xs">
              <Button variant="light" size="xs" leftSection={<SyncIcon />} loading={refreshing} onClick={onRefresh} aria-label={t('reportPanels.figures.refreshNamed', { title: figure.title })}>
                {t('reportPanels.figures.refresh')}
              </Button>
              <Button variant="default" size="xs" leftSection={<EditIcon />} onClick={onEdit} aria-label={t('reportPanels.figures.editNamed', { title: figure.title })}>
                {t('common.edit')}
              </Button>
              <Button variant="subtle" color="red" size="xs" leftSection={<TrashIcon />} onClick={onRemove} aria-label={t('reportPanels.figures.removeNamed', { title: figure.title })}>
                {t('common.remove')}
              </Button>
            </Group>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
