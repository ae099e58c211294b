import type { SearchFilters } from '../../../../shared/contract/methods';

/**
 * Facet values as words in the search index's `tags` column, so a facet filter is one more
 * term for FTS5 to intersect rather than a join over every match. A tag is U+E000 + the
 * facet's letter + the value spelled in letters and digits only (the tokenizer splits on
 * anything else): z → zz, . → zd, - → zh, any other character → zx + its hex code, which keeps
 * distinct values distinct. U+E000 is a private-use character, a word character to the
 * tokenizer (category Co) but never part of a typed word (searchTokens keeps letters and
 * digits), so a text query cannot reach a tag and needs no column filter.
 */
export type TagFacet = keyof SearchFilters;
export const TAG_MARK = '\uE000';
const facetLetter: Record<TagFacet, string> = { country: 'c', status: 's', language: 'l', expertise: 'e' };

export function facetTag(facet: TagFacet, value: string): string {
  const spelled = value
    .toLowerCase()
    .replace(/[^a-y0-9]/g, (c) => (c === 'z' ? 'zz' : c === '.' ? 'zd' : c === '-' ? 'zh' : `zx${c.codePointAt(0)!.toString(16)}x`));
  return `${TAG_MARK}${facetLetter[facet]}${spelled}`;
}

/** `tags : (xcvn OR xcth)` for each facet with values, skipping `except`; null when none. */
export function tagFilter(filters: SearchFilters, except?: TagFacet): string | null {
  const parts: string[] = [];
  for (const facet of Object.keys(facetLetter) as TagFacet[]) {
    const values = filters[facet];
    if (facet === except || values.length === 0) continue;
    parts.push(`tags : (${values.map((v) => `"${facetTag(facet, v)}"`).join(' OR ')})`);
  }
  return parts.length ? parts.join(' AND ') : null;
}
