import { characteristics, dimensions, ratingField, type Criterion, type Rating, type RatingValue } from '../../../../../shared/model/reports/characteristics';
import type { Block, Inline } from '../../../documents/model';
import { fill, heading, type BuildContext } from './common';

/**
 * The evaluation matrix: each of the Blueprint's five characteristics (and, for a case study,
 * the four dimensions) with its rating, the evidence for it, and the sections it draws on.
 */

type Ratings = Partial<Record<`r_${Criterion}`, RatingValue | null>>;

export const ratingText = (rating: Rating | null | undefined, c: BuildContext) => (rating ? c.t.ratings[rating] : c.t.evaluation.notRated);

function matrix(record: Ratings, list: readonly Criterion[], label: string, c: BuildContext, scrub: (s: string) => string): Block {
  const rows = list.map((criterion): Inline[] => {
    const value = record[ratingField(criterion)] ?? null;
    const evidence: Inline = [
      { text: scrub(value?.evidence.trim() ?? '') || c.t.none },
      ...(value?.sections.length ? [{ text: `\n${fill(c.t.evaluation.drawsOn, { sections: value.sections.map((s) => c.t.sections[s as keyof typeof c.t.sections] ?? s).join(', ') })}`, italic: true }] : []),
    ];
    return [[{ text: c.t.criteria[criterion], bold: true }], ratingText(value?.rating, c), evidence];
  });
  return { kind: 'table', columns: [3, 2, 6], header: [label, c.t.evaluation.rating, c.t.evaluation.evidence], rows };
}

/** The matrix for a case study (`withDimensions`) or a story; `scrub` hides an anonymised beneficiary's name in the evidence. */
export function ratingBlocks(record: Ratings, withDimensions: boolean, c: BuildContext, scrub: (s: string) => string = (s) => s): Block[] {
  return [
    heading(c, c.t.evaluation.heading),
    { kind: 'paragraph', text: [{ text: c.t.evaluation.characteristics, bold: true }], spaceAfter: 4 },
    matrix(record, characteristics, c.t.evaluation.criterion, c, scrub),
    ...(withDimensions ? [{ kind: 'paragraph', text: [{ text: c.t.evaluation.dimensions, bold: true }], spaceAfter: 4 } as Block, matrix(record, dimensions, c.t.evaluation.dimension, c, scrub)] : []),
  ];
}
