import { z } from 'zod';
import { idSchema } from '../expert';
import { reportText } from './text';

/**
 * A report's sections: one field each (`s_<name>`), so curators editing different sections
 * offline merge cleanly by the field-level last-writer-wins of every mutable record.
 *
 * A section value is `{ text, rev, parents }`: `rev` is minted fresh for every save and
 * `parents` names the revs the text was edited from. All the values a section ever had (its
 * field's entries in the change log) form a graph; its *heads* are the values no other value
 * names as a parent. One head: the section is clean. Several: curators edited it concurrently
 * (each from the same base), and the curator keeps one or combines them by saving a value
 * whose parents are all the heads. Everything here is pure, so every node computes the same heads.
 */

export const caseStudySections = [
  's_context',
  's_problem',
  's_approach',
  's_results',
  's_effectiveness',
  's_successFactors',
  's_ease',
  's_replicability',
  's_lessons',
  's_sources',
] as const;
export const storySections = ['s_before', 's_after', 's_change', 's_sources'] as const;

export type CaseStudySection = (typeof caseStudySections)[number];
export type StorySection = (typeof storySections)[number];
export type SectionField = CaseStudySection | StorySection;

export const reportTypes = ['case_study', 'story'] as const;
export type ReportType = (typeof reportTypes)[number];

export const sectionsOf: { case_study: readonly CaseStudySection[]; story: readonly StorySection[] } = {
  case_study: caseStudySections,
  story: storySections,
};
export const isSectionOf = (type: ReportType, name: string): name is SectionField => (sectionsOf[type] as readonly string[]).includes(name);

export const MAX_SECTION_CHARS = 20_000;
export const MAX_SECTION_PARENTS = 8;

/** A save's id; any node mints one (UUIDv7), so two saves never share one. */
export const revSchema = idSchema;

/** Plain text (paragraphs split on blank lines, never markup) and where it comes from. */
export const sectionValueSchema = z
  .object({
    text: reportText(MAX_SECTION_CHARS, 'section', true),
    rev: revSchema,
    parents: z.array(revSchema).max(MAX_SECTION_PARENTS, { message: `A section names at most ${MAX_SECTION_PARENTS} earlier versions.` }),
  })
  .refine((v) => !v.parents.includes(v.rev) && new Set(v.parents).size === v.parents.length, {
    message: 'A section version cannot name itself or the same earlier version twice.',
  });
export type SectionValue = z.infer<typeof sectionValueSchema>;

/** Paragraphs of a section's text: split on blank lines, each trimmed, empty ones dropped. */
export const paragraphs = (text: string): string[] =>
  text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

/**
 * The heads of a section's values, by rev ascending: the values no other value names as a
 * parent. The same rev seen twice (a change received twice) counts once. The result does not
 * depend on the order the values arrive in.
 *
 * A graph with values but no head (a cycle, which only a forged change can make) would hide the
 * section's text; then the value with the greatest rev stands as the head, so it stays visible.
 */
export function sectionHeadsBy<T>(items: readonly T[], valueOf: (item: T) => SectionValue): T[] {
  const byRev = new Map<string, T>();
  const named = new Set<string>();
  for (const item of items) {
    const v = valueOf(item);
    if (!byRev.has(v.rev)) byRev.set(v.rev, item);
    for (const p of v.parents) named.add(p);
  }
  const revs = [...byRev.keys()].sort();
  const heads = revs.filter((rev) => !named.has(rev));
  if (heads.length === 0 && revs.length > 0) return [byRev.get(revs[revs.length - 1]!)!];
  return heads.map((rev) => byRev.get(rev)!);
}

export const sectionHeads = (values: readonly SectionValue[]): SectionValue[] => sectionHeadsBy(values, (v) => v);

/**
 * The parents of a save: the base it was edited from, or — when the curator keeps one version
 * or combines them (`resolve`) — every head, at most MAX_SECTION_PARENTS (a section with more
 * concurrent versions than that needs more than one resolve; each leaves fewer heads).
 */
export function parentsForSave(base: string | null, heads: readonly SectionValue[], resolve: boolean): string[] {
  if (resolve) return heads.map((h) => h.rev).slice(0, MAX_SECTION_PARENTS);
  return base ? [base] : [];
}
