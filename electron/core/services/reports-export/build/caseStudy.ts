import type { CaseStudyFields, Indicator } from '../../../../../shared/model/reports/caseStudy';
import { caseStudySections, type CaseStudySection } from '../../../../../shared/model/reports/sections';
import { barValue, type Block, type DocumentModel } from '../../../documents/model';
import { context, countriesText, expertiseText, expertsText, heading, metaTable, paragraphs, periodText, photoBlocks, quoteBlock, type BuildContext, type BuildSources } from './common';
import { figureBlocks } from './figures';
import { ratingBlocks } from './ratings';
import type { ReportLang } from './texts';

/**
 * A case study as a document: its particulars, the sections in order — each followed by its
 * quotes (cited to their interviews) and figures (with their source notes), the results by the
 * indicators —, the photos, and the matrix of the five characteristics and four dimensions.
 * Empty sections are left out. Pure: the record and its sources in, a DocumentModel out.
 */

export function caseStudyBlocks(r: CaseStudyFields, c: BuildContext): Block[] {
  const m = c.t.meta;
  const interviews = r.interviewIds.map((id) => c.src.interviews.get(id)).filter((i) => i && i.deletedAt == null);
  const blocks: Block[] = [
    metaTable([
      [m.countries, countriesText(r.countries, c)],
      [m.programme, r.programme || c.t.none],
      [m.workPlanActivity, r.workPlanActivity || c.t.none],
      [m.blueprintObjective, r.blueprintObjective || c.t.none],
      [m.period, periodText(r.periodStart, r.periodEnd, c)],
      [m.experts, expertsText(r.expertIds, c)],
      [m.expertise, expertiseText(r.expertise, c)],
      ...(interviews.length ? [[m.interviews, interviews.map((i) => [i!.name, i!.organisation].filter(Boolean).join(', ')).join('; ')] as [string, string]] : []),
      [m.status, c.t.statuses[r.status]],
    ]),
  ];
  const known = new Set<string>(caseStudySections);
  const strayFigures = r.figures.filter((f) => !known.has(f.section));
  for (const s of caseStudySections) {
    const text = r[s]?.text ?? '';
    const quotes = r.quotes.filter((q) => q.section === s);
    const figures = [...r.figures.filter((f) => f.section === s), ...(s === 's_lessons' ? strayFigures : [])];
    const indicators = s === 's_results' ? r.indicators : [];
    if (!text.trim() && !quotes.length && !figures.length && !indicators.length) continue;
    blocks.push(
      heading(c, c.t.sections[s as CaseStudySection]),
      ...paragraphs(text),
      ...(indicators.length ? indicatorBlocks(indicators, c) : []),
      ...quotes.map((q) => quoteBlock(q, c)),
      ...figures.flatMap((f) => figureBlocks(f, c)),
    );
  }
  blocks.push(...photoBlocks(r.photos, c), ...ratingBlocks(r, true, c));
  return blocks;
}

function indicatorBlocks(indicators: readonly Indicator[], c: BuildContext): Block[] {
  const t = c.t.indicators;
  const n = (v: number | null) => (v === null ? c.t.none : barValue(v, c.lang));
  return [
    { kind: 'paragraph', text: [{ text: t.heading, bold: true }], spaceAfter: 4 },
    { kind: 'table', columns: [5, 2, 2, 2, 2], header: [t.name, t.unit, t.baseline, t.target, t.actual], rows: indicators.map((i) => [i.name, i.unit || c.t.none, n(i.baseline), n(i.target), n(i.actual)]) },
  ];
}

/** The case study as a document of its own. */
export function caseStudyDocument(r: CaseStudyFields, src: BuildSources, lang: ReportLang): DocumentModel {
  const c = context(lang, src);
  return {
    title: r.title,
    letterhead: c.t.letterhead,
    header: `${c.t.caseStudyHeader} · ${r.title}`,
    footer: c.t.footer,
    pageLabel: c.t.page,
    author: 'ACCSM Secretariat',
    language: lang,
    blocks: caseStudyBlocks(r, c),
  };
}
