/** Small text helpers for demo data. */

const UNDECOMPOSED: Record<string, string> = { đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L' };

/**
 * The same text without diacritics, case kept: "Nguyễn Đức Anh" → "Nguyen Duc Anh". This is
 * how Vietnamese and Portuguese names appear in passports, e-mail addresses and systems
 * without Unicode, so demo records carry it as an other spelling.
 */
export function stripDiacritics(s: string): string {
  if (/^[\x20-\x7e]*$/.test(s)) return s; // most names are plain ASCII: skip the costly normalize
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐøØłŁ]/g, (c) => UNDECOMPOSED[c] ?? c);
}

/** Lower-case ASCII letters and digits only, for e-mail local parts and slugs. */
export function asciiWord(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Letters, digits and single hyphens, for URL slugs. */
export function slug(s: string, max = 60): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, max)
    .replace(/-$/, '');
}

export function initial(word: string): string {
  return stripDiacritics(word).charAt(0);
}

/** "Human resource management" → "human resource management", but "ASEAN ..." stays. */
export function lowerFirst(label: string): string {
  const second = label.charAt(1);
  return second && second === second.toUpperCase() && /[A-Z]/.test(second) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
