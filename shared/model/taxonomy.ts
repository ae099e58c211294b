import { z } from 'zod';

/**
 * The expertise taxonomy shipped in resources/taxonomy.json. Term ids are stable (experts
 * store them), lower case, and spell their lineage: a child's id is its parent's id, a dot,
 * and one more segment ("hrm" → "hrm.recruitment"). Pure TypeScript, so the renderer can
 * use it too.
 */

const segment = '[a-z0-9]+(?:-[a-z0-9]+)*';
const termIdPattern = new RegExp(`^${segment}(?:\\.${segment})*$`);

const label = z.string().trim().min(1, { message: 'A label may not be empty.' }).max(200);

/** Same shape as `termSchema` in shared/contract/methods.ts, with the rules of the file added. */
export const taxonomyTermSchema = z.object({
  id: z
    .string()
    .max(60, { message: 'A term id has at most 60 characters.' })
    .regex(termIdPattern, { message: 'A term id is lower-case words joined by "-", its levels joined by ".".' }),
  parent: z.string().nullable(),
  label: z.object({ en: label, id: label }),
});
export type TaxonomyTerm = z.infer<typeof taxonomyTermSchema>;

export const taxonomyFileSchema = z.object({
  version: z.literal(1),
  terms: z.array(taxonomyTermSchema).min(1),
});
export type Taxonomy = z.infer<typeof taxonomyFileSchema>;

export class TaxonomyError extends Error {
  constructor(readonly problems: string[]) {
    super(`The expertise taxonomy is not valid: ${problems.join(' ')}`);
    this.name = 'TaxonomyError';
  }
}

/**
 * Parses and checks a taxonomy file. Throws a TaxonomyError that lists every problem found
 * (not just the first), so whoever edits the file can fix it in one go.
 */
export function loadTaxonomy(json: unknown): Taxonomy {
  const parsed = taxonomyFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new TaxonomyError(
      parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(file)'}: ${i.message}`),
    );
  }
  const { terms } = parsed.data;
  const problems: string[] = [];
  const byId = new Map<string, TaxonomyTerm>();
  for (const t of terms) {
    if (byId.has(t.id)) problems.push(`The id "${t.id}" is used by more than one term.`);
    else byId.set(t.id, t);
  }
  for (const t of terms) {
    if (t.parent === null) continue;
    if (!byId.has(t.parent)) problems.push(`The term "${t.id}" names a parent "${t.parent}" that does not exist.`);
    else if (!t.id.startsWith(`${t.parent}.`)) {
      problems.push(`The term "${t.id}" must start with its parent's id followed by a dot ("${t.parent}.").`);
    }
  }
  for (const cycle of findCycles(byId)) {
    problems.push(`The terms ${cycle.map((id) => `"${id}"`).join(' → ')} form a cycle of parents.`);
  }
  if (problems.length) throw new TaxonomyError(problems);
  return parsed.data;
}

/** Each cycle once, as the ids along it, starting and ending at the same id. */
function findCycles(byId: ReadonlyMap<string, TaxonomyTerm>): string[][] {
  const settled = new Set<string>();
  const cycles: string[][] = [];
  for (const start of byId.keys()) {
    const trail: string[] = [];
    const onTrail = new Set<string>();
    let id: string | null = start;
    while (id !== null && !settled.has(id) && byId.has(id)) {
      if (onTrail.has(id)) {
        cycles.push([...trail.slice(trail.indexOf(id)), id]);
        break;
      }
      trail.push(id);
      onTrail.add(id);
      id = byId.get(id)?.parent ?? null;
    }
    for (const t of trail) settled.add(t);
  }
  return cycles;
}

type TermLike = { id: string; parent: string | null };

/**
 * The path from the top-level domain down to the term, the term itself last
 * ("Human resource management › Recruitment and selection"). Empty for an unknown id.
 */
export function termPath<T extends TermLike>(terms: readonly T[], id: string): T[] {
  const byId = new Map(terms.map((t) => [t.id, t]));
  const path: T[] = [];
  const seen = new Set<string>();
  for (let t = byId.get(id); t && !seen.has(t.id); t = t.parent === null ? undefined : byId.get(t.parent)) {
    seen.add(t.id);
    path.push(t);
  }
  return path.reverse();
}

/** Every term below the given one (not the term itself), each parent before its children. */
export function descendants<T extends TermLike>(terms: readonly T[], id: string): T[] {
  const children = new Map<string, T[]>();
  for (const t of terms) {
    if (t.parent === null) continue;
    const list = children.get(t.parent);
    if (list) list.push(t);
    else children.set(t.parent, [t]);
  }
  const out: T[] = [];
  const seen = new Set<string>([id]);
  const visit = (parentId: string) => {
    for (const child of children.get(parentId) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      out.push(child);
      visit(child.id);
    }
  };
  visit(id);
  return out;
}
