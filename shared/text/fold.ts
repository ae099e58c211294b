/**
 * Folds text for search: lower case, diacritics removed, and the letters that Unicode does
 * not decompose (Vietnamese đ, for one) mapped by hand, so "nguyen duc" finds "Nguyễn Đức".
 * The same fold is applied to indexed text and to queries.
 */
const UNDECOMPOSED: Record<string, string> = { đ: 'd', ð: 'd', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[đðłøßæœı]/g, (c) => UNDECOMPOSED[c] ?? c);
}

/** Words of a query, folded: letters and digits of any script. */
export function searchTokens(query: string): string[] {
  return foldText(query).match(/[\p{L}\p{N}]+/gu) ?? [];
}
