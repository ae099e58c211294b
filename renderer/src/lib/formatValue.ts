import type { MessageKey } from '../i18n';
import { countryName, formatDateTime, languageName, type Locale, type Translate } from '../i18n';

interface Context {
  locale: Locale;
  t: Translate;
  termLabel(id: string): string;
}

const fieldLabels: Record<string, MessageKey> = {
  givenName: 'field.givenName',
  familyName: 'field.familyName',
  nameOrder: 'field.nameOrder',
  otherNames: 'field.otherNames',
  honorific: 'field.honorific',
  gender: 'field.gender',
  country: 'field.country',
  agency: 'field.agency',
  position: 'field.position',
  email: 'field.email',
  phone: 'field.phone',
  languages: 'field.languages',
  expertise: 'field.expertise',
  careerSummary: 'field.careerSummary',
  yearsExperience: 'field.yearsExperience',
  education: 'field.education',
  photo: 'field.photo',
  visibility: 'field.visibility',
  status: 'field.status',
  statusReason: 'field.statusReason',
  deletedAt: 'field.deleted',
  demo: 'field.demo',
};

const portfolioLabels: Record<string, MessageKey> = {
  kind: 'portfolio.field.kind',
  title: 'portfolio.field.title',
  year: 'portfolio.field.year',
  description: 'portfolio.field.description',
  link: 'portfolio.field.link',
  deletedAt: 'field.deleted',
};

export function fieldLabel(entity: 'expert' | 'portfolio', field: string, t: Translate): string {
  const key = (entity === 'portfolio' ? portfolioLabels : fieldLabels)[field];
  return key ? t(key) : field;
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A stored field value as a curator reads it: names for codes, labels for terms, dates for times. */
export function formatFieldValue(field: string, value: unknown, ctx: Context): string {
  const { locale, t } = ctx;
  if (isEmpty(value)) return t('common.empty');
  const asRecord = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
  switch (field) {
    case 'country':
      return countryName(locale, String(value));
    case 'nameOrder':
      return t(`nameOrder.${value as 'given-family'}`);
    case 'gender':
      return t(`gender.${value as 'female'}`);
    case 'status':
      return t(`status.${value as 'active'}`);
    case 'kind':
      return t(`portfolio.kind.${value as 'publication'}`);
    case 'languages':
      return (value as unknown[])
        .map((l) => `${languageName(locale, String(asRecord(l).code))} (${t(`proficiency.${asRecord(l).proficiency as 'basic'}`)})`)
        .join(', ');
    case 'expertise':
      return (value as unknown[]).map((id) => ctx.termLabel(String(id))).join(', ');
    case 'education':
      return (value as unknown[])
        .map((e) => {
          const r = asRecord(e);
          return [r.qualification, r.institution, r.year].filter((x) => x !== null && x !== '' && x !== undefined).join(', ');
        })
        .join('; ');
    case 'visibility':
      return Object.entries(asRecord(value))
        .map(([section, level]) => `${t(`expert.section.${section as 'contact'}`)}: ${t(`visibility.${level as 'public'}`)}`)
        .join('; ');
    case 'photo':
      return `${String(asRecord(value).mime ?? '')} · ${String(asRecord(value).hash ?? '').slice(0, 10)}…`;
    case 'deletedAt':
      return typeof value === 'number' ? formatDateTime(locale, value) : String(value);
  }
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
