import type { ReportFilters, ReportSummary } from '../../../../shared/contract/reports';
import { countryNames } from '../../../../shared/model/countries';
import { characteristics, dimensions, ratingRank, type Criterion, type RatingValue } from '../../../../shared/model/reports/characteristics';
import { periodOverlaps } from '../../../../shared/model/reports/parts';
import { sectionsOf, type SectionValue } from '../../../../shared/model/reports/sections';
import { completeness } from '../../../../shared/model/reports/words';
import type { Db } from '../../db/open';
import { openCommentCounts } from './comments';
import { fold } from './fold';
import { readAllReports, type StoredReport } from './read';
import { concurrentSectionCounts } from './versions';

/**
 * The list of case studies and stories with its filters. Reports number in the hundreds, not
 * the hundred thousands of experts: one query reads them all and the filters run here. What the
 * list shows from elsewhere — open comments, sections with concurrent versions — comes from one
 * query each, never one per report.
 */

export const criteriaOf = (type: StoredReport['type']): readonly Criterion[] => (type === 'case_study' ? [...characteristics, ...dimensions] : characteristics);

export function ratingsOf(report: StoredReport): ReportSummary['ratings'] {
  const fields = report.fields as unknown as Record<string, RatingValue | null>;
  return Object.fromEntries(criteriaOf(report.type).map((c) => [c, fields[`r_${c}`]?.rating ?? null]));
}

const sectionText = (report: StoredReport, section: string): string => (report.fields as unknown as Record<string, SectionValue | null>)[section]?.text ?? '';

function matchesQuery(report: StoredReport, q: string): boolean {
  const f = report.fields;
  const parts: string[] = [f.title, ...f.countries.map((c) => `${countryNames[c].en} ${countryNames[c].id}`), ...f.quotes.map((x) => `${x.text} ${x.speaker}`)];
  if (report.type === 'case_study') parts.push(report.fields.programme, report.fields.workPlanActivity, report.fields.blueprintObjective);
  else parts.push(report.fields.beneficiaryName, report.fields.beneficiaryDescription);
  for (const s of sectionsOf[report.type]) parts.push(sectionText(report, s));
  return fold(parts.join('\n')).includes(q);
}

export function matchesFilters(report: StoredReport, filters: ReportFilters): boolean {
  if (report.removed !== filters.removed) return false;
  if (filters.type.length && !filters.type.includes(report.type)) return false;
  if (filters.status.length && !filters.status.includes(report.fields.status)) return false;
  if (filters.countries.length && !report.fields.countries.some((c) => filters.countries.includes(c))) return false;
  if ((filters.periodFrom || filters.periodTo) && !periodOverlaps(report.fields, filters.periodFrom, filters.periodTo)) return false;
  if (filters.rating) {
    const rating = ratingsOf(report)[filters.rating.criterion];
    if (!rating || ratingRank(rating) < ratingRank(filters.rating.min)) return false;
  }
  const q = fold(filters.query.trim());
  return !q || matchesQuery(report, q);
}

export function summaryOf(report: StoredReport, concurrent: number, openComments: number): ReportSummary {
  const done = completeness(report.type, (s) => sectionText(report, s));
  return {
    id: report.id,
    type: report.type,
    title: report.fields.title,
    countries: report.fields.countries,
    status: report.fields.status,
    periodStart: report.fields.periodStart,
    periodEnd: report.fields.periodEnd,
    ratings: ratingsOf(report),
    complete: done.complete,
    totalSections: done.total,
    words: done.words,
    concurrentSections: concurrent,
    consent: report.type === 'case_study' || report.fields.consent !== null,
    openComments,
    demo: report.fields.demo,
    updatedAt: report.updatedAt,
  };
}

/** The reports matching the filters, most recently changed first. */
export function listReports(db: Db, filters: ReportFilters): { items: ReportSummary[]; total: number } {
  const reports = readAllReports(db).filter((r) => matchesFilters(r, filters));
  const concurrent = concurrentSectionCounts(db, reports);
  const comments = openCommentCounts(db);
  const items = reports
    .map((r) => summaryOf(r, concurrent.get(r.id) ?? 0, comments.get(r.id) ?? 0))
    .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1));
  return { items, total: items.length };
}
