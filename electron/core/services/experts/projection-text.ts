import { foldText } from '../../../../shared/text/fold';
import type { Term } from '../../../../shared/contract/methods';
import type { TaxonomyIndex } from '../taxonomy';
import { memoByString } from '../../../../shared/memo';

/**
 * Pieces of the expert index that repeat across experts, worked out once: agencies and
 * positions recur across thousands of experts, and so do sets of expertise terms. Each is a
 * pure function of its input (and of the taxonomy, fixed for a projection), so a remembered
 * result is exactly the one computed afresh; the caches only save the time. Each is emptied
 * when it fills, so memory stays bounded whatever the data.
 */

/** What an expert's expertise puts into the index: every term with its ancestors, once each. */
export interface ExpertiseIndex {
  terms: readonly Term[];
  /** The terms' labels, English and Indonesian, folded: the FTS expertise column. */
  text: string;
}

export function expertiseIndex(taxonomy: TaxonomyIndex): (expertise: readonly string[]) => ExpertiseIndex {
  const of = memoByString((key) => {
    const ids = JSON.parse(key) as string[];
    const terms = [...new Set(ids.flatMap((t) => taxonomy.lineage(t)))];
    return { terms, text: foldText(terms.map((t) => `${t.label.en} ${t.label.id}`).join(' ')) };
  });
  return (expertise) => of(JSON.stringify(expertise));
}
