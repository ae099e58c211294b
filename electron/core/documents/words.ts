/**
 * How documents (letters, case studies, stories) write a day and a list in their language,
 * the same in every document the secretariat sends.
 */

export type DocumentLang = 'en' | 'id';

export const locale = (lang: DocumentLang) => (lang === 'id' ? 'id-ID' : 'en-GB');

/** A day as the document's language writes it ("5 March 2026", "5 Maret 2026"), on the secretariat's clock (Jakarta). */
export const dateText = (ms: number, lang: DocumentLang): string =>
  new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(ms);

/** Items as a sentence lists them: "a, b and c" ("a, b dan c"). */
export const listText = (items: string[], and: string): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`);
