import { Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportPreviewOut } from '../../../../shared/contract/import';
import { columnLetter } from '../../../../shared/import/table';
import { applicantTypes, importTargetKeys, type ApplicantType, type ImportTargetKey } from '../../../../shared/import/targets';
import { countryCodes, type CountryCode } from '../../../../shared/model/countries';
import { countryName, useI18n, type MessageKey } from '../../i18n';
import { targetLabel } from './importText';

export interface ImportChoices {
  mapping: (ImportTargetKey | null)[] | null;
  nominatingCountry: CountryCode | null;
  applicantType: ApplicantType | null;
}

/** Select has no empty value: this stands for "leave the column out". */
const SKIP = '-';

/**
 * Which field each column of the sheet fills (the app's suggestion, editable), and what rows
 * that state no nominating country or applicant type get. Every change is previewed again by
 * the core; a field already taken by another column is offered on one column only.
 */
export function MappingPanel({ preview, choices, onChange, disabled }: { preview: ImportPreviewOut; choices: ImportChoices; onChange(next: ImportChoices): void; disabled: boolean }) {
  const { locale, t } = useI18n();
  const mapping = preview.mapping;
  const first = preview.sample[0]?.cells ?? [];
  const setColumn = (index: number, value: string | null) => {
    const next = mapping.map((m, i) => (i === index ? (value && value !== SKIP ? (value as ImportTargetKey) : null) : m));
    onChange({ ...choices, mapping: next });
  };
  const changed = mapping.some((m, i) => m !== preview.suggested[i]);
  const columnName = (i: number) => (preview.headers[i] ? `${columnLetter(i)} (${preview.headers[i]})` : columnLetter(i));

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4">
              {t('import.mapping.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('import.mapping.intro')}
            </Text>
          </div>
          {changed && (
            <Button variant="subtle" size="xs" onClick={() => onChange({ ...choices, mapping: preview.suggested })} disabled={disabled}>
              {t('import.mapping.reset')}
            </Button>
          )}
        </Group>
        <Table striped withTableBorder layout="fixed" data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t('import.mapping.column')}</Table.Th>
              <Table.Th w="35%">{t('import.mapping.firstValue')}</Table.Th>
              <Table.Th>{t('import.mapping.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.headers.map((_, i) => {
              const takenElsewhere = new Set(mapping.filter((m, j) => m && j !== i));
              return (
                <Table.Tr key={i}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{columnName(i)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Text size="sm" lineClamp={2}>
                      {first[i] ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('import.mapping.fieldFor', { column: columnName(i) })}
                      size="xs"
                      value={mapping[i] ?? SKIP}
                      onChange={(v) => setColumn(i, v)}
                      allowDeselect={false}
                      disabled={disabled}
                      data={[{ value: SKIP, label: t('import.mapping.skip') }, ...importTargetKeys.filter((k) => !takenElsewhere.has(k)).map((k) => ({ value: k, label: targetLabel(t, k) }))]}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Group grow align="flex-start">
          <Select
            label={t('import.defaults.country')}
            description={t('import.defaults.countryHint')}
            placeholder={t('import.defaults.none')}
            clearable
            disabled={disabled}
            value={choices.nominatingCountry}
            onChange={(v) => onChange({ ...choices, mapping, nominatingCountry: (v as CountryCode | null) ?? null })}
            data={countryCodes.map((c) => ({ value: c, label: countryName(locale, c) }))}
          />
          <Select
            label={t('import.defaults.type')}
            description={t('import.defaults.typeHint')}
            placeholder={t('import.defaults.none')}
            clearable
            disabled={disabled}
            value={choices.applicantType}
            onChange={(v) => onChange({ ...choices, mapping, applicantType: (v as ApplicantType | null) ?? null })}
            data={applicantTypes.map((a) => ({ value: a, label: t(`import.type.${a}` as MessageKey) }))}
          />
        </Group>
      </Stack>
    </Paper>
  );
}
