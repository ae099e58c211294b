import { countryNames } from '../../../../shared/model/countries';
import { fileNamePart } from '../../documents/fileName';
import type { Block, DocumentModel, Run } from '../../documents/model';
import { dateText, listText } from '../../documents/words';
import type { LetterData } from './data';
import { letterTexts, type LetterLang } from './texts';

/**
 * A decision letter as a document model: the secretariat's letterhead, date and reference, the
 * addressee, the outcome sentence with the applicant's details, the reason, and the closing.
 * One template per outcome (texts.ts), in English or Bahasa Indonesia.
 */

type Value = string | Run[];

/**
 * The template's words with each `{key}` replaced by its value as runs of their own. The
 * template is split, never the values: a value holding "{name}" or markup stays that text.
 */
export function fill(template: string, values: Record<string, Value>): Run[] {
  const out: Run[] = [];
  template.split(/\{(\w+)\}/u).forEach((part, i) => {
    if (i % 2 === 0) {
      if (part) out.push({ text: part });
      return;
    }
    const value = values[part];
    if (value === undefined) throw new Error(`The letter template has no value for {${part}}.`);
    if (typeof value === 'string') out.push({ text: value });
    else out.push(...value);
  });
  return out;
}

/** The letter for this application, dated `today`. */
export function letterDocument(d: LetterData, lang: LetterLang, today: number): DocumentModel {
  const t = letterTexts[lang];
  const o = t.outcomes[d.outcome];
  const fullName = [d.honorific, d.name].filter(Boolean).join(' ');
  const nominating = countryNames[d.nominatingCountry][lang];
  const values: Record<string, Value> = {
    fullName,
    reference: d.reference,
    nominating,
    submitted: dateText(d.submittedAt ?? d.decidedAt, lang),
    decided: dateText(d.decidedAt, lang),
    published: dateText(d.publishedAt ?? d.decidedAt, lang),
    sections: listText(d.sections.map((s) => t.sections[s]), t.and),
    date: dateText(today, lang),
  };
  values.application = fill(t.application, values);
  const para = (template: string, spaceAfter?: number): Block => ({ kind: 'paragraph', text: fill(template, values), ...(spaceAfter !== undefined ? { spaceAfter } : {}) });

  const blocks: Block[] = [
    para(t.place, 0),
    para(t.reference),
    { kind: 'spacer', height: 6 },
    { kind: 'paragraph', text: fill(t.addressee, { fullName: [{ text: fullName, bold: true }] }), spaceAfter: 0 },
    ...[d.position, d.agency, countryNames[d.country][lang]].filter(Boolean).map((line, i, all): Block => ({ kind: 'paragraph', text: line, spaceAfter: i === all.length - 1 ? 14 : 0 })),
    para(t.salutation),
    para(o.outcome),
  ];
  if (d.outcome === 'not_eligible') {
    for (const u of d.unmet) {
      const label = fill(t.criteria[u.criterion], { years: String(d.yearsThreshold) });
      blocks.push({ kind: 'paragraph', text: [{ text: '•  ' }, ...label, ...(u.note ? [{ text: `: ${u.note}` }] : [])], spaceAfter: 3 });
    }
    blocks.push({ kind: 'spacer', height: 4 });
  }
  if (o.reasonLabel && d.reason) blocks.push({ kind: 'paragraph', text: [{ text: `${o.reasonLabel} `, bold: true }, { text: d.reason }] });
  // With no section consented, the sentence naming the sections gives way to one that says so.
  const noSections = d.sections.length > 0 ? null : d.outcome === 'published' ? t.publishedNoSections : d.outcome === 'accepted' ? t.acceptedNoSections : null;
  for (const template of o.after) blocks.push(para(noSections ?? template));
  blocks.push(
    { kind: 'spacer', height: 8 },
    para(t.closing, 30),
    { kind: 'paragraph', text: [{ text: t.signature[0], bold: true }], spaceAfter: 0 },
    para(t.signature[1], 18),
    { kind: 'paragraph', text: fill(t.copy, values) },
  );
  return {
    title: o.title,
    letterhead: [[{ text: t.letterhead[0], bold: true }], t.letterhead[1], t.letterhead[2]],
    header: fill(t.header, values).map((r) => r.text).join(''),
    footer: t.footer,
    pageLabel: t.page,
    language: lang,
    author: t.signature[0],
    blocks,
  };
}

/** The letter's file name: ASCII only (any-ascii romanises the name), e.g. decision-letter-1A2B-3C4D-nguyen-thi-huong.pdf. */
export function letterFileName(d: Pick<LetterData, 'reference' | 'name'>, lang: LetterLang, format: 'docx' | 'pdf'): string {
  const slug = fileNamePart(d.name);
  return `${letterTexts[lang].fileStem}-${d.reference}${slug ? `-${slug}` : ''}.${format}`;
}
