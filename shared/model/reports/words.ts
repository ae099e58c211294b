import { caseStudySections, storySections, type ReportType, type SectionField } from './sections';

/**
 * Word counts and section completeness, the same on screen, in the list and in exports.
 * Words are split on Unicode whitespace; a run of Thai, Lao, Khmer or Myanmar script (written
 * without spaces between words) counts by the words Intl.Segmenter finds in it (ICU's
 * dictionaries), so a Thai section is not "one word" long.
 */

const noSpaceScripts = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const wordish = /[\p{L}\p{N}]/u;

let segmenter: Intl.Segmenter | null = null;
const words = () => (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' }));

export function countWords(text: string): number {
  let n = 0;
  for (const token of text.split(/[\s\u2028\u2029]+/u)) {
    if (!token || !wordish.test(token)) continue;
    if (!noSpaceScripts.test(token)) {
      n += 1;
      continue;
    }
    let inToken = 0;
    for (const s of words().segment(token)) if (s.isWordLike) inToken += 1;
    n += Math.max(inToken, 1);
  }
  return n;
}

/** Fewest words for a section to count as complete. */
export const MIN_SECTION_WORDS: Record<ReportType, number> = { case_study: 30, story: 20 };

export const isSectionComplete = (type: ReportType, text: string): boolean => countWords(text) >= MIN_SECTION_WORDS[type];

export interface Completeness {
  /** Sections with at least the minimum words. */
  complete: number;
  total: number;
  /** Words across all sections. */
  words: number;
  perSection: { section: SectionField; words: number; complete: boolean }[];
}

/** How far a report is written: `textOf` gives each section's current text ('' when empty). */
export function completeness(type: ReportType, textOf: (section: SectionField) => string): Completeness {
  const sections: readonly SectionField[] = type === 'case_study' ? caseStudySections : storySections;
  const perSection = sections.map((section) => {
    const w = countWords(textOf(section));
    return { section, words: w, complete: w >= MIN_SECTION_WORDS[type] };
  });
  return {
    complete: perSection.filter((s) => s.complete).length,
    total: perSection.length,
    words: perSection.reduce((sum, s) => sum + s.words, 0),
    perSection,
  };
}
