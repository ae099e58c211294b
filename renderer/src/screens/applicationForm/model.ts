import type { CountryCode } from '../../../../shared/model/countries';
import {
  applicationCreateSchema,
  applicationDefaults,
  declarationKinds,
  type ApplicantType,
  type ApplicationCreate,
  type ApplicationFields,
  type EvidenceKind,
} from '../../../../shared/model/vetting/application';
import type { Locale, Translate } from '../../i18n';
import { parseIn, type FieldErrors } from '../../lib/issues';

/**
 * What the application form edits: the application's own fields (shared/model/vetting), except
 * that a new one starts with no country, nominating state or applicant type chosen, and without
 * what only the secretariat sets (source, import key, matched expert, deletion).
 */
export type ApplicationFormValues = Omit<ApplicationFields, 'country' | 'nominatingCountry' | 'applicantType' | 'source' | 'importKey' | 'matchedExpertId' | 'duplicateMarks' | 'deletedAt'> & {
  country: CountryCode | '';
  nominatingCountry: CountryCode | '';
  applicantType: ApplicantType | '';
};

/** Who fills the form in: a curator entering an application, or the applicant at the kiosk. */
export type FormMode = 'curator' | 'kiosk';

export function newApplicationValues(): ApplicationFormValues {
  const { importKey: _i, matchedExpertId: _m, duplicateMarks: _dm, deletedAt: _d, ...rest } = applicationDefaults;
  return { ...rest, declarations: { ...rest.declarations }, givenName: '', country: '', nominatingCountry: '', applicantType: '' };
}

/** The evidence an applicant of this type is asked for first (ACCSM: publications for academics). */
export const firstEvidenceKind = (type: ApplicantType | ''): EvidenceKind => (type === 'academic' ? 'publication' : 'certificate');

type ApplicationValidation = { ok: true; fields: ApplicationCreate; errors: FieldErrors } | { ok: false; errors: FieldErrors };

/**
 * The shared schema, run in the browser for instant messages (the core runs it again). At the
 * kiosk the applicant signs every declaration to send; a curator entering a paper application
 * records only the signatures the paper carries.
 */
export function validateApplication(values: ApplicationFormValues, mode: FormMode, t: Translate, locale: Locale): ApplicationValidation {
  const parsed = parseIn(applicationCreateSchema, { ...values, source: mode }, locale, t);
  const errors: FieldErrors = { ...parsed.errors };
  if (!values.applicantType) errors.applicantType = t('application.validation.applicantType');
  if (!values.nominatingCountry) errors.nominatingCountry = t('application.validation.nominatingCountry');
  if (mode === 'kiosk') {
    for (const kind of declarationKinds) {
      if (!values.declarations[kind]?.signedName.trim()) errors[`declarations.${kind}`] = t('application.validation.sign');
    }
  }
  for (const kind of declarationKinds) {
    const key = `declarations.${kind}.signedName`;
    if (errors[key]) {
      errors[`declarations.${kind}`] ??= errors[key];
      delete errors[key];
    }
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, fields: parsed.data, errors };
}
