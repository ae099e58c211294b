import type { ParsedInput } from '../../../../shared/contract/methods';
import type { ReportDetail } from '../../../../shared/contract/reports';
import { AppError } from '../../../../shared/contract/result';
import { canonicalJson } from '../../../../shared/canonical';
import { ratingField } from '../../../../shared/model/reports/characteristics';
import { ratingsFromTable } from '../../../../shared/model/reports/ratings-import';
import { decodeBase64 } from '../attachments';
import { readImportFile } from '../import/read';
import { requireWriter, type ReportsContext } from './context';
import { detailOf } from './detail';
import { readReport, type StoredReport } from './read';
import { requireReport } from './write';

/**
 * An evaluation sheet into a report's ratings: read with the bulk import's reader (its limits
 * and its refusals), checked whole, then written as one change of the ratings that differ.
 * Any problem refuses the whole sheet with every problem listed; nothing is written. A dry run
 * answers the report as the import would leave it and writes nothing.
 */
export async function importRatings(ctx: ReportsContext, input: ParsedInput<'reports.importRatings'>): Promise<ReportDetail> {
  const report = requireReport(ctx, input.id);
  const who = requireWriter(ctx, report.type, report.fields);
  let bytes: Buffer;
  try {
    bytes = decodeBase64(input.dataBase64);
  } catch {
    throw new AppError('IMPORT_UNREADABLE', 'The file could not be read. Choose it again; nothing was imported.');
  }
  const table = await readImportFile(bytes);
  const read = ratingsFromTable(report.type, table);
  if (!read.ok) {
    const first = read.problems.find((p) => p.code === 'UNKNOWN_CHARACTERISTIC') ?? read.problems[0]!;
    const more = read.problems.length > 1 ? ` (and ${read.problems.length - 1} more problem${read.problems.length > 2 ? 's' : ''})` : '';
    const todo =
      first.code === 'UNKNOWN_CHARACTERISTIC'
        ? 'Use the five characteristics (people, inclusive, sustainable, resilient, dynamic), for case studies also the four dimensions (effectiveness, success, ease, replicability), and the ratings not evident, emerging, evident or strong.'
        : 'Correct the sheet and import it again.';
    throw new AppError(
      first.code,
      `${first.message}${more} Nothing was imported. ${todo}`,
      read.problems.map((p) => ({ path: ['row', p.row], message: p.message })),
      first.name !== undefined ? { name: first.name, row: first.row } : { row: first.row },
    );
  }
  const fields = report.fields as unknown as Record<string, unknown>;
  const changed: Record<string, unknown> = {};
  for (const [criterion, value] of Object.entries(read.ratings)) {
    const field = ratingField(criterion as Parameters<typeof ratingField>[0]);
    if (canonicalJson(value) !== canonicalJson(fields[field])) changed[field] = value;
  }
  if (Object.keys(changed).length === 0) return detailOf(ctx, report);
  // The preview: the report as the import would leave it, read from the same checks, nothing written.
  if (input.dryRun) return detailOf(ctx, { ...report, fields: { ...report.fields, ...changed } } as StoredReport);
  ctx.funnel.write(who.id, [{ entity: report.type, id: report.id, fields: changed }]);
  ctx.changed(report.type);
  return detailOf(ctx, readReport(ctx.db, report.id)!);
}
