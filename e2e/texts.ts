import type { MessageKey } from '../renderer/src/i18n/en';
import { locales, translate, type Locale, type Vars } from '../renderer/src/i18n/translate';

/**
 * The words a curator reads, from the renderer's own dictionaries: specs find elements by these
 * accessible names (role and label), as a curator or a screen reader does, never by test id or CSS.
 */
export const tr = (locale: Locale, key: MessageKey, vars?: Vars): string => translate(locale, key, vars);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The whole name in any of the UI's languages, for page objects that work whichever language a
 * spec has switched to (e.g. the directory in English, then in Bahasa Indonesia).
 */
export function inAnyLanguage(key: MessageKey, vars?: Vars): RegExp {
  return new RegExp(`^(?:${locales.map((l) => escape(translate(l, key, vars))).join('|')})$`);
}
