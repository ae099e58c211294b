import { Card, MultiSelect, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { formatNumber, useI18n } from '../../../i18n';
import { MAX_EVIDENCE_CHARS, ratings as ratingLevels, type RatingField, type Rating, type RatingValue, type SectionField } from './model';
import { ratingFieldHint, ratingFieldName, ratingLevelName, sectionName } from './ratingText';

const NONE = 'none';

/**
 * One characteristic or dimension: its level (a radio group: arrow keys move between the
 * levels), the evidence, and the sections that evidence draws on. A level or a section list
 * saves at once; the evidence saves when the field is left, so a half-typed sentence is not
 * written on every key. The whole value is written each time: it is one field of the record.
 */
export function RatingEditor({
  field,
  value,
  sections,
  readOnly,
  onSave,
}: {
  field: RatingField;
  value: RatingValue<SectionField>;
  sections: readonly SectionField[];
  readOnly: boolean;
  onSave(next: RatingValue<SectionField>): Promise<boolean>;
}) {
  const { locale, t } = useI18n();
  const id = useId();
  const [evidence, setEvidence] = useState(value.evidence);
  const [dirty, setDirty] = useState(false);
  // Another curator's edit (arriving by sync) shows unless the curator is typing here.
  useEffect(() => {
    if (!dirty) setEvidence(value.evidence);
  }, [value.evidence, dirty]);

  const name = ratingFieldName(t, field);
  const tooLong = evidence.length > MAX_EVIDENCE_CHARS;

  // A level or section list saved while evidence is being typed takes the typed evidence along (when it may be saved).
  const withEvidence = (): RatingValue<SectionField> => ({ ...value, evidence: dirty && !tooLong ? evidence : value.evidence });
  const commit = async (next: RatingValue<SectionField>) => {
    if ((await onSave(next)) && next.evidence === evidence) setDirty(false);
  };
  const saveEvidence = async () => {
    if (dirty && !tooLong) await commit({ ...value, evidence });
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={`${id}-name`} data-testid={`rating-${field}`}>
      <Stack gap="xs">
        <div>
          <Title order={3} size="h5" id={`${id}-name`}>
            {name}
          </Title>
          <Text size="sm" c="dimmed" id={`${id}-hint`}>
            {ratingFieldHint(t, field)}
          </Text>
        </div>
        <SegmentedControl
          aria-labelledby={`${id}-name`}
          aria-describedby={`${id}-hint`}
          value={value.rating ?? NONE}
          readOnly={readOnly}
          fullWidth
          size="xs"
          data={[NONE, ...ratingLevels].map((level) => ({ value: level, label: ratingLevelName(t, level === NONE ? null : (level as Rating)) }))}
          onChange={(next) => void commit({ ...withEvidence(), rating: next === NONE ? null : (next as Rating) })}
        />
        <Textarea
          label={t('reportPanels.evaluation.evidence')}
          description={t('reportPanels.evaluation.evidenceHint', { max: formatNumber(locale, MAX_EVIDENCE_CHARS) })}
          value={evidence}
          readOnly={readOnly}
          autosize
          minRows={2}
          maxRows={8}
          error={tooLong ? t('reportPanels.evaluation.evidenceTooLong', { max: formatNumber(locale, MAX_EVIDENCE_CHARS), count: formatNumber(locale, evidence.length) }) : undefined}
          onChange={(e) => {
            setEvidence(e.currentTarget.value);
            setDirty(true);
          }}
          onBlur={() => void saveEvidence()}
        />
        <MultiSelect
          label={t('reportPanels.evaluation.sections')}
          placeholder={value.sections.length === 0 ? t('reportPanels.evaluation.sectionsNone') : undefined}
          data={sections.map((s) => ({ value: s, label: sectionName(t, s) }))}
          value={value.sections.filter((s) => sections.includes(s as SectionField))}
          readOnly={readOnly}
          clearable={!readOnly}
          onChange={(next) => void commit({ ...withEvidence(), sections: sections.filter((s) => (next as string[]).includes(s)) })}
          comboboxProps={{ withinPortal: true }}
        />
      </Stack>
    </Card>
  );
}
