import { layoutPdf } from '../../documents';
import { readReport as readStoredReport } from '../reports/read';
import type { ReportLang } from './build/texts';
import { readSources } from './read';
import { chosen, citedInterviews, oneDocument, type ReportsExportDeps } from './service';

/**
 * The Preview tab's document (issue 8 point 7): one case study or story laid out as its PDF
 * export would be — the same reading, builders and renderer (service.ts) — but handed back
 * rather than written anywhere. The export's consent rules do not refuse a preview: a curator
 * needs to see a story while recording its consent (the screen says the export is blocked).
 * What they protect still holds, because it is the builders' doing: an anonymised story shows
 * neither the beneficiary's name nor a photo here either.
 */

export interface ReportPreview {
  bytes: Buffer;
  pages: number;
  /** When the preview was made, and when the record it was made from last changed (ms). */
  madeAt: number;
  recordUpdatedAt: number;
}

export async function previewReport(deps: ReportsExportDeps, input: { id: string; lang: ReportLang }): Promise<ReportPreview> {
  const [item] = chosen(deps, { mode: 'one', id: input.id, format: 'pdf', lang: input.lang });
  const sources = await readSources(deps.db, [item!], deps.taxonomy, citedInterviews(deps, [item!]));
  const { bytes, pages } = await layoutPdf(oneDocument(item!, sources, input.lang));
  return { bytes, pages, madeAt: deps.now(), recordUpdatedAt: readStoredReport(deps.db, input.id)?.updatedAt ?? deps.now() };
}
