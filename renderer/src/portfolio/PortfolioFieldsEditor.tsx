import { NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { portfolioKinds, type PortfolioFields, type PortfolioKind } from '../../../shared/model/expert';
import { useT } from '../i18n';
import type { FieldErrors } from '../lib/issues';

export const emptyPortfolioItem = (): PortfolioFields => ({ kind: 'publication', title: '', year: null, description: '', link: '' });

/** The fields of one portfolio item; errors are keyed by field name ("title", "link"...). */
export function PortfolioFieldsEditor({
  value,
  onChange,
  errors,
  onBlurField,
}: {
  value: PortfolioFields;
  onChange(next: PortfolioFields): void;
  errors: FieldErrors;
  onBlurField?(field: keyof PortfolioFields): void;
}) {
  const t = useT();
  const set = <K extends keyof PortfolioFields>(field: K, v: PortfolioFields[K]) => onChange({ ...value, [field]: v });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t('portfolio.field.kind')}
          data={portfolioKinds.map((k) => ({ value: k, label: t(`portfolio.kind.${k}`) }))}
          value={value.kind}
          onChange={(v) => v && set('kind', v as PortfolioKind)}
          allowDeselect={false}
          error={errors.kind}
        />
        <TextInput
          label={t('portfolio.field.title')}
          value={value.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          onBlur={() => onBlurField?.('title')}
          error={errors.title}
          required
          style={{ gridColumn: 'span 2' }}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NumberInput
          label={t('portfolio.field.year')}
          value={value.year ?? ''}
          onChange={(v) => set('year', typeof v === 'number' ? v : null)}
          onBlur={() => onBlurField?.('year')}
          error={errors.year}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator={false}
          hideControls
        />
        <TextInput
          label={t('portfolio.field.link')}
          placeholder={t('portfolio.field.link.placeholder')}
          value={value.link}
          onChange={(e) => set('link', e.currentTarget.value)}
          onBlur={() => onBlurField?.('link')}
          error={errors.link}
          type="url"
          style={{ gridColumn: 'span 2' }}
        />
      </SimpleGrid>
      <Textarea
        label={t('portfolio.field.description')}
        value={value.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        onBlur={() => onBlurField?.('description')}
        error={errors.description}
        autosize
        minRows={2}
        maxRows={8}
      />
    </Stack>
  );
}
