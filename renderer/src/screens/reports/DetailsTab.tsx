import { MultiSelect, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { countryCodes, type CountryCode } from '../../../../shared/model/countries';
import { MAX_TITLE_CHARS } from '../../../../shared/model/reports';
import { errorShape } from '../../api/queries';
import { countryName, useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { useTaxonomy } from '../../taxonomy/TaxonomyProvider';
import { AutoField } from './AutoField';
import { ExpertPicker } from './ExpertPicker';
import type { PanelProps } from './panels';

/**
 * What the document is about: title, countries, the programme and work-plan activity, the
 * Blueprint objective, the period, the experts (linked to the directory) and expertise areas.
 * Each field is saved on its own when the curator leaves it. (A story's beneficiary is with its
 * consent: panels/ConsentPanel.)
 */
export function DetailsTab({ report, onPatch, readOnly }: PanelProps) {
  const { locale, t } = useI18n();
  const notify = useNotify();
  const taxonomy = useTaxonomy();
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const f = report.fields;
  const text = (key: string) => (v: string) => onPatch({ [key]: v });
  const month = (key: 'periodStart' | 'periodEnd') => (v: string) => onPatch({ [key]: v === '' ? null : v });
  // Lists save as they change; a refusal is said under the group and the stored value stays shown.
  const choose = (patch: Record<string, unknown>) =>
    onPatch(patch).then(
      () => setChoiceError(null),
      (err: unknown) => setChoiceError(t('reports.field.saveFailed', { reason: notify.describe(errorShape(err)!) })),
    );
  const periodWrong = f.periodStart && f.periodEnd && f.periodEnd < f.periodStart ? t('reports.period.invalid') : null;
  const known = new Set(taxonomy.terms.map((term) => term.id));
  const expertiseData = [...taxonomy.terms.map((term) => ({ value: term.id, label: taxonomy.path(term.id).join(' › ') })), ...f.expertise.filter((id) => !known.has(id)).map((id) => ({ value: id, label: id }))];

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <AutoField label={t('reports.field.title')} value={f.title} save={text('title')} readOnly={readOnly} maxLength={MAX_TITLE_CHARS} />
          <MultiSelect
            label={t('reports.field.countries')}
            data={countryCodes.map((c) => ({ value: c, label: countryName(locale, c) }))}
            value={f.countries}
            onChange={(v) => void choose({ countries: v as CountryCode[] })}
            searchable
            readOnly={readOnly}
            clearButtonProps={{ 'aria-label': t('reports.filter.clear') }}
          />
          {report.type === 'case_study' && (
            <>
              <AutoField label={t('reports.field.programme')} value={report.fields.programme} save={text('programme')} readOnly={readOnly} maxLength={300} />
              <AutoField label={t('reports.field.workPlanActivity')} value={report.fields.workPlanActivity} save={text('workPlanActivity')} readOnly={readOnly} maxLength={300} />
              <AutoField label={t('reports.field.blueprintObjective')} value={report.fields.blueprintObjective} save={text('blueprintObjective')} readOnly={readOnly} maxLength={500} multiline />
            </>
          )}
          <SimpleGrid cols={2} spacing="sm">
            <AutoField label={t('reports.field.periodStart')} type="month" value={f.periodStart ?? ''} save={month('periodStart')} readOnly={readOnly} maxLength={7} />
            <AutoField label={t('reports.field.periodEnd')} type="month" value={f.periodEnd ?? ''} save={month('periodEnd')} readOnly={readOnly} maxLength={7} error={periodWrong} />
          </SimpleGrid>
          <ExpertPicker value={f.expertIds} onChange={(ids) => void choose({ expertIds: ids })} readOnly={readOnly} />
          <MultiSelect
            label={t('reports.field.expertise')}
            data={expertiseData}
            value={f.expertise}
            onChange={(v) => void choose({ expertise: v })}
            searchable
            hidePickedOptions
            readOnly={readOnly}
            maxDropdownHeight={280}
            clearButtonProps={{ 'aria-label': t('reports.filter.clear') }}
          />
          {choiceError && (
            <Text size="sm" c="red" role="alert">
              {choiceError}
            </Text>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
