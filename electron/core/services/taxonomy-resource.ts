import shipped from '../../../resources/taxonomy.json' with { type: 'json' };
import { loadTaxonomy } from '../../../shared/model/taxonomy';
import { TaxonomyIndex } from './taxonomy';

/** The taxonomy shipped in resources/, validated once; bundled into the code by the build. */
export function loadShippedTaxonomy(): TaxonomyIndex {
  return new TaxonomyIndex(loadTaxonomy(shipped).terms);
}
