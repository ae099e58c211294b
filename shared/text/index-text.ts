import { foldText } from './fold';
import { hasNativeScript, nativeRuns, romanizeRun, type NativeScript } from './romanize';
import { segmentWords } from './segment';

/**
 * The text the search index holds for a name, agency or position: the folded text, and for
 * text in Thai, Lao, Khmer or Myanmar script some extra words, so that
 * - a word inside an unbroken run is found by a query that starts at it: Thai, Lao, Khmer and
 *   Myanmar write the words of a phrase without spaces, and the index matches query words
 *   against the starts of its tokens. The run สำนักงานคณะกรรมการข้าราชการพลเรือน adds its
 *   words (ข้าราชการ) and the rest of the run from each word on (ข้าราชการพลเรือน), so typing
 *   any word or the start of any stretch of words finds it;
 * - a romanised query finds it (see romanize.ts): สมชาย ใจดี adds "somchai chaidi".
 * Latin text is returned exactly as foldText returns it, and queries are only folded, never
 * expanded, so the extra words can only add matches for these scripts.
 */
export function indexText(text: string): string {
  const folded = foldText(text);
  if (!hasNativeScript(folded)) return folded;
  const extra = new Set<string>();
  for (const { script, run } of nativeRuns(folded)) for (const word of extraWords(script, run)) extra.add(word);
  extra.delete(folded);
  return extra.size ? `${folded} ${[...extra].join(' ')}` : folded;
}

/**
 * Names and agencies repeat a great deal, so each run's extra words are kept (segmenting and
 * romanising a run costs 50 to 200 µs); the cache is emptied when it fills.
 */
const cache = new Map<string, readonly string[]>();
const CACHE_SIZE = 20_000;

function extraWords(script: NativeScript, run: string): readonly string[] {
  const cached = cache.get(run);
  if (cached) return cached;
  const out = new Set<string>();
  const words = segmentWords(script, run);
  if (words.length > 1) {
    for (let i = 0; i < words.length; i++) {
      out.add(words[i] as string);
      if (i > 0 && i < words.length - 1 && i < MAX_SUFFIXES) out.add(words.slice(i).join(''));
    }
  }
  for (const form of romanizeRun(script, run)) out.add(form);
  if (words.length > 1) for (const word of words) for (const form of romanizeRun(script, word)) out.add(form);
  const result = [...out];
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(run, result);
  return result;
}

/** A run longer than this many words (a sentence, not a name or title) gets no more suffixes. */
const MAX_SUFFIXES = 16;
