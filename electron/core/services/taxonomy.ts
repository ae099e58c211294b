import type { Term } from '../../../shared/contract/methods';

/** Lookups over the expertise taxonomy that the projection and the services need. */
export class TaxonomyIndex {
  private readonly byId: Map<string, Term>;

  constructor(readonly terms: readonly Term[]) {
    this.byId = new Map(terms.map((t) => [t.id, t]));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The term and every ancestor, nearest first. */
  lineage(id: string): Term[] {
    const out: Term[] = [];
    for (let t = this.byId.get(id); t && out.length < 16; t = t.parent ? this.byId.get(t.parent) : undefined) out.push(t);
    return out;
  }

  unknown(ids: readonly string[]): string[] {
    return ids.filter((id) => !this.byId.has(id));
  }
}
