import type { ImportTargetKey } from './targets';
import type { ValueKind } from './values';

/**
 * A row's problems, as the preview lists them: where (the sheet's row number and column), what
 * (a stable code and its values), and an English sentence saying what to do. The renderer
 * shows the same sentence in Bahasa Indonesia from its dictionary (keys `import.problem.<code>`,
 * `import.target.<key>`, `import.kind.<kind>`, which a test keeps equal to the templates here);
 * `detail` of INVALID is a schema sentence, translated like any field message.
 */

export const importProblemCodes = ['MISSING', 'INVALID', 'UNKNOWN_VALUE', 'NOT_A_NUMBER', 'FORMULA', 'DUPLICATE_IN_FILE', 'OUT_OF_SCOPE'] as const;
export type ImportProblemCode = (typeof importProblemCodes)[number];

export const importProblemTemplates: Record<ImportProblemCode, string> = {
  MISSING: 'Row {row}: {field} is missing. Fill it in, or leave the row out.',
  INVALID: 'Row {row}, column {column} ({field}): {detail}',
  UNKNOWN_VALUE: 'Row {row}, column {column}: “{value}” is not {kind} the app knows. Correct the cell.',
  NOT_A_NUMBER: 'Row {row}, column {column}: “{value}” is not a whole number of years. Write a number such as 12.',
  FORMULA: 'Row {row}, column {column} holds a formula, not a value, so the row is not imported. Replace the formula with its value (copy, then paste values) and import again.',
  DUPLICATE_IN_FILE: 'Row {row} repeats the applicant of row {first} (the same e-mail address, or the same details). Only row {first} is imported; remove or correct the repeat.',
  // Written by the import (electron/core/services/import/admit.ts) for a focal point: roles.ts canEditApplication.
  OUT_OF_SCOPE: 'Row {row}: the applicant is nominated by {country}, and a focal point imports only the nominations of their own member state ({own}). Leave the row out, or ask the secretariat to import it.',
};

export const importTargetLabels: Record<ImportTargetKey, string> = {
  givenName: 'Given name',
  familyName: 'Family name',
  nameOrder: 'Name order',
  otherNames: 'Other names',
  honorific: 'Honorific',
  gender: 'Gender',
  country: 'Country',
  agency: 'Agency',
  position: 'Position',
  email: 'E-mail',
  phone: 'Phone',
  languages: 'Languages',
  expertise: 'Expertise',
  careerSummary: 'Career summary',
  yearsExperience: 'Years of experience',
  applicantType: 'Applicant type',
  nominatingCountry: 'Nominating country',
  recommenderName: 'Recommender',
  recommenderOrganisation: 'Recommender’s organisation',
  recommenderBody: 'Recommender’s body type',
};

export const valueKindLabels: Record<ValueKind, string> = {
  COUNTRY: 'an ASEAN member state',
  GENDER: 'a gender',
  NAME_ORDER: 'a name order',
  LANGUAGE: 'a language',
  PROFICIENCY: 'a language level',
  APPLICANT_TYPE: 'an applicant type (academic, practitioner or both)',
  RECOMMENDER_BODY: 'a kind of body (government, professional or other)',
};

export interface ImportProblem {
  /** The row number as the sheet shows it. */
  row: number;
  /** Column letter and header, e.g. `C (Surel)`; null when no column holds the field. */
  column: string | null;
  field: ImportTargetKey | null;
  code: ImportProblemCode;
  /** The template's values; `field` and `kind` hold keys (translated by the renderer), the rest is shown as is. */
  vars: Record<string, string | number>;
  /** The English sentence. */
  message: string;
}

export const fillTemplate = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all));

export function importProblem(code: ImportProblemCode, at: { row: number; column: string | null; field: ImportTargetKey | null }, vars: Record<string, string | number> = {}): ImportProblem {
  const all = { row: at.row, column: at.column ?? '', ...(at.field ? { field: at.field } : {}), ...vars };
  const english = {
    ...all,
    ...(at.field ? { field: importTargetLabels[at.field] } : {}),
    ...(typeof vars.kind === 'string' ? { kind: valueKindLabels[vars.kind as ValueKind] } : {}),
  };
  return { ...at, code, vars: all, message: fillTemplate(importProblemTemplates[code], english) };
}
