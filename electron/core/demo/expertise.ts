import taxonomyJson from '../../../resources/taxonomy.json' with { type: 'json' };
import { descendants, loadTaxonomy, type TaxonomyTerm } from '../../../shared/model/taxonomy';
import type { Agency } from './agencies';
import type { Rng } from './prng';

/** Picks expertise terms from the shipped taxonomy, weighted towards what the employer works on. */

export const taxonomyTerms: readonly TaxonomyTerm[] = loadTaxonomy(taxonomyJson).terms;
const topLevel = taxonomyTerms.filter((t) => t.parent === null).map((t) => t.id);
const below = new Map(topLevel.map((id) => [id, descendants(taxonomyTerms, id).map((t) => t.id)]));
const labels = new Map(taxonomyTerms.map((t) => [t.id, t.label.en]));

export const domainOf = (termId: string) => {
  const dot = termId.indexOf('.');
  return dot < 0 ? termId : termId.slice(0, dot);
};
export const labelOf = (termId: string) => labels.get(termId) ?? termId;

const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/** 1–4 term ids, the first one the expert's main area. No term is listed with its own ancestor. */
export function pickExpertise(rng: Rng, agency: Agency): string[] {
  const focus = agency.focus.filter((d) => below.has(d));
  const primary = focus.length && rng.chance(0.75) ? rng.pick(focus) : rng.pick(topLevel);
  const count = rng.weighted([[1, 20], [2, 35], [3, 30], [4, 15]] as const);
  const chosen: string[] = [];
  const add = (domain: string) => {
    const list = below.get(domain) ?? [];
    const id = list.length && rng.chance(0.85) ? rng.pick(list) : domain;
    if (!chosen.some((c) => related(c, id))) chosen.push(id);
  };
  add(primary);
  for (let tries = 0; chosen.length < count && tries < 12; tries++) {
    add(rng.chance(0.5) ? primary : focus.length && rng.chance(0.5) ? rng.pick(focus) : rng.pick(topLevel));
  }
  return chosen;
}
