import { describe, expect, it } from 'vitest';
import shipped from '../../resources/taxonomy.json' with { type: 'json' };
import { termSchema, type Term } from '../contract/methods';
import { descendants, loadTaxonomy, TaxonomyError, termPath, type TaxonomyTerm } from './taxonomy';

const term = (id: string, parent: string | null, en = id): TaxonomyTerm => ({ id, parent, label: { en, id: en } });

function problemsOf(json: unknown): string[] {
  try {
    loadTaxonomy(json);
  } catch (e) {
    expect(e).toBeInstanceOf(TaxonomyError);
    return (e as TaxonomyError).problems;
  }
  throw new Error('expected loadTaxonomy to reject the input');
}

describe('the shipped taxonomy', () => {
  const taxonomy = loadTaxonomy(shipped);

  it('passes every rule and has 50 to 70 terms', () => {
    expect(taxonomy.terms.length).toBeGreaterThanOrEqual(50);
    expect(taxonomy.terms.length).toBeLessThanOrEqual(70);
  });

  it('matches the contract term schema', () => {
    for (const t of taxonomy.terms) expect(termSchema.parse(t)).toEqual(t);
    const asContract: Term[] = taxonomy.terms; // compile-time check that the shapes agree
    expect(asContract).toBe(taxonomy.terms);
  });

  it('covers the civil-service domains the issue names, each with 2 to 5 children', () => {
    const top = taxonomy.terms.filter((t) => t.parent === null).map((t) => t.id);
    for (const id of ['hrm', 'competency', 'performance', 'leadership', 'digital', 'service-delivery', 'integrity', 'reform', 'learning', 'policy']) {
      expect(top).toContain(id);
    }
    for (const id of top) {
      const children = taxonomy.terms.filter((t) => t.parent === id);
      expect(children.length, id).toBeGreaterThanOrEqual(2);
      expect(children.length, id).toBeLessThanOrEqual(5);
    }
  });

  it('has distinct labels in both languages', () => {
    const en = new Set(taxonomy.terms.map((t) => t.label.en));
    const id = new Set(taxonomy.terms.map((t) => t.label.id));
    expect(en.size).toBe(taxonomy.terms.length);
    expect(id.size).toBe(taxonomy.terms.length);
  });
});

describe('loadTaxonomy rejects bad files with clear messages', () => {
  const ok = [term('hrm', null), term('hrm.recruitment', 'hrm')];

  it('accepts a small valid file', () => {
    expect(loadTaxonomy({ version: 1, terms: ok }).terms).toHaveLength(2);
  });

  it('a duplicate id', () => {
    expect(problemsOf({ version: 1, terms: [...ok, term('hrm', null, 'again')] })).toEqual([
      'The id "hrm" is used by more than one term.',
    ]);
  });

  it('a missing parent', () => {
    expect(problemsOf({ version: 1, terms: [...ok, term('pfm.audit', 'pfm')] })).toEqual([
      'The term "pfm.audit" names a parent "pfm" that does not exist.',
    ]);
  });

  it('a child id that does not start with its parent id', () => {
    expect(problemsOf({ version: 1, terms: [...ok, term('hrm-pay', 'hrm')] })).toEqual([
      'The term "hrm-pay" must start with its parent\'s id followed by a dot ("hrm.").',
    ]);
  });

  it('a cycle of parents', () => {
    const problems = problemsOf({ version: 1, terms: [term('a', 'b'), term('b', 'a'), ...ok] });
    expect(problems).toContain('The terms "a" → "b" → "a" form a cycle of parents.');
    expect(problems.filter((p) => p.includes('cycle'))).toHaveLength(1);
  });

  it('a term that is its own parent', () => {
    expect(problemsOf({ version: 1, terms: [term('x', 'x')] })).toContain('The terms "x" → "x" form a cycle of parents.');
  });

  it('an id that is not lower case or too long, and a wrong version', () => {
    expect(problemsOf({ version: 1, terms: [term('HRM', null)] })[0]).toMatch(/^terms\.0\.id: A term id is lower-case/);
    expect(problemsOf({ version: 1, terms: [term(`a${'.b'.repeat(30)}`, null)] })[0]).toMatch(/at most 60 characters/);
    expect(problemsOf({ version: 2, terms: ok })[0]).toMatch(/^version: /);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({ version: 1, terms: [...ok, term('hrm', null), term('x.y', 'x')] });
    expect(problems).toHaveLength(2);
    expect(String(new TaxonomyError(problems).message)).toMatch(/^The expertise taxonomy is not valid: /);
  });
});

describe('termPath and descendants', () => {
  const terms = [
    term('hrm', null),
    term('hrm.recruitment', 'hrm'),
    term('hrm.recruitment.cat', 'hrm.recruitment'),
    term('hrm.pay', 'hrm'),
    term('pfm', null),
  ];

  it('termPath goes from the domain down to the term', () => {
    expect(termPath(terms, 'hrm.recruitment.cat').map((t) => t.id)).toEqual(['hrm', 'hrm.recruitment', 'hrm.recruitment.cat']);
    expect(termPath(terms, 'pfm').map((t) => t.id)).toEqual(['pfm']);
    expect(termPath(terms, 'nope')).toEqual([]);
  });

  it('descendants lists every term below, parents first', () => {
    expect(descendants(terms, 'hrm').map((t) => t.id)).toEqual(['hrm.recruitment', 'hrm.recruitment.cat', 'hrm.pay']);
    expect(descendants(terms, 'pfm')).toEqual([]);
    expect(descendants(terms, 'nope')).toEqual([]);
  });

  it('work on the shipped file', () => {
    const shippedTerms = loadTaxonomy(shipped).terms;
    expect(termPath(shippedTerms, 'competency.assessment.assessment-centres').map((t) => t.label.en)).toEqual([
      'Competency frameworks',
      'Competency assessment',
      'Assessment centres',
    ]);
    expect(descendants(shippedTerms, 'competency').map((t) => t.id)).toContain('competency.assessment.assessment-centres');
  });
});
