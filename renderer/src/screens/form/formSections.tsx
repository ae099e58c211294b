import {
  ActionIcon,
  Autocomplete,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { memo, useId, useMemo, type ReactNode } from 'react';
import { countryCodes } from '../../../../shared/model/countries';
import {
  displayName,
  genders,
  nameOrders,
  profileSections,
  visibilityLevels,
  type Expert,
  type NameOrder,
  type PortfolioFields,
  type VisibilityLevel,
} from '../../../../shared/model/expert';
import { PlusIcon, TrashIcon } from '../../components/icons';
import { countryName, useI18n } from '../../i18n';
import type { FieldErrors } from '../../lib/issues';
import { sameDataProps } from '../../lib/memo';
import { emptyPortfolioItem, PortfolioFieldsEditor } from '../../portfolio/PortfolioFieldsEditor';
import { PortfolioList } from '../../portfolio/PortfolioList';
import { useTaxonomy } from '../../taxonomy/TaxonomyProvider';
import type { FormValues } from './formModel';
import { PhotoField } from './PhotoField';
import { EducationEditor, LanguagesEditor } from './rowEditors';

/**
 * The sections of the expert form. Each is memoised on its own slice of the values and
 * errors, so typing in one field re-renders one section, not the whole form.
 */

export type SetField = <K extends keyof FormValues>(name: K, value: FormValues[K]) => void;
export type TouchField = (name: string) => void;

interface SectionProps<K extends keyof FormValues> {
  values: Pick<FormValues, K>;
  errors: FieldErrors;
  set: SetField;
  touch: TouchField;
}

/** Errors whose path starts with one of the fields (`languages` takes `languages.0.code`). */
export function errorsFor(errors: FieldErrors, fields: readonly string[]): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => fields.includes(key.split('.')[0]!)));
}

export function FormSection({ title, children, description }: { title: string; children: ReactNode; description?: string }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={title}>
      <Title order={2} size="h4" mb={description ? 4 : 'md'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      )}
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

type TextField = 'givenName' | 'familyName' | 'agency' | 'position' | 'email' | 'phone' | 'careerSummary';
function textProps<K extends TextField>(name: K, p: SectionProps<K>) {
  return {
    value: p.values[name] as string,
    onChange: (e: { currentTarget: { value: string } }) => p.set(name, e.currentTarget.value as FormValues[K]),
    onBlur: () => p.touch(name),
    error: p.errors[name],
  };
}

const honorificSuggestions = ['Dr.', 'Prof.', 'Assoc. Prof.', 'Mr.', 'Ms.', 'Mrs.', 'H.E.', 'Dato’', 'Datuk', 'Tan Sri', 'Dato Paduka', 'Pehin', 'Awang', 'Dayang', 'Ir.'];

export const identityFields = ['givenName', 'familyName', 'nameOrder', 'otherNames', 'honorific', 'gender', 'country'] as const;
export const IdentitySection = memo(function IdentitySection(p: SectionProps<(typeof identityFields)[number]> & { autoFocus: boolean }) {
  const { locale, t } = useI18n();
  const { values, errors, set, touch } = p;
  const preview = displayName(values);
  return (
    <FormSection title={t('form.section.identity')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('field.givenName')} required {...textProps('givenName', p)} autoFocus={p.autoFocus} />
        <TextInput label={t('field.familyName')} {...textProps('familyName', p)} />
      </SimpleGrid>
      <Select
        label={t('field.nameOrder')}
        data={nameOrders.map((o) => ({ value: o, label: t(`nameOrder.${o}`) }))}
        value={values.nameOrder}
        onChange={(v) => v && set('nameOrder', v as NameOrder)}
        allowDeselect={false}
        maw={320}
      />
      <Text size="sm" aria-live="polite" data-testid="name-preview">
        <Text span c="dimmed">
          {t('field.displayPreview')}:{' '}
        </Text>
        <Text span fw={600}>
          {[values.honorific.trim(), preview].filter(Boolean).join(' ') || '—'}
        </Text>
      </Text>
      <TagsInput
        label={t('field.otherNames')}
        description={t('field.otherNames.description')}
        value={values.otherNames}
        onChange={(v) => set('otherNames', v)}
        onBlur={() => touch('otherNames')}
        error={errors.otherNames ?? Object.values(errorsFor(errors, ['otherNames']))[0]}
        clearable
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Autocomplete
          label={t('field.honorific')}
          description={t('field.honorific.description')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data={honorificSuggestions}
          value={values.honorific}
          onChange={(v) => set('honorific', v)}
          onBlur={() => touch('honorific')}
          error={errors.honorific}
        />
        <Select
          label={t('field.gender')}
          data={genders.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
          value={values.gender}
          onChange={(v) => set('gender', v as FormValues['gender'])}
          placeholder={t('gender.unstated')}
          clearable
        />
        <Select
          label={t('field.country')}
          data={countryCodes.map((c) => ({ value: c, label: countryName(locale, c) }))}
          value={values.country || null}
          onChange={(v) => {
            set('country', (v ?? '') as FormValues['country']);
            touch('country');
          }}
          error={errors.country}
          required
          searchable
          allowDeselect={false}
        />
      </SimpleGrid>
    </FormSection>
  );
}, sameDataProps);

export const workFields = ['agency', 'position', 'email', 'phone'] as const;
export const WorkSection = memo(function WorkSection(p: SectionProps<(typeof workFields)[number]>) {
  const { t } = useI18n();
  return (
    <FormSection title={t('form.section.work')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('field.agency')} {...textProps('agency', p)} />
        <TextInput label={t('field.position')} {...textProps('position', p)} />
        <TextInput label={t('field.email')} type="email" autoComplete="off" {...textProps('email', p)} />
        <TextInput label={t('field.phone')} type="tel" autoComplete="off" {...textProps('phone', p)} />
      </SimpleGrid>
    </FormSection>
  );
}, sameDataProps);

export const skillsFields = ['expertise', 'languages'] as const;
export const SkillsSection = memo(function SkillsSection({ values, errors, set, touch }: SectionProps<(typeof skillsFields)[number]>) {
  const { t } = useI18n();
  const taxonomy = useTaxonomy();
  const expertiseData = useMemo(() => {
    const roots = taxonomy.terms.filter((term) => term.parent === null);
    const groups = roots.map((root) => ({
      group: taxonomy.label(root.id),
      items: taxonomy.terms
        .filter((term) => term.id === root.id || term.id.startsWith(`${root.id}.`))
        .map((term) => ({ value: term.id, label: term.id === root.id ? taxonomy.label(term.id) : taxonomy.path(term.id).slice(1).join(' › ') })),
    }));
    // A stored id the taxonomy no longer has stays selectable, so saving does not drop it.
    const known = new Set(taxonomy.terms.map((term) => term.id));
    const unknown = values.expertise.filter((id) => !known.has(id));
    return unknown.length ? [...groups, { group: '—', items: unknown.map((id) => ({ value: id, label: id })) }] : groups;
  }, [taxonomy, values.expertise]);

  return (
    <FormSection title={t('form.section.skills')}>
      <MultiSelect
        label={t('field.expertise')}
        placeholder={values.expertise.length ? undefined : t('field.expertise.placeholder')}
        data={expertiseData}
        value={values.expertise}
        onChange={(v) => set('expertise', v)}
        onBlur={() => touch('expertise')}
        error={errors.expertise}
        searchable
        clearable
        hidePickedOptions
        maxDropdownHeight={320}
      />
      <Text fw={500} size="sm" mt="xs">
        {t('field.languages')}
      </Text>
      <LanguagesEditor
        value={values.languages}
        onChange={(v) => {
          set('languages', v);
          touch('languages');
        }}
        errors={errors}
      />
    </FormSection>
  );
}, sameDataProps);

export const careerFields = ['careerSummary', 'yearsExperience', 'education'] as const;
export const CareerSection = memo(function CareerSection(p: SectionProps<(typeof careerFields)[number]>) {
  const { t } = useI18n();
  const { values, errors, set, touch } = p;
  return (
    <FormSection title={t('form.section.career')}>
      <Textarea label={t('field.careerSummary')} autosize minRows={3} maxRows={12} {...textProps('careerSummary', p)} />
      <NumberInput
        label={t('field.yearsExperience')}
        value={values.yearsExperience ?? ''}
        onChange={(v) => set('yearsExperience', typeof v === 'number' ? v : null)}
        onBlur={() => touch('yearsExperience')}
        error={errors.yearsExperience}
        allowDecimal={false}
        allowNegative={false}
        min={0}
        max={70}
        maw={220}
      />
      <Text fw={500} size="sm" mt="xs">
        {t('field.education')}
      </Text>
      <EducationEditor
        value={values.education}
        onChange={(v) => {
          set('education', v);
          touch('education');
        }}
        errors={errors}
      />
    </FormSection>
  );
}, sameDataProps);

export const PhotoSection = memo(function PhotoSection({ values, errors, set, name }: SectionProps<'photo'> & { name: string }) {
  const { t } = useI18n();
  return (
    <FormSection title={t('form.section.photo')}>
      <PhotoField value={values.photo} onChange={(p) => set('photo', p)} name={name} error={errors.photo ?? Object.values(errors)[0]} />
    </FormSection>
  );
}, sameDataProps);

export const VisibilitySection = memo(function VisibilitySection({ values, set }: SectionProps<'visibility'>) {
  const { t } = useI18n();
  const id = useId();
  return (
    <FormSection title={t('form.section.visibility')}>
      {profileSections.map((section) => (
        <Group key={section} justify="space-between" wrap="wrap" gap="xs">
          <Text id={`${id}-${section}`} size="sm" fw={500}>
            {t(`expert.section.${section}`)}
          </Text>
          <SegmentedControl
            role="radiogroup"
            aria-labelledby={`${id}-${section}`}
            data-testid={`visibility-${section}`}
            data={visibilityLevels.map((level) => ({ value: level, label: t(`visibility.${level}`) }))}
            value={values.visibility[section]}
            onChange={(level) => set('visibility', { ...values.visibility, [section]: level as VisibilityLevel })}
          />
        </Group>
      ))}
    </FormSection>
  );
}, sameDataProps);

/** On create: items typed here go with experts.create. On edit: the saved portfolio, changed at once. */
export const PortfolioSection = memo(function PortfolioSection({
  expert,
  drafts,
  setDrafts,
  errors,
  touch,
  onReloadExpert,
}: {
  expert?: Expert;
  drafts: PortfolioFields[];
  setDrafts(update: (d: PortfolioFields[]) => PortfolioFields[]): void;
  errors: FieldErrors;
  touch: TouchField;
  onReloadExpert?(): void;
}) {
  const { t } = useI18n();
  const draftId = useId();
  if (expert) {
    return (
      <FormSection title={t('form.section.portfolio')} description={t('portfolio.savedAtOnce')}>
        <PortfolioList expertId={expert.id} items={expert.portfolio} editable onChanged={onReloadExpert} />
      </FormSection>
    );
  }
  return (
    <FormSection title={t('form.section.portfolio')}>
      {drafts.map((draft, i) => (
        <Paper key={i} withBorder p="sm" radius="sm" role="group" aria-labelledby={`${draftId}-${i}`} data-testid="portfolio-draft">
          <Group justify="space-between" mb="xs">
            <Text fw={500} size="sm" id={`${draftId}-${i}`}>
              {t('portfolio.item', { n: i + 1 })}
            </Text>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('field.removeRow', { what: t('portfolio.item', { n: i + 1 }) })}
              onClick={() => setDrafts((d) => d.filter((_, j) => j !== i))}
            >
              <TrashIcon />
            </ActionIcon>
          </Group>
          <PortfolioFieldsEditor
            value={draft}
            onChange={(next) => setDrafts((d) => d.map((x, j) => (j === i ? next : x)))}
            onBlurField={() => touch('portfolio')}
            errors={Object.fromEntries(
              Object.entries(errors)
                .filter(([k]) => k.startsWith(`portfolio.${i}.`))
                .map(([k, v]) => [k.split('.')[2]!, v]),
            )}
          />
        </Paper>
      ))}
      <Group>
        <Button variant="light" leftSection={<PlusIcon />} onClick={() => setDrafts((d) => [...d, emptyPortfolioItem()])}>
          {t('portfolio.add')}
        </Button>
      </Group>
    </FormSection>
  );
}, sameDataProps);
