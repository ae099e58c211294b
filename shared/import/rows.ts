import { expertCreateSchema, type ExpertCreate } from '../model/expert';
import type { CountryCode } from '../model/countries';
import { importedApplicationSchema, importTargetByKey, requiredTargets, type ApplicantType, type ImportedApplication, type ImportTargetKey } from './targets';
import { columnLabel, type ImportMapping } from './mapping';
import { importProblem, type ImportProblem } from './problems';
import type { ImportRow } from './table';
import { memoByList } from '../memo';

/**
 * One sheet row → the applicant's proposed profile (expert fields) and the application's own
 * fields, checked with the same schemas a curator's entry passes, or the row's problems. A row
 * with any problem yields no profile: a half-read applicant is never proposed for writing.
 */

export interface RowOptions {
  /** The member state the sheet comes from (the focal point's), used where a row names none. */
  nominatingCountry?: CountryCode | null;
  /** The applicant type for rows that state none (a sheet of practitioners from one ministry, say). */
  applicantType?: ApplicantType | null;
}

export interface ReadRow {
  profile: ExpertCreate | null;
  application: ImportedApplication | null;
  problems: ImportProblem[];
  /** The mapped cells' text by target, for the import key. */
  values: Record<string, string>;
  email: string;
}

/**
 * Where a field's problem is: the row, and the column mapped to the field (null when none is).
 * A function of the module rather than a closure of readRow, which runs once per sheet row.
 */
function placeOf(row: ImportRow, headers: readonly string[], columnOf: ReadonlyMap<ImportTargetKey, number>, field: ImportTargetKey) {
  return { row: row.number, column: columnOf.has(field) ? columnLabel(headers, columnOf.get(field)!) : null, field };
}

/** Where a problem in the cell of column `i` is. */
function cellPlace(row: ImportRow, headers: readonly string[], i: number, field: ImportTargetKey) {
  return { row: row.number, column: columnLabel(headers, i), field };
}

/**
 * The column each mapped target reads (the last one, should two name it), worked out once per
 * mapping rather than once per row: readRow runs for every row of a sheet with the same mapping.
 */
const columnsOf = memoByList((mapping: readonly (ImportTargetKey | null)[]): ReadonlyMap<ImportTargetKey, number> => {
  const columns = new Map<ImportTargetKey, number>();
  mapping.forEach((target, i) => target && columns.set(target, i));
  return columns;
}, 1);

export function readRow(row: ImportRow, headers: readonly string[], mapping: ImportMapping, options: RowOptions = {}): ReadRow {
  const problems: ImportProblem[] = [];
  const fields: Record<string, unknown> = {};
  const values: Record<string, string> = {};
  const columnOf = columnsOf(mapping);
  for (let i = 0; i < mapping.length; i++) {
    const target = mapping[i];
    if (!target) continue;
    const cell = row.cells[i];
    // The place of a problem in this cell is made only when there is one (most cells have none).
    if (cell !== undefined && typeof cell !== 'string') {
      problems.push(importProblem('FORMULA', cellPlace(row, headers, i, target)));
      continue;
    }
    const text = cell ?? '';
    if (text.trim() === '') continue;
    values[target] = text;
    const parsed = importTargetByKey.get(target)!.parse(text);
    if (!('problem' in parsed)) fields[target] = parsed.value;
    else if (parsed.problem === 'UNKNOWN_VALUE') problems.push(importProblem('UNKNOWN_VALUE', cellPlace(row, headers, i, target), { value: parsed.value, kind: parsed.kind }));
    else problems.push(importProblem('NOT_A_NUMBER', cellPlace(row, headers, i, target), { value: parsed.value }));
  }

  // Where the applicant lives and who nominates them are usually the same state: either fills the other.
  const failed = new Set(problems.map((p) => p.field));
  if (!failed.has('country') && !failed.has('nominatingCountry')) {
    fields.nominatingCountry ??= fields.country ?? options.nominatingCountry ?? undefined;
    fields.country ??= fields.nominatingCountry;
  }
  if (!failed.has('applicantType')) fields.applicantType ??= options.applicantType ?? undefined;
  for (const field of requiredTargets) if (fields[field] === undefined && !failed.has(field)) problems.push(importProblem('MISSING', placeOf(row, headers, columnOf, field)));

  const { applicantType, nominatingCountry, recommenderName, recommenderOrganisation, recommenderBody, ...profileFields } = fields;
  const missing = new Set(problems.map((p) => p.field));
  const profile = expertCreateSchema.safeParse(profileFields);
  const application = importedApplicationSchema.safeParse({
    applicantType,
    nominatingCountry,
    recommenderName: recommenderName ?? '',
    recommenderOrganisation: recommenderOrganisation ?? '',
    recommenderBody: recommenderBody ?? null,
  });
  for (const issues of [profile.error?.issues ?? [], application.error?.issues ?? []]) {
    for (const issue of issues) {
      const field = issue.path[0] as ImportTargetKey;
      // A field already reported (missing, unknown value) is not reported twice.
      if (missing.has(field) || (field === 'nominatingCountry' && missing.has('country'))) continue;
      missing.add(field);
      problems.push(importProblem('INVALID', placeOf(row, headers, columnOf, field), { detail: issue.message }));
    }
  }
  const email = profile.success ? (profile.data.email ?? '') : typeof fields.email === 'string' ? fields.email : '';
  if (problems.length > 0 || !profile.success || !application.success) return { profile: null, application: null, problems, values, email };
  return { profile: profile.data, application: application.data, problems, values, email };
}
