import type { ImportFileInput, ImportPreviewOut } from '../../../../shared/contract/import';
import { AppError } from '../../../../shared/contract/result';
import { suggestMapping } from '../../../../shared/import/mapping';
import { previewImport, type ImportPreview } from '../../../../shared/import/preview';
import type { ImportTable } from '../../../../shared/import/table';
import type { CountryCode } from '../../../../shared/model/countries';
import type { ApplicantType } from '../../../../shared/import/targets';
import type { VettingActor, VettingContext } from '../vetting/context';
import { admitRows, summarise, type AdmittedRow } from './admit';
import { existingImportKeys } from './existing';
import { readImportFile } from './read';

/** Rows of the sheet the preview shows as they are, and most rows with problems it lists. */
export const PREVIEW_SAMPLE_ROWS = 20;
export const PREVIEW_PROBLEM_ROWS = 1000;

export interface Analysis {
  who: VettingActor;
  table: ImportTable;
  preview: ImportPreview;
  rows: AdmittedRow[];
}

type Options = Pick<ImportFileInput, 'dataBase64'> & {
  mapping?: ImportFileInput['mapping'];
  nominatingCountry?: CountryCode | null;
  applicantType?: ApplicantType | null;
};

/**
 * Everything an import decides before it writes: who acts (and whether they may import at
 * all), the sheet read from its bytes, each row read with the mapping, checked against the
 * import keys already held, and admitted or not (admit.ts). Writes nothing; read errors are
 * the reader's AppErrors (IMPORT_*), so a file that cannot be read writes nothing either.
 */
export async function analyseImport(ctx: VettingContext, input: Options): Promise<Analysis> {
  const who = ctx.requireActor();
  if (who.role === 'reviewer') {
    throw new AppError('NOT_ALLOWED', 'A reviewer cannot import applications; curators, administrators and focal points can. Nothing was imported. Ask the secretariat to import the sheet.');
  }
  const table = await readImportFile(Buffer.from(input.dataBase64, 'base64'));
  // A focal point's sheet nominates their own member state unless a row says otherwise.
  const ownCountry = who.role === 'focal_point' ? (who.country as CountryCode | null) : null;
  const preview = previewImport(table, {
    mapping: input.mapping ?? null,
    existingKeys: existingImportKeys(ctx.db),
    nominatingCountry: input.nominatingCountry ?? ownCountry,
    applicantType: input.applicantType ?? null,
  });
  return { who, table, preview, rows: admitRows(table, preview, who) };
}

/** The preview as the contract answers it: the first rows as they are, and every row's problems. */
export function previewOut(fileName: string, a: Analysis): ImportPreviewOut {
  const byRow = new Map(a.rows.map((r) => [r.row, r]));
  return {
    fileName,
    format: a.table.format,
    encoding: a.table.encoding,
    sheetName: a.table.sheetName,
    headers: a.table.headers,
    mapping: a.preview.mapping,
    suggested: suggestMapping(a.table.headers),
    sample: a.table.rows.slice(0, PREVIEW_SAMPLE_ROWS).map((r) => {
      const verdict = byRow.get(r.number)!;
      return { row: r.number, cells: r.cells.map((c) => (typeof c === 'string' ? c : `=${c.formula}`)), status: verdict.status, problems: verdict.problems };
    }),
    problemRows: a.rows
      .filter((r) => r.status === 'problems')
      .slice(0, PREVIEW_PROBLEM_ROWS)
      .map((r) => ({ row: r.row, name: r.name, problems: r.problems })),
    summary: summarise(a.rows),
  };
}
