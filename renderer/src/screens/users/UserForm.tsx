import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { UserRecord, userFieldsInputSchema } from '../../../../shared/contract/vetting';
import { countryCodes, type CountryCode } from '../../../../shared/model/countries';
import { roles, type Role } from '../../../../shared/sync/protocol';
import { countryName, useI18n, type Translate } from '../../i18n';
import { useTaxonomy } from '../../taxonomy/TaxonomyProvider';

/** What users.save and profile.create take (contract userFieldsInputSchema), every field given. */
export type UserFields = z.output<typeof userFieldsInputSchema>;

export const emptyUser = (role: Role = 'curator'): UserFields => ({ name: '', email: '', role, country: null, agency: '', expertise: [], declaredConflicts: [], disabled: false });

export const fieldsOf = (u: UserRecord): UserFields => ({
  name: u.name,
  email: u.email,
  role: u.role,
  country: u.country,
  agency: u.agency,
  expertise: u.expertise,
  declaredConflicts: u.declaredConflicts,
  disabled: u.disabled,
});

// The same rules as the contract (userFieldsInputSchema), said in the curator's language before anything is sent.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function userProblems(v: UserFields, t: Translate): Partial<Record<keyof UserFields, string>> {
  const out: Partial<Record<keyof UserFields, string>> = {};
  if (!v.name.trim()) out.name = t('oversight.user.nameRequired');
  else if (v.name.trim().length > 200) out.name = t('validation.maxLength', { max: 200 });
  if (v.email.trim() && !EMAIL.test(v.email.trim())) out.email = t('validation.email');
  if (v.agency.trim().length > 200) out.agency = t('validation.maxLength', { max: 200 });
  return out;
}

/**
 * A user's fields. `short` (the first-start profile) asks only who the curator is; the
 * reviewer pool also needs expertise, declared conflicts and whether the account is in use.
 */
export function UserForm({ initial, short, busy, submitLabel, onSubmit, onCancel }: { initial: UserFields; short?: boolean; busy: boolean; submitLabel: string; onSubmit(fields: UserFields): void; onCancel?(): void }) {
  const { t, locale } = useI18n();
  const taxonomy = useTaxonomy();
  const [values, setValues] = useState(initial);
  const [tried, setTried] = useState(false);
  const problems = tried ? userProblems(values, t) : {};
  const set = <K extends keyof UserFields>(key: K, value: UserFields[K]) => setValues((v) => ({ ...v, [key]: value }));

  const expertiseData = useMemo(() => {
    const known = new Set(taxonomy.terms.map((term) => term.id));
    const items = taxonomy.terms.map((term) => ({ value: term.id, label: taxonomy.path(term.id).join(' › ') }));
    // A stored id the taxonomy no longer has stays selectable, so saving does not drop it.
    return [...items, ...values.expertise.filter((id) => !known.has(id)).map((id) => ({ value: id, label: id }))];
  }, [taxonomy, values.expertise]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(userProblems(values, t)).length > 0) return;
    onSubmit({ ...values, name: values.name.trim(), email: values.email.trim(), agency: values.agency.trim() });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('oversight.user.name')} required value={values.name} onChange={(e) => set('name', e.currentTarget.value)} error={problems.name} data-autofocus />
          <TextInput label={t('field.email')} type="email" autoComplete="off" value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={problems.email} />
          <Select
            label={t('oversight.user.role')}
            data={roles.map((r) => ({ value: r, label: t(`sync.role.${r}`) }))}
            value={values.role}
            onChange={(v) => v && set('role', v as Role)}
            allowDeselect={false}
          />
          <Select
            label={t('field.country')}
            description={t('oversight.user.country.description')}
            data={countryCodes.map((c) => ({ value: c, label: countryName(locale, c) }))}
            value={values.country}
            onChange={(v) => set('country', (v as CountryCode | null) ?? null)}
            placeholder={t('oversight.user.country.none')}
            searchable
            clearable
          />
        </SimpleGrid>
        <TextInput label={t('field.agency')} value={values.agency} onChange={(e) => set('agency', e.currentTarget.value)} error={problems.agency} />
        {!short && (
          <>
            <MultiSelect
              label={t('field.expertise')}
              description={t('oversight.user.expertise.description')}
              data={expertiseData}
              value={values.expertise}
              onChange={(v) => set('expertise', v.slice(0, 30))}
              searchable
              clearable
              hidePickedOptions
              maxDropdownHeight={260}
            />
            <TagsInput
              label={t('oversight.user.conflicts')}
              description={t('oversight.user.conflicts.description')}
              value={values.declaredConflicts}
              onChange={(v) => set('declaredConflicts', v.slice(0, 20))}
              clearable
            />
            <Switch label={t('oversight.user.disabled')} description={t('oversight.user.disabled.description')} checked={values.disabled} onChange={(e) => set('disabled', e.currentTarget.checked)} />
          </>
        )}
        <Group justify="flex-end" mt="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
