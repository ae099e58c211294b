import { foldText } from './fold';
import { hasNativeScript, nativeRuns, romanizeRun, type NativeScript } from './romanize';

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
  for (const { script, run } of nativeRuns(folded)) {
    const words = segmentWords(script, run);
    if (words.length > 1) {
      for (let i = 0; i < words.length; i++) {
        extra.add(words[i] as string);
        if (i > 0 && i < words.length - 1 && i < MAX_SUFFIXES) extra.add(words.slice(i).join(''));
      }
    }
    for (const form of romanizeRun(script, run)) extra.add(form);
    if (words.length > 1) for (const word of words) for (const form of romanizeRun(script, word)) extra.add(form);
  }
  extra.delete(folded);
  return extra.size ? `${folded} ${[...extra].join(' ')}` : folded;
}

/** A run longer than this many words (a sentence, not a name or title) gets no more suffixes. */
const MAX_SUFFIXES = 16;

const LOCALES: Record<NativeScript, string> = { thai: 'th', lao: 'lo', khmer: 'km', myanmar: 'my' };
const segmenters = new Map<NativeScript, Intl.Segmenter>();

/**
 * The words of a run, by the dictionaries of the ICU word breaker that Node and Chromium ship.
 * Where it knows no words (it does not split Lao), the run is one word.
 */
function segmentWords(script: NativeScript, run: string): string[] {
  let segmenter = segmenters.get(script);
  if (!segmenter) segmenters.set(script, (segmenter = new Intl.Segmenter(LOCALES[script], { granularity: 'word' })));
  return [...segmenter.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
}
