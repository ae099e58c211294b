import { dictionaries, type Locale, type MessageKey, type Translate } from '../../i18n';

/** "decided:accept" → "Decided: accept"; a verdict this version has no words for shows as it came. */
export function verdictText(verdict: string, locale: Locale, t: Translate): string {
  const key = `oversight.verdict.${verdict}` as MessageKey;
  return key in dictionaries[locale] ? t(key) : verdict;
}
