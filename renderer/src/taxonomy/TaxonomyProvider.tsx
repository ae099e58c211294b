import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Term } from '../../../shared/contract';
import { termPath } from '../../../shared/model/taxonomy';
import { useApi } from '../api/ApiProvider';
import { apiQuery } from '../api/queries';
import { useI18n, type Locale } from '../i18n';

interface TaxonomyValue {
  terms: Term[];
  /** The term's label in the current language, or its id when the taxonomy does not know it. */
  label(id: string): string;
  /** Labels from the top-level area down to the term ("Human resource management › Recruitment"). */
  path(id: string): string[];
}

const TaxonomyContext = createContext<TaxonomyValue | null>(null);
const noTerms: Term[] = [];

export function labelIn(term: Term | undefined, locale: Locale, fallback: string): string {
  return term?.label[locale] || term?.label.en || fallback;
}

/** The taxonomy (a query, refreshed when terms change); labels follow the language chosen in Settings. */
export function TaxonomyProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { locale } = useI18n();
  // A failure leaves the ids showing; the screens that need terms still work.
  const terms = useQuery(apiQuery(api, 'taxonomy.list', {})).data?.terms ?? noTerms;

  const byId = useMemo(() => new Map(terms.map((term) => [term.id, term])), [terms]);
  const label = useCallback((id: string) => labelIn(byId.get(id), locale, id), [byId, locale]);
  const path = useCallback(
    (id: string) => {
      const found = termPath(terms, id);
      return found.length ? found.map((term) => labelIn(term, locale, term.id)) : [id];
    },
    [terms, locale],
  );
  const value = useMemo(() => ({ terms, label, path }), [terms, label, path]);
  return <TaxonomyContext.Provider value={value}>{children}</TaxonomyContext.Provider>;
}

export function useTaxonomy(): TaxonomyValue {
  const value = useContext(TaxonomyContext);
  if (!value) throw new Error('useTaxonomy must be used inside <TaxonomyProvider>.');
  return value;
}
