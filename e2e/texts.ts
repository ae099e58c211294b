import type { MessageKey } from '../renderer/src/i18n/en';
import { locales, translate, type Vars } from '../renderer/src/i18n/translate';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The words a curator reads, from the renderer's own dictionaries (specs find elements by these
 * accessible names, never by test id or CSS): the whole name in any of the UI's languages, for page objects that work whichever language a
 * spec has switched to (e.g. the directory in English, then in Bahasa Indonesia).
 */
export function inAnyLanguage(key: MessageKey, vars?: Vars): RegExp {
  return new RegExp(`^(?:${locales.map((l) => escape(translate(l, key, vars))).join('|')})$`);
}
