/**
 * Splits text into runs of one script, so each run is drawn with a font that has its letters:
 * Noto Sans for Latin (Vietnamese included) and for everything without a script of its own,
 * and Noto Sans Thai, Lao, Khmer and Myanmar for theirs. Spaces, joiners and combining marks
 * belong to no script: they stay with the run they sit in, so a Thai name with a space in it
 * stays one run, and a mark is never drawn apart from its letter.
 */

export const scripts = ['latin', 'thai', 'lao', 'khmer', 'myanmar'] as const;
export type Script = (typeof scripts)[number];

export interface ScriptRun {
  script: Script;
  text: string;
}

const ranges: [number, number, Script][] = [
  [0x0e00, 0x0e7f, 'thai'],
  [0x0e80, 0x0eff, 'lao'],
  [0x1000, 0x109f, 'myanmar'],
  [0x1780, 0x17ff, 'khmer'],
  [0x19e0, 0x19ff, 'khmer'],
  [0xa9e0, 0xa9ff, 'myanmar'],
  [0xaa60, 0xaa7f, 'myanmar'],
];

/** The script a character is written in, or null for one that goes with its neighbours. */
export function scriptOf(char: string): Script | null {
  const code = char.codePointAt(0)!;
  // Most text is Latin: below the combining marks (U+0300) only white space has no script.
  if (code < 0x0300) return code === 0x20 || code === 0xa0 || (code >= 0x09 && code <= 0x0d) ? null : 'latin';
  for (const [from, to, script] of ranges) if (code >= from && code <= to) return script;
  // Whitespace, zero-width joiners and non-joiners, variation selectors, combining marks.
  const joiner = (code >= 0x200b && code <= 0x200d) || code === 0x2060 || (code >= 0xfe00 && code <= 0xfe0f);
  if (joiner || /\s/u.test(char) || /\p{M}/u.test(char)) return null;
  return 'latin';
}

/** The text as runs of one script each, in order; joined, they give back the text. */
export function splitScripts(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let pending = ''; // neutral characters before the first character with a script
  for (const char of text) {
    const script = scriptOf(char);
    const last = runs[runs.length - 1];
    if (script === null) {
      if (last) last.text += char;
      else pending += char;
    } else if (last && last.script === script) {
      last.text += char;
    } else {
      runs.push({ script, text: pending + char });
      pending = '';
    }
  }
  if (pending) runs.push({ script: 'latin', text: pending });
  return runs;
}

/** Scripts written without spaces between words: a line may break between any two words. */
export const unspacedScripts: ReadonlySet<Script> = new Set(['thai', 'lao', 'khmer', 'myanmar']);
