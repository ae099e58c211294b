import { AppError } from '../../../../shared/contract/result';
import type { ReportFilters } from '../../../../shared/contract/reports';
import { documentMime, renderDocument, type DocumentFormat, type DocumentModel } from '../../documents';
import { fileNamePart } from '../../documents/fileName';
import type { Db } from '../../db/open';
import type { TaxonomyIndex } from '../taxonomy';
import { caseStudyDocument } from './build/caseStudy';
import type { BuildSources } from './build/common';
import { assertExportable } from './build/consent';
import { mtrDocument, type MtrItem } from './build/mtr';
import { storyDocument } from './build/story';
import { reportTexts, type ReportLang } from './build/texts';
import { readInterviews, readMatchingReports, readReport, readSources } from './read';

/**
 * Exports case studies and stories (issue 8 point 6): one document, or an MTR compilation of
 * several — the ids given, in that order, or every live report the filters choose. Everything
 * asked for is checked first (it exists; consent for stories and quotes), so a refusal writes
 * nothing. Used by the core's `reports.export` and by `npm run report` (scripts/report.ts).
 */

export type ReportsExportInput =
  | { mode: 'one'; id: string; format: DocumentFormat; lang: ReportLang }
  | { mode: 'mtr'; ids?: string[] | undefined; filters?: Partial<ReportFilters> | undefined; format: DocumentFormat; lang: ReportLang };

export interface ReportsExportFile {
  fileName: string;
  mime: string;
  bytes: Buffer;
  count: number;
}

export type ReportsProgress = (p: { done: number; total: number; finished: boolean }) => void;

export interface ReportsExportDeps {
  db: Db;
  taxonomy: TaxonomyIndex;
  now: () => number;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

export function chosen(deps: ReportsExportDeps, input: ReportsExportInput): MtrItem[] {
  if (input.mode === 'one' || input.ids) {
    const ids = input.mode === 'one' ? [input.id] : [...new Set(input.ids)];
    return ids.map((id) => {
      const item = readReport(deps.db, id);
      if (!item) throw new AppError('NOT_FOUND', `No case study or story ${id} was found (it may have been removed). Nothing was exported.`);
      return item;
    });
  }
  const items = readMatchingReports(deps.db, input.filters ?? {});
  if (!items.length) throw new AppError('NOT_FOUND', 'No case study or story matches these filters, so there is nothing to compile. Widen the filters and try again. Nothing was exported.');
  return items;
}

/** The interviews the items' quotes cite. */
export const citedInterviews = (deps: ReportsExportDeps, items: readonly MtrItem[]) => readInterviews(deps.db, items.flatMap((i) => i.record.quotes.flatMap((q) => (q.interviewId ? [q.interviewId] : []))));

/** One case study or story as a document, as its export builds it; whether it may be exported is the caller's to check. */
export const oneDocument = (item: MtrItem, sources: BuildSources, lang: ReportLang): DocumentModel =>
  item.type === 'case_study' ? caseStudyDocument(item.record, sources, lang) : storyDocument(item.record, sources, lang);

export async function exportReports(deps: ReportsExportDeps, input: ReportsExportInput, progress: ReportsProgress = () => {}): Promise<ReportsExportFile> {
  const items = chosen(deps, input);
  const interviews = citedInterviews(deps, items);
  assertExportable(
    items.map((i) => ({ id: i.id, type: i.type, title: i.record.title, quotes: i.record.quotes, ...(i.type === 'story' ? { consent: i.record.consent } : {}) })),
    interviews,
  );
  const t = reportTexts[input.lang];
  const mime = documentMime[input.format];
  const total = items.length + 1;
  progress({ done: 0, total, finished: false });
  const sources = await readSources(deps.db, items, deps.taxonomy, interviews);
  await pause();
  if (input.mode === 'one') {
    const item = items[0]!;
    const model = oneDocument(item, sources, input.lang);
    const bytes = await renderDocument(model, input.format);
    progress({ done: total, total, finished: true });
    return { fileName: `${t.fileStem[item.type]}-${fileNamePart(model.title) || item.id.slice(0, 8)}-${input.lang}.${input.format}`, mime, bytes, count: 1 };
  }
  const model = mtrDocument(items, sources, input.lang, deps.now());
  progress({ done: items.length, total, finished: false });
  await pause();
  const bytes = await renderDocument(model, input.format);
  progress({ done: total, total, finished: true });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(deps.now());
  return { fileName: `${t.fileStem.mtr}-${day}-${input.lang}.${input.format}`, mime, bytes, count: items.length };
}
