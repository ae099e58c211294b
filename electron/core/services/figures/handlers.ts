import type { Db } from '../../db/open';
import type { Handlers } from '../../rpc/dispatch';
import type { TaxonomyIndex } from '../taxonomy';
import { computeFigure } from './compute';

/**
 * Figures' handlers (issue 8 point 4). A figure counts what the directory lists, and whoever
 * may open the directory may count it, so there is no role check beyond the directory's own.
 */
export function figuresHandlers(db: Db, taxonomy: TaxonomyIndex): Pick<Handlers, 'figures.compute'> {
  return {
    'figures.compute': (input) => computeFigure(db, taxonomy, input),
  };
}
