/**
 * TEMPORARY until the model branch (shared/model/reports) is merged: the section fields, the
 * limit and the word count the screens need. Replaced by re-exports of the shared model.
 */
export type ReportKind = 'case_study' | 'story';
export const caseStudySections = ['s_context', 's_problem', 's_approach', 's_results', 's_effectiveness', 's_successFactors', 's_ease', 's_replicability', 's_lessons', 's_sources'] as const;
export const storySections = ['s_before', 's_after', 's_change', 's_sources'] as const;
export type SectionField = (typeof caseStudySections)[number] | (typeof storySections)[number];
export const SECTION_MAX_CHARS = 20_000;
export const minWords = (kind: ReportKind) => (kind === 'case_study' ? 30 : 20);
export const countWords = (text: string) => text.split(/\s+/u).filter(Boolean).length;
