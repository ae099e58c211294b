import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Term } from '../../../shared/contract';
import { termPath } from '../../../shared/model/taxonomy';
import { useApi } from '../api/ApiProvider';
import { useI18n, type Locale } from '../i18n';

interface TaxonomyValue {
  terms: Term[];
  /** The term's label in the current language, or its id when the taxonomy does not know it. */
  label(id: string): string;
  /** Labels from the top-level area down to the term ("Human resource management › Recruitment"). */
  path(id: string): string[];
}

const TaxonomyContext = createContext<TaxonomyValue | null>(null);

export function labelIn(term: Term | undefined, locale: Locale, fallback: string): string {
  return term?.label[locale] || term?.label.en || fallback;
}

/** Loads the taxonomy once; labels follow the language chosen in Settings. */
export function TaxonomyProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { locale } = useI18n();
  const [terms, setTerms] = useState<Term[]>([]);

  useEffect(() => {
    let live = true;
    // A failure leaves the ids showing; the screens that need terms still work.
    void api.call('taxonomy.list', {}).then((result) => {
      if (live && result.ok) setTerms(result.value.terms);
    });
    return () => {
      live = false;
    };
  }, [api]);

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
