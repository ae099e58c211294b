/**
 * Folds text for search: lower case, the diacritics of Latin letters removed, and the Latin
 * letters that Unicode does not decompose (Vietnamese đ, for one) mapped by hand, so
 * "nguyen duc" finds "Nguyễn Đức" and "pena" finds "Peña".
 *
 * Only marks that sit on a Latin letter are removed. In Thai, Lao, Khmer and Myanmar (and
 * any other non-Latin script) a combining mark is a vowel sign, a tone mark or a final that
 * makes a different word: สมชาย ใจดี must stay สมชาย ใจดี, or ใจด and ใจดี collide.
 * The result is NFC, so text typed precomposed or decomposed folds the same.
 * The same fold is applied to indexed text and to queries.
 */
const UNDECOMPOSED: Record<string, string> = { đ: 'd', ð: 'd', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

/** A Latin letter and the combining marks stacked on it ("ệ" is e + dot below + circumflex). */
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;

export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(LATIN_WITH_MARKS, '$1')
    .toLowerCase()
    .replace(/[đðłøßæœı]/g, (c) => UNDECOMPOSED[c] ?? c)
    .normalize('NFC');
}

/**
 * Words of a query, folded: runs of letters, digits and combining marks of any script, as
 * the search index counts them (migration 002), so a Thai vowel sign stays inside its word.
 * Private-use characters are word characters in the index too, but they mark facet tags
 * (services/experts/tags.ts): a typed one separates words, so no query can reach a tag.
 */
export function searchTokens(query: string): string[] {
  return foldText(query).match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}
