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
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
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
import { useApi } from '../../api/ApiProvider';
import { PlusIcon, TrashIcon } from '../../components/icons';
import { countryName, useI18n } from '../../i18n';
import { serverErrors, type FieldErrors } from '../../lib/issues';
import { useNotify } from '../../lib/notify';
import { useLeaveGuard, useNavigation } from '../../nav/Navigation';
import { emptyPortfolioItem, PortfolioFieldsEditor } from '../../portfolio/PortfolioFieldsEditor';
import { PortfolioList } from '../../portfolio/PortfolioList';
import { useTaxonomy } from '../../taxonomy/TaxonomyProvider';
import { changedFields, validate, type FormValues } from './formModel';
import { PhotoField } from './PhotoField';
import { EducationEditor, LanguagesEditor } from './rowEditors';
import { deepEqual } from '../../lib/equal';

const honorificSuggestions = ['Dr.', 'Prof.', 'Assoc. Prof.', 'Mr.', 'Ms.', 'Mrs.', 'H.E.', 'Dato’', 'Datuk', 'Tan Sri', 'Dato Paduka', 'Pehin', 'Awang', 'Dayang', 'Ir.'];

function FormSection({ title, children, description }: { title: string; children: ReactNode; description?: string }) {
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

/**
 * Create and edit share this form. Messages come from the shared zod schemas as the curator
 * types (after leaving a field, or after the first save attempt), and from the core's
 * `error.issues` when it refuses. An edit sends only the fields that changed.
 */
export function ExpertForm({ initial, expert, onReloadExpert }: { initial: FormValues; expert?: Expert; onReloadExpert?(): void }) {
  const api = useApi();
  const { locale, t } = useI18n();
  const notify = useNotify();
  const taxonomy = useTaxonomy();
  const { navigate } = useNavigation();
  const [baseline] = useState(initial);
  const [values, setValues] = useState<FormValues>(initial);
  const [drafts, setDrafts] = useState<PortfolioFields[]>([]);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [fromServer, setFromServer] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const saved = useRef(false);
  const editing = expert !== undefined;
  const visibilityId = useId();

  const validation = useMemo(() => validate(values, drafts, t), [values, drafts, t]);
  const dirty = !deepEqual(values, baseline) || drafts.length > 0;
  useLeaveGuard(dirty && !saved.current);

  const errorFor = (key: string): string | undefined => {
    if (fromServer[key]) return fromServer[key];
    const top = key.split('.')[0]!;
    return submitted || touched.has(top) ? validation.errors[key] : undefined;
  };
  /** Errors below one field (rows of languages, education, portfolio), keyed as the schema paths are. */
  const errorsUnder = (top: string): FieldErrors =>
    Object.fromEntries(
      [...new Set([...Object.keys(validation.errors), ...Object.keys(fromServer)])]
        .filter((k) => k.startsWith(`${top}.`))
        .map((k) => [k, errorFor(k)])
        .filter((e): e is [string, string] => e[1] !== undefined),
    );

  const touch = (name: string) => setTouched((s) => (s.has(name) ? s : new Set(s).add(name)));
  const set = <K extends keyof FormValues>(name: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    // The core's complaint about a field no longer applies once the curator changes it.
    setFromServer((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== name && !k.startsWith(`${name}.`))));
  };
  const text = (name: 'givenName' | 'familyName' | 'agency' | 'position' | 'email' | 'phone' | 'careerSummary') => ({
    value: values[name],
    onChange: (e: { currentTarget: { value: string } }) => set(name, e.currentTarget.value),
    onBlur: () => touch(name),
    error: errorFor(name),
  });

  const focusFirstError = () =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-expert-form] [aria-invalid="true"]')?.focus());

  const submit = async () => {
    setSubmitted(true);
    if (!validation.ok) {
      notify.failure({ code: 'INVALID_INPUT', message: t('form.invalid.body') }, t('form.invalid'));
      focusFirstError();
      return;
    }
    const name = displayName(validation.fields);
    if (editing) {
      const patch = changedFields(baseline, validation.fields);
      if (Object.keys(patch).length === 0) {
        notify.success(t('form.noChanges'));
        saved.current = true;
        navigate({ screen: 'expert', id: expert.id }, { force: true });
        return;
      }
      setSaving(true);
      const result = await api.call('experts.update', { id: expert.id, patch });
      setSaving(false);
      if (result.ok) {
        saved.current = true;
        notify.success(t('form.saved', { name }));
        navigate({ screen: 'expert', id: expert.id }, { replace: true, force: true });
        return;
      }
      setFromServer(serverErrors(result.error.issues, t, ['patch']));
      notify.failure(result.error);
      focusFirstError();
      return;
    }
    setSaving(true);
    const result = await api.call('experts.create', { expert: validation.fields, portfolio: validation.portfolio });
    setSaving(false);
    if (result.ok) {
      saved.current = true;
      notify.success(t('form.created', { name }));
      navigate({ screen: 'expert', id: result.value.id }, { replace: true, force: true });
      return;
    }
    setFromServer(serverErrors(result.error.issues, t, ['expert']));
    notify.failure(result.error);
    focusFirstError();
  };

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

  const preview = displayName({ givenName: values.givenName, familyName: values.familyName, nameOrder: values.nameOrder });
  const title = editing ? t('form.editTitle', { name: displayName(baseline) }) : t('form.newTitle');

  return (
    <form
      noValidate
      data-expert-form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md" maw={960}>
        <Title order={1} size="h2">
          {title}
        </Title>

        <FormSection title={t('form.section.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('field.givenName')} required {...text('givenName')} autoFocus={!editing} />
            <TextInput label={t('field.familyName')} {...text('familyName')} />
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
            error={errorFor('otherNames') ?? Object.values(errorsUnder('otherNames'))[0]}
            clearable
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Autocomplete
              label={t('field.honorific')}
              description={t('field.honorific.description')}
              data={honorificSuggestions}
              value={values.honorific}
              onChange={(v) => set('honorific', v)}
              onBlur={() => touch('honorific')}
              error={errorFor('honorific')}
            />
            <Select
              label={t('field.gender')}
              data={genders.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
              value={values.gender}
              onChange={(v) => set('gender', v as FormValues['gender'])}
              placeholder={t('gender.unstated')}
              clearable
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <Select
              label={t('field.country')}
              data={countryCodes.map((c) => ({ value: c, label: countryName(locale, c) }))}
              value={values.country || null}
              onChange={(v) => {
                set('country', (v ?? '') as FormValues['country']);
                touch('country');
              }}
              error={errorFor('country')}
              required
              searchable
              allowDeselect={false}
            />
          </SimpleGrid>
        </FormSection>

        <FormSection title={t('form.section.work')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('field.agency')} {...text('agency')} />
            <TextInput label={t('field.position')} {...text('position')} />
            <TextInput label={t('field.email')} type="email" autoComplete="off" {...text('email')} />
            <TextInput label={t('field.phone')} type="tel" autoComplete="off" {...text('phone')} />
          </SimpleGrid>
        </FormSection>

        <FormSection title={t('form.section.skills')}>
          <MultiSelect
            label={t('field.expertise')}
            placeholder={values.expertise.length ? undefined : t('field.expertise.placeholder')}
            data={expertiseData}
            value={values.expertise}
            onChange={(v) => set('expertise', v)}
            onBlur={() => touch('expertise')}
            error={errorFor('expertise')}
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
            errors={errorsUnder('languages')}
          />
        </FormSection>

        <FormSection title={t('form.section.career')}>
          <Textarea label={t('field.careerSummary')} autosize minRows={3} maxRows={12} {...text('careerSummary')} />
          <NumberInput
            label={t('field.yearsExperience')}
            value={values.yearsExperience ?? ''}
            onChange={(v) => set('yearsExperience', typeof v === 'number' ? v : null)}
            onBlur={() => touch('yearsExperience')}
            error={errorFor('yearsExperience')}
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
            errors={errorsUnder('education')}
          />
        </FormSection>

        <FormSection title={t('form.section.photo')}>
          <PhotoField value={values.photo} onChange={(p) => set('photo', p)} name={preview} error={errorFor('photo') ?? errorsUnder('photo')['photo.hash']} />
        </FormSection>

        <FormSection title={t('form.section.visibility')}>
          {profileSections.map((section) => (
            <Group key={section} justify="space-between" wrap="wrap" gap="xs">
              <Text id={`${visibilityId}-${section}`} size="sm" fw={500}>
                {t(`expert.section.${section}`)}
              </Text>
              <SegmentedControl
                role="radiogroup"
                aria-labelledby={`${visibilityId}-${section}`}
                data-testid={`visibility-${section}`}
                data={visibilityLevels.map((level) => ({ value: level, label: t(`visibility.${level}`) }))}
                value={values.visibility[section]}
                onChange={(level) => set('visibility', { ...values.visibility, [section]: level as VisibilityLevel })}
              />
            </Group>
          ))}
        </FormSection>

        <FormSection title={t('form.section.portfolio')} description={editing ? t('portfolio.savedAtOnce') : undefined}>
          {editing ? (
            <PortfolioList expertId={expert.id} items={expert.portfolio} editable onChanged={onReloadExpert} />
          ) : (
            <>
              {drafts.map((draft, i) => (
                <Paper key={i} withBorder p="sm" radius="sm" data-testid="portfolio-draft">
                  <Group justify="space-between" mb="xs">
                    <Text fw={500} size="sm">
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
                    errors={Object.fromEntries(Object.entries(errorsUnder('portfolio')).filter(([k]) => k.startsWith(`portfolio.${i}.`)).map(([k, v]) => [k.split('.')[2]!, v]))}
                  />
                </Paper>
              ))}
              <Group>
                <Button variant="light" leftSection={<PlusIcon />} onClick={() => setDrafts((d) => [...d, emptyPortfolioItem()])}>
                  {t('portfolio.add')}
                </Button>
              </Group>
            </>
          )}
        </FormSection>

        <Paper withBorder radius="md" p="sm" pos="sticky" bottom={8} style={{ zIndex: 5 }} shadow="sm">
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(editing ? { screen: 'expert', id: expert.id } : { screen: 'directory' })}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {editing ? t('form.save') : t('form.create')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </form>
  );
}
