import type { CaseStudyFields } from '../../../../../shared/model/reports/caseStudy';
import { characteristics, ratingField } from '../../../../../shared/model/reports/characteristics';
import type { StoryFields } from '../../../../../shared/model/reports/story';
import type { Block, DocumentModel, Inline } from '../../../documents/model';
import { dateText } from '../../../documents/words';
import { caseStudyBlocks } from './caseStudy';
import { context, fill, type BuildContext, type BuildSources } from './common';
import { ratingText } from './ratings';
import { storyBlocks, storyTitle } from './story';
import type { ReportLang } from './texts';

/**
 * A mid-term review submission: a cover, a table of contents, a summary table of ratings (a
 * row per document, a column per Blueprint characteristic), then every document in the order
 * given, each starting on a new page with its title as a level-1 heading and its parts at
 * level 2. Figures are numbered through the whole file.
 */

export type MtrItem = { type: 'case_study'; id: string; record: CaseStudyFields } | { type: 'story'; id: string; record: StoryFields };

const titleOf = (item: MtrItem, c: BuildContext) => (item.type === 'story' ? storyTitle(item.record, c) : item.record.title);

function summary(items: readonly MtrItem[], c: BuildContext): Block[] {
  const header: Inline[] = [c.t.mtr.document, ...characteristics.map((ch) => c.t.criteriaShort[ch])];
  const rows = items.map((item): Inline[] => [
    [{ text: titleOf(item, c), bold: true }, { text: `\n${c.t.mtr.types[item.type]}`, italic: true }],
    ...characteristics.map((ch) => ratingText(item.record[ratingField(ch)]?.rating, c)),
  ]);
  return [
    { kind: 'heading', level: 1, text: c.t.mtr.summary, newPage: true },
    { kind: 'paragraph', text: c.t.mtr.summaryIntro },
    // Six columns on a portrait page: smaller text, so "Berkelanjutan" and "Mulai tampak" fit a column.
    { kind: 'table', columns: [4, 3, 3, 3, 3, 3], header, rows, size: 8.5 },
  ];
}

export function mtrDocument(items: readonly MtrItem[], src: BuildSources, lang: ReportLang, today: number): DocumentModel {
  const top = context(lang, src);
  const inner = context(lang, src, 2, top.figures);
  const t = top.t;
  const count = (n: number, [one, other]: [string, string]) => `${n} ${n === 1 ? one : other}`;
  const counts = fill(t.mtr.counts, { caseStudies: count(items.filter((i) => i.type === 'case_study').length, t.mtr.caseStudies), stories: count(items.filter((i) => i.type === 'story').length, t.mtr.stories) });
  const blocks: Block[] = [{ kind: 'toc', title: t.mtr.contents, depth: 2 }, ...summary(items, top)];
  for (const item of items) {
    blocks.push({ kind: 'heading', level: 1, text: titleOf(item, top), newPage: true });
    blocks.push(...(item.type === 'case_study' ? caseStudyBlocks(item.record, inner) : storyBlocks(item.record, inner)));
  }
  return {
    title: t.mtr.title,
    cover: { above: t.letterhead, subtitle: [t.mtr.subtitle, counts], below: [fill(t.mtr.place, { date: dateText(today, lang) })] },
    header: t.mtr.header,
    footer: t.footer,
    pageLabel: t.page,
    author: 'ACCSM Secretariat',
    language: lang,
    blocks,
  };
}
