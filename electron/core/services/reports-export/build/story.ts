import type { StoryFields } from '../../../../../shared/model/reports/story';
import { storySections } from '../../../../../shared/model/reports/sections';
import type { Block, DocumentModel } from '../../../documents/model';
import { dateText, listText } from '../../../documents/words';
import { context, countriesText, expertiseText, expertsText, fill, heading, metaTable, paragraphs, periodText, photoBlocks, quoteBlock, scrubber, type BuildContext, type BuildSources } from './common';
import { ratingBlocks } from './ratings';
import type { ReportLang } from './texts';

/**
 * A human-interest story as a document: the beneficiary, before, after, the change in their own
 * words (quotes with speaker), the photos, the five characteristics, and the consent line. An
 * anonymised story never shows the beneficiary's name — not in the particulars, a quote's
 * speaker, the text, or the consent line — nor any photo. The export checked the consent.
 */

export function storyBlocks(r: StoryFields, c: BuildContext): Block[] {
  const m = c.t.meta;
  const standIn = c.t.anonymous[r.beneficiaryKind];
  const scrub = r.anonymised ? scrubber(r.beneficiaryName, standIn) : (s: string) => s;
  const beneficiary = r.anonymised || !r.beneficiaryName.trim() ? c.t.beneficiaryKinds[r.beneficiaryKind] : `${r.beneficiaryName.trim()} (${c.t.beneficiaryKinds[r.beneficiaryKind].toLowerCase()})`;
  const blocks: Block[] = [
    metaTable([
      [m.beneficiary, beneficiary],
      [m.countries, countriesText(r.countries, c)],
      [m.period, periodText(r.periodStart, r.periodEnd, c)],
      [m.experts, expertsText(r.expertIds, c)],
      [m.expertise, expertiseText(r.expertise, c)],
      [m.status, c.t.statuses[r.status]],
    ]),
  ];
  if (r.beneficiaryDescription.trim()) blocks.push(heading(c, c.t.aboutBeneficiary), ...paragraphs(r.beneficiaryDescription, scrub));
  for (const s of storySections) {
    const text = r[s]?.text ?? '';
    const quotes = r.quotes.filter((q) => q.section === s);
    if (!text.trim() && !quotes.length) continue;
    blocks.push(heading(c, c.t.sections[s]), ...paragraphs(text, scrub), ...quotes.map((q) => quoteBlock(q, c, scrub)));
  }
  if (!r.anonymised) blocks.push(...photoBlocks(r.photos, c));
  blocks.push(...ratingBlocks(r, false, c, scrub));
  if (r.consent) {
    const uses = listText(r.consent.uses.map((u) => c.t.consent.uses[u]), c.t.and);
    const date = dateText(r.consent.consentedAt, c.lang);
    const line = r.anonymised ? fill(c.t.consent.anonymised, { date, uses }) : fill(c.t.consent.named, { by: r.consent.consentedBy, date, uses });
    blocks.push(heading(c, c.t.consent.heading), { kind: 'paragraph', text: [{ text: scrub(line), italic: true }] });
  }
  return blocks;
}

/** The story as a document of its own. Its title is the curator's: an anonymised story's title is scrubbed too. */
export function storyDocument(r: StoryFields, src: BuildSources, lang: ReportLang): DocumentModel {
  const c = context(lang, src);
  const title = storyTitle(r, c);
  return {
    title,
    letterhead: c.t.letterhead,
    header: `${c.t.storyHeader} · ${title}`,
    footer: c.t.footer,
    pageLabel: c.t.page,
    author: 'ACCSM Secretariat',
    language: lang,
    blocks: storyBlocks(r, c),
  };
}

export const storyTitle = (r: StoryFields, c: BuildContext) => (r.anonymised ? scrubber(r.beneficiaryName, c.t.anonymous[r.beneficiaryKind])(r.title) : r.title);
