/**
 * Text as search compares it: decomposed, without combining marks, lower case — so "nguyen"
 * finds "Nguyễn", as the directory's search does (FTS5 remove_diacritics). Đ/đ have no
 * decomposition and are folded by hand.
 */
export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[Đđ]/g, 'd')
    .toLowerCase();
