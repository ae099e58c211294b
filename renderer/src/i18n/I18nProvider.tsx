import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './en';
import { locales, translate, type Locale, type Translate, type Vars } from './translate';

const STORAGE_KEY = 'curator.locale';

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

/** The saved choice, else the system's language when it is Indonesian, else English. */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (locales as readonly string[]).includes(saved)) return saved as Locale;
  } catch {
    // No storage: use the default below.
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('id') ? 'id' : 'en';
}

/**
 * `initial` overrides the saved choice for the first render (tests); Settings can still change it.
 * `persist={false}` keeps choices to this provider (the kiosk's applicants never change the curator's language).
 */
export function I18nProvider({ children, initial, persist = true }: { children: ReactNode; initial?: Locale; persist?: boolean }) {
  const [locale, setLocaleState] = useState<Locale>(() => initial ?? initialLocale());

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    if (!persist) return;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // The choice still holds for this session.
    }
  }, [persist]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const t = useCallback((key: MessageKey, vars?: Vars) => translate(locale, key, vars), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>.');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
