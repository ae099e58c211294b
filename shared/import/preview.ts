import type { ExpertCreate } from '../model/expert';
import { importKey } from './key';
import { checkMapping, suggestMapping, type ImportMapping } from './mapping';
import { importProblem, type ImportProblem } from './problems';
import { readRow, type RowOptions } from './rows';
import type { ImportTable } from './table';
import type { ImportedApplication } from './targets';

/**
 * The dry run of an import: every row read and checked, with its import key and what an import
 * would do with it, and nothing written. A row is `already_imported` when its key is in the
 * caller's set (the keys of applications already in the database), `problems` when it cannot be
 * imported as it is, `new` otherwise. Two rows of the same file with one key: the later one is a
 * problem (DUPLICATE_IN_FILE), so re-importing a file, or a file listing someone twice, adds each
 * applicant once.
 */

export type PreviewStatus = 'new' | 'already_imported' | 'problems';

export interface PreviewRow {
  row: number;
  importKey: string;
  status: PreviewStatus;
  problems: ImportProblem[];
  /** Present only for a `new` row: what would be written. */
  profile: ExpertCreate | null;
  application: ImportedApplication | null;
}

export interface ImportPreview {
  format: ImportTable['format'];
  encoding: string | null;
  sheetName: string | null;
  headers: string[];
  mapping: ImportMapping;
  rows: PreviewRow[];
  summary: { rows: number; new: number; alreadyImported: number; withProblems: number; problems: number };
}

export interface PreviewOptions extends RowOptions {
  /** The curator's mapping; the suggested one when absent. */
  mapping?: readonly (string | null)[] | null;
  /** Import keys already in the database. */
  existingKeys?: ReadonlySet<string>;
}

export function previewImport(table: ImportTable, options: PreviewOptions = {}): ImportPreview {
  const mapping = options.mapping ? checkMapping(table.headers, options.mapping) : suggestMapping(table.headers);
  const existing = options.existingKeys ?? new Set<string>();
  const firstRowOfKey = new Map<string, number>();
  const rows = table.rows.map((r): PreviewRow => {
    const read = readRow(r, table.headers, mapping, options);
    const key = importKey(read.email, read.values);
    if (existing.has(key)) return { row: r.number, importKey: key, status: 'already_imported', problems: [], profile: null, application: null };
    const first = firstRowOfKey.get(key);
    const problems = [...read.problems];
    if (first === undefined) firstRowOfKey.set(key, r.number);
    else problems.push(importProblem('DUPLICATE_IN_FILE', { row: r.number, column: null, field: null }, { first }));
    return problems.length > 0
      ? { row: r.number, importKey: key, status: 'problems', problems, profile: null, application: null }
      : { row: r.number, importKey: key, status: 'new', problems, profile: read.profile, application: read.application };
  });
  const count = (s: PreviewStatus) => rows.filter((r) => r.status === s).length;
  return {
    format: table.format,
    encoding: table.encoding,
    sheetName: table.sheetName,
    headers: table.headers,
    mapping,
    rows,
    summary: {
      rows: rows.length,
      new: count('new'),
      alreadyImported: count('already_imported'),
      withProblems: count('problems'),
      problems: rows.reduce((n, r) => n + r.problems.length, 0),
    },
  };
}
