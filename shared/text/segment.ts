import type { NativeScript } from './romanize';

const LOCALES: Record<NativeScript, string> = { thai: 'th', lao: 'lo', khmer: 'km', myanmar: 'my' };
const segmenters = new Map<NativeScript, Intl.Segmenter>();

/**
 * The words of a run of Thai, Lao, Khmer or Myanmar, which write a phrase without spaces, by
 * the dictionaries of the ICU word breaker that Node and Chromium ship. Where it knows no
 * words (it leaves some Lao unbroken), the run is one word.
 */
export function segmentWords(script: NativeScript, run: string): string[] {
  let segmenter = segmenters.get(script);
  if (!segmenter) segmenters.set(script, (segmenter = new Intl.Segmenter(LOCALES[script], { granularity: 'word' })));
  const words = [...segmenter.segment(run)].filter((s) => s.isWordLike).map((s) => s.segment);
  return words.length ? words : [run];
}
