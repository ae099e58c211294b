import {
  defaultVisibility,
  expertDefaults,
  expertFieldNames,
  expertFieldsSchema,
  portfolioFieldsSchema,
  type Expert,
  type ExpertFields,
  type ExpertPatch,
  type PortfolioFields,
} from '../../../../shared/model/expert';
import type { CountryCode } from '../../../../shared/model/countries';
import type { Locale, Translate } from '../../i18n';
import { deepEqual } from '../../lib/equal';
import { parseIn, type FieldErrors } from '../../lib/issues';

/** The form edits ExpertFields, except that a new record starts with no country chosen. */
export type FormValues = Omit<ExpertFields, 'country'> & { country: CountryCode | '' };

export const newExpertValues = (): FormValues => ({
  ...expertDefaults,
  visibility: { ...defaultVisibility },
  givenName: '',
  country: '',
});

export function fieldsOf(expert: Expert): FormValues {
  return Object.fromEntries(expertFieldNames.map((name) => [name, expert[name]])) as FormValues;
}

export type Validation =
  | { ok: true; fields: ExpertFields; portfolio: PortfolioFields[]; errors: FieldErrors }
  | { ok: false; errors: FieldErrors };

/** The shared zod schemas, run in the browser for instant messages; the core runs them again. */
export function validate(values: FormValues, portfolio: PortfolioFields[], t: Translate, locale: Locale): Validation {
  const parsed = parseIn(expertFieldsSchema, values, locale, t);
  const errors: FieldErrors = { ...parsed.errors };
  const items: PortfolioFields[] = [];
  portfolio.forEach((item, i) => {
    const p = parseIn(portfolioFieldsSchema, item, locale, t, ['portfolio', i]);
    if (p.ok) items.push(p.data);
    else Object.assign(errors, p.errors);
  });
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, fields: parsed.data, portfolio: items, errors };
}

/** Only the fields that differ from the record as loaded: an update never resends what it did not change. */
export function changedFields(before: FormValues, after: ExpertFields): ExpertPatch {
  const patch: Record<string, unknown> = {};
  for (const name of expertFieldNames) {
    if (!deepEqual(before[name], after[name])) patch[name] = after[name];
  }
  return patch as ExpertPatch;
}
