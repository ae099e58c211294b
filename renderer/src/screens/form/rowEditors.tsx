import { ActionIcon, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { proficiencies, type ExpertFields } from '../../../../shared/model/expert';
import { PlusIcon, TrashIcon } from '../../components/icons';
import { languageName, useI18n } from '../../i18n';
import type { FieldErrors } from '../../lib/issues';

type Languages = ExpertFields['languages'];
type Education = ExpertFields['education'];

/** Languages a curator is likely to record: the region's, then the common international ones. */
export const commonLanguageCodes = [
  'en', 'id', 'ms', 'vi', 'th', 'km', 'lo', 'my', 'fil', 'tet', 'pt', 'zh', 'ta', 'ja', 'ko', 'fr', 'de', 'es', 'ar', 'nl', 'ru', 'hi',
];

export function LanguagesEditor({ value, onChange, errors }: { value: Languages; onChange(next: Languages): void; errors: FieldErrors }) {
  const { locale, t } = useI18n();
  const codes = [...new Set([...commonLanguageCodes, ...value.map((l) => l.code).filter(Boolean)])];
  const options = codes.map((code) => ({ value: code, label: `${languageName(locale, code)} (${code})` }));
  const update = (i: number, patch: Partial<Languages[number]>) => onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <Stack gap="xs" data-testid="languages-editor">
      {value.map((lang, i) => (
        <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
          <Select
            label={`${t('field.language')} ${i + 1}`}
            data={options}
            value={lang.code || null}
            onChange={(code) => update(i, { code: code ?? '' })}
            searchable
            error={errors[`languages.${i}.code`]}
            style={{ flex: 2 }}
          />
          <Select
            label={t('field.proficiency')}
            aria-label={`${t('field.proficiency')} ${i + 1}`}
            data={proficiencies.map((p) => ({ value: p, label: t(`proficiency.${p}`) }))}
            value={lang.proficiency}
            onChange={(p) => p && update(i, { proficiency: p as Languages[number]['proficiency'] })}
            allowDeselect={false}
            error={errors[`languages.${i}.proficiency`]}
            style={{ flex: 1 }}
          />
          <RemoveRowButton label={t('field.removeRow', { what: `${t('field.language')} ${i + 1}` })} onClick={() => onChange(value.filter((_, j) => j !== i))} />
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" leftSection={<PlusIcon />} onClick={() => onChange([...value, { code: '', proficiency: 'working' }])} disabled={value.length >= 20}>
          {t('field.addLanguage')}
        </Button>
      </Group>
    </Stack>
  );
}

export function EducationEditor({ value, onChange, errors }: { value: Education; onChange(next: Education): void; errors: FieldErrors }) {
  const { t } = useI18n();
  const update = (i: number, patch: Partial<Education[number]>) => onChange(value.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <Stack gap="xs" data-testid="education-editor">
      {value.map((row, i) => (
        <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            label={`${t('field.qualification')} ${i + 1}`}
            value={row.qualification}
            onChange={(e) => update(i, { qualification: e.currentTarget.value })}
            error={errors[`education.${i}.qualification`]}
            required
            style={{ flex: 2 }}
          />
          <TextInput
            label={t('field.institution')}
            value={row.institution}
            onChange={(e) => update(i, { institution: e.currentTarget.value })}
            error={errors[`education.${i}.institution`]}
            style={{ flex: 2 }}
          />
          <NumberInput
            label={t('field.year')}
            value={row.year ?? ''}
            onChange={(v) => update(i, { year: typeof v === 'number' ? v : null })}
            error={errors[`education.${i}.year`]}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator={false}
            hideControls
            style={{ flex: 1 }}
          />
          <RemoveRowButton label={t('field.removeRow', { what: `${t('field.qualification')} ${i + 1}` })} onClick={() => onChange(value.filter((_, j) => j !== i))} />
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" leftSection={<PlusIcon />} onClick={() => onChange([...value, { qualification: '', institution: '', year: null }])} disabled={value.length >= 20}>
          {t('field.addEducation')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The red bin at the end of an editable row, aligned with the row's inputs. */
function RemoveRowButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <ActionIcon variant="subtle" color="red" mt={28} size="lg" aria-label={label} onClick={onClick}>
      <TrashIcon />
    </ActionIcon>
  );
}
