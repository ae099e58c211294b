import { z } from 'zod';
import { reportText } from './text';

/**
 * What a case study or story is judged against (ASCC Blueprint 2025 mid-term review): the
 * Blueprint's five characteristics — engages and benefits the people, inclusive (across
 * sectors too), sustainable, resilient, dynamic — and, for case studies, four dimensions.
 * Each is rated on one four-step scale with the evidence behind it. Names are stable: they
 * are field names (`r_<name>`) and an import names them.
 */
export const characteristics = ['people', 'inclusive', 'sustainable', 'resilient', 'dynamic'] as const;
export type Characteristic = (typeof characteristics)[number];

export const dimensions = ['effectiveness', 'success', 'ease', 'replicability'] as const;
export type Dimension = (typeof dimensions)[number];

/** In ascending order: a filter "at least evident" keeps evident and strong. */
export const ratings = ['not_evident', 'emerging', 'evident', 'strong'] as const;
export type Rating = (typeof ratings)[number];

/** A rating's place on the scale (0 = not evident), for "at least" filters and the matrix. */
export const ratingRank = (r: Rating): number => ratings.indexOf(r);

/**
 * Names as the review writes them (EN) and in Bahasa Indonesia: an evaluation sheet names
 * criteria and ratings this way (ratings-import.ts). They must be the words the exported
 * documents print (reports-export/build/texts.ts; import-ratings.test.ts holds them together).
 */
export const criterionNames: Record<Characteristic | Dimension, { en: string; id: string }> = {
  people: { en: 'Engages and benefits the people', id: 'Melibatkan dan bermanfaat bagi masyarakat' },
  inclusive: { en: 'Inclusive', id: 'Inklusif' },
  sustainable: { en: 'Sustainable', id: 'Berkelanjutan' },
  resilient: { en: 'Resilient', id: 'Tangguh' },
  dynamic: { en: 'Dynamic', id: 'Dinamis' },
  effectiveness: { en: 'Effectiveness', id: 'Efektivitas' },
  success: { en: 'Success', id: 'Keberhasilan' },
  ease: { en: 'Ease of implementation', id: 'Kemudahan pelaksanaan' },
  replicability: { en: 'Replicability', id: 'Kemungkinan direplikasi' },
};

export const ratingNames: Record<Rating, { en: string; id: string }> = {
  not_evident: { en: 'Not evident', id: 'Tidak tampak' },
  emerging: { en: 'Emerging', id: 'Mulai tampak' },
  evident: { en: 'Evident', id: 'Tampak' },
  strong: { en: 'Strong', id: 'Kuat' },
};

export type Criterion = Characteristic | Dimension;
export const criteria: readonly Criterion[] = [...characteristics, ...dimensions];
export const isCriterion = (s: string): s is Criterion => (criteria as readonly string[]).includes(s);

export type RatingField = `r_${Criterion}`;
export const ratingField = <C extends Criterion>(c: C): `r_${C}` => `r_${c}`;
export const characteristicFields = characteristics.map(ratingField);
export const dimensionFields = dimensions.map(ratingField);

export const MAX_EVIDENCE_CHARS = 4_000;

/**
 * A rating value: the step (null: not rated yet), the evidence supporting it, and the sections
 * it draws on. Built per record type, so a rating can point only at that type's sections.
 */
export const ratingValueSchemaFor = <S extends readonly [string, ...string[]]>(sections: S) =>
  z.object({
    rating: z.enum(ratings).nullable(),
    evidence: reportText(MAX_EVIDENCE_CHARS, 'evidence', true),
    sections: z
      .array(z.enum(sections))
      .max(sections.length)
      .refine((s) => new Set(s).size === s.length, { message: 'A section is named twice.' }),
  });

export interface RatingValue<S extends string = string> {
  rating: Rating | null;
  evidence: string;
  sections: S[];
}

export const emptyRating = (): RatingValue<never> => ({ rating: null, evidence: '', sections: [] });
