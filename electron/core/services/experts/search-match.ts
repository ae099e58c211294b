import type { SearchHit } from '../../../../shared/contract/methods';
import type { ExpertSummary } from '../../../../shared/model/expert';
import { searchTokens } from '../../../../shared/text/fold';
import { indexText } from '../../../../shared/text/index-text';

/** What a match outside the name is shown from; kept per expert in expert_match_source. */
export interface MatchSource {
  otherNames: string[];
  /** Labels [English, Indonesian] of the expert's terms and of every broader term above them. */
  expertise: [string, string][];
  portfolio: string[];
}

type Field = NonNullable<SearchHit['match']>['field'];

/**
 * Folded words of the texts rows are matched in, as the index holds them: names, other
 * spellings, agency and position with the words inside an unbroken Thai, Lao, Khmer or
 * Myanmar run and their romanised forms (indexText), so the row that ส found through
 * เจริญสมบัติ says so; expertise and portfolio folded only. Agencies, positions, expertise
 * labels and many titles repeat across thousands of experts, so a page rarely folds anything new.
 */
const folded = new Map<string, string[]>();
function tokensOf(text: string, asIndexed: boolean): string[] {
  const key = asIndexed ? `i\u0000${text}` : text;
  let tokens = folded.get(key);
  if (!tokens) {
    if (folded.size >= 20_000) folded.clear();
    folded.set(key, (tokens = searchTokens(asIndexed ? indexText(text) : text)));
  }
  return tokens;
}

/** How many of the query words start a word of `text` (each query word counted once). */
function wordsIn(words: readonly string[], text: string, asIndexed: boolean): number {
  const tokens = tokensOf(text, asIndexed);
  return words.filter((w) => tokens.some((t) => t.startsWith(w))).length;
}

/**
 * Why a row matched, when not by its name: the one value (an other spelling, the agency, the
 * position, an expertise term, a portfolio title) that holds the most query words, the
 * earlier field first on a tie, so a curator sees "portfolio: Dangal ng Bayan Award" under a
 * name that does not contain the query. Null when the name holds every word, or when no
 * value holds any (they are in the honorific).
 */
export function matchOf(words: readonly string[], hit: ExpertSummary, source: MatchSource | null): SearchHit['match'] {
  if (words.length === 0 || wordsIn(words, hit.displayName, true) === words.length) return null;
  const candidates: [Field, string, string][] = [
    ...(source?.otherNames ?? []).map((n): [Field, string, string] => ['otherNames', n, n]),
    ['agency', hit.agency, hit.agency],
    ['position', hit.position, hit.position],
    ...(source?.expertise ?? []).map(([en, id]): [Field, string, string] => ['expertise', en, `${en} ${id}`]),
    ...(source?.portfolio ?? []).map((t): [Field, string, string] => ['portfolio', t, t]),
  ];
  let best: { field: Field; text: string } | null = null;
  let bestCount = 0;
  for (const [field, shown, searched] of candidates) {
    const n = wordsIn(words, searched, field !== 'expertise' && field !== 'portfolio');
    if (n > bestCount) {
      best = { field, text: shown };
      bestCount = n;
    }
  }
  return best;
}
