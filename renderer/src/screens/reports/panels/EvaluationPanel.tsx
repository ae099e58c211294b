import { Alert, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import { ImportRatings } from './ImportRatings';
import { characteristicFields, dimensionFields, ratingOf, ratingPatch, ratingsOf, sectionsOf, type RatingField } from './model';
import { RatingEditor } from './RatingEditor';
import { RatingsMatrix } from './RatingsMatrix';
import type { PanelProps } from './types';
import { useSave } from './useSave';

/**
 * Judging the record against the Blueprint: the five characteristics (and a case study's four
 * dimensions), each rated with its evidence and the sections it draws on, and the matrix that
 * shows them at a glance. Each rating is its own field, so two curators rating different
 * characteristics offline merge cleanly. A whole evaluation sheet can be imported (ImportRatings).
 */
export function EvaluationPanel({ report, onPatch, readOnly }: PanelProps) {
  const { t } = useI18n();
  const { save, problem } = useSave(onPatch);
  const sections = sectionsOf[report.type];

  const editor = (field: RatingField) => (
    <RatingEditor key={field} field={field} value={ratingOf(report, field)} sections={sections} readOnly={readOnly} onSave={(next) => save(ratingPatch(field, next))} />
  );

  return (
    <Stack gap="md" data-testid="evaluation-panel">
      {problem && (
        <Alert color="red" role="alert" title={t('reportPanels.saveRefused')}>
          {problem}
        </Alert>
      )}
      {!readOnly && <ImportRatings report={report} />}
      <RatingsMatrix type={report.type} ratings={ratingsOf(report)} />
      <Criteria group="characteristics" fields={characteristicFields} editor={editor} />
      {report.type === 'case_study' && <Criteria group="dimensions" fields={dimensionFields} editor={editor} />}
    </Stack>
  );
}

/** One group of criteria (the characteristics, or a case study's dimensions) under its heading. */
function Criteria({ group, fields, editor }: { group: 'characteristics' | 'dimensions'; fields: readonly RatingField[]; editor(field: RatingField): ReactNode }) {
  const { t } = useI18n();
  return (
    <Stack gap="sm" component="section" aria-labelledby={`evaluation-${group}`}>
      <div>
        <Title order={2} size="h4" id={`evaluation-${group}`}>
          {t(`reportPanels.evaluation.${group}`)}
        </Title>
        <Text size="sm" c="dimmed">
          {t(`reportPanels.evaluation.${group}Hint`)}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        {fields.map(editor)}
      </SimpleGrid>
    </Stack>
  );
}
