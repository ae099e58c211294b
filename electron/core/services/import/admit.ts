import { importProblem, type ImportProblem } from '../../../../shared/import/problems';
import type { ImportPreview, PreviewStatus } from '../../../../shared/import/preview';
import type { ImportTable } from '../../../../shared/import/table';
import { cellText } from '../../../../shared/import/table';
import { inKeyOrder } from '../../changes/canonical';
import { canEditApplication, type Actor } from '../../../../shared/model/vetting/roles';

/**
 * The write side's verdict on each previewed row. A `new` row is admitted only when who acts
 * may create its application (roles.ts canEditApplication: a focal point only for their own
 * member state; any other row is OUT_OF_SCOPE). Its fields were checked by the reader with the
 * application entity's own schemas (shared/import/rows.ts: the expert's for the profile, the
 * application's for the rest), so they are written as read, with the import's source and key.
 * A row that is not admitted carries its problems and nothing of it is ever written.
 */

export interface AdmittedRow {
  row: number;
  /** The applicant's name as the sheet writes it, for the report (may be empty). */
  name: string;
  status: PreviewStatus;
  importKey: string;
  problems: ImportProblem[];
  /** The application's fields, for an admitted `new` row only. */
  fields: Record<string, unknown> | null;
}

export function admitRows(table: ImportTable, preview: ImportPreview, who: Actor): AdmittedRow[] {
  const nameOf = nameReader(preview.mapping);
  const cellsOf = new Map(table.rows.map((r) => [r.number, r.cells]));
  return preview.rows.map((r): AdmittedRow => {
    const name = nameOf(cellsOf.get(r.row) ?? []);
    const base = { row: r.row, name, importKey: r.importKey };
    if (r.status !== 'new' || !r.profile || !r.application) return { ...base, status: r.status, problems: r.problems, fields: null };
    const nominating = r.application.nominatingCountry;
    if (!canEditApplication(who, { nominatingCountry: nominating })) {
      const problem = importProblem('OUT_OF_SCOPE', { row: r.row, column: null, field: 'nominatingCountry' }, { country: nominating, own: who.country ?? '' });
      return { ...base, status: 'problems', problems: [problem], fields: null };
    }
    // In sorted key order: the funnel writes them as canonical JSON, natively for such a value (changes/canonical.ts).
    return { ...base, status: 'new', problems: [], fields: inKeyOrder({ ...r.profile, ...r.application, source: 'import', importKey: r.importKey }) };
  });
}

/** Counts of the preview's summary, after the write side's verdicts. */
export function summarise(rows: readonly AdmittedRow[]): ImportPreview['summary'] {
  const count = (s: PreviewStatus) => rows.filter((r) => r.status === s).length;
  return { rows: rows.length, new: count('new'), alreadyImported: count('already_imported'), withProblems: count('problems'), problems: rows.reduce((n, r) => n + r.problems.length, 0) };
}

/** "Honorific Given Family" from the columns mapped to those fields. */
function nameReader(mapping: ImportPreview['mapping']): (cells: ImportTable['rows'][number]['cells']) => string {
  const at = (field: string) => mapping.indexOf(field as never);
  const columns = [at('honorific'), at('givenName'), at('familyName')].filter((i) => i >= 0);
  return (cells) =>
    columns
      .map((i) => cellText(cells[i]).trim())
      .filter(Boolean)
      .join(' ')
      .slice(0, 200);
}
