import romanizeThai from '@dehoist/romanize-thai';
import anyAscii from 'any-ascii';
import { romanizeKhmer } from './khmer';
import { MYANMAR_SYLLABLES, myanmarSyllables } from './myanmar';
import { segmentWords } from './segment';

/**
 * Romanised forms of text in the scripts of Thailand, Lao PDR, Cambodia and Myanmar, so a
 * curator who types `somchai` finds สมชาย ใจดี. The forms go into the search index beside the
 * native text; queries are never romanised, and Latin text gets no extra forms.
 *
 * Each script gets what does it best (measured on the demo's name tables in names-native.test.ts):
 * - Thai: @dehoist/romanize-thai, which reads Thai vowel order and finals (สมชาย → somchai;
 *   any-ascii gives smchay), word by word, after dropping the letters the thanthakhat (์)
 *   silences and adding two readings it misses; and the popular spelling beside it
 *   (Siriporn beside RTGS Siriphon).
 * - Lao: any-ascii, after putting the vowels written before their consonant back after it
 *   and spelling a few sounds the customary, French-influenced way (ແກ້ວ → keo, ໄຊ → xay,
 *   final -nh): names are found as Lao people spell them.
 * - Khmer: our reading of Khmer syllables with the two consonant series (khmer.ts; any-ascii
 *   reads letter by letter: សុផល → sophl, ជា → cha), plus any-ascii's form.
 * - Myanmar: a table of name syllables (myanmar.ts); no package spells Myanmar names the way
 *   passports do.
 * Every form is lower-case ASCII letters and digits.
 */

export type NativeScript = 'thai' | 'lao' | 'khmer' | 'myanmar';

const RUNS = /(\p{Script=Thai}+)|(\p{Script=Lao}+)|(\p{Script=Khmer}+)|(\p{Script=Myanmar}+)/gu;
const ANY_NATIVE = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const SCRIPTS: NativeScript[] = ['thai', 'lao', 'khmer', 'myanmar'];

export function hasNativeScript(text: string): boolean {
  return ANY_NATIVE.test(text);
}

/** The unbroken runs of one of the four scripts in a text, in order. */
export function nativeRuns(text: string): { script: NativeScript; run: string }[] {
  const out: { script: NativeScript; run: string }[] = [];
  for (const m of text.matchAll(RUNS)) {
    const group = m.slice(1).findIndex((g) => g !== undefined);
    out.push({ script: SCRIPTS[group] as NativeScript, run: m[0] });
  }
  return out;
}

/** Romanised words for every native-script run of a text (none for Latin text). */
export function romanize(text: string): string[] {
  const out = new Set<string>();
  for (const { script, run } of nativeRuns(text)) for (const form of romanizeRun(script, run)) out.add(form);
  return [...out];
}

/** The romanised forms of one run of a single script, best first. */
export function romanizeRun(script: NativeScript, run: string): string[] {
  const forms = script === 'thai' ? thai(run) : script === 'lao' ? lao(run) : script === 'khmer' ? khmer(run) : myanmar(run);
  return [...new Set(forms.filter(Boolean))];
}

function plain(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function khmer(run: string): string[] {
  const form = plain(romanizeKhmer(run));
  // Names spell some sounds their own way: Ly, Davy, Srey; Ouk; Keo; Veasna, Rachana.
  // any-ascii's letter by letter reading is kept too.
  const customary = form.replace(/ei/g, 'ey').replace(/i$/, 'y').replace(/^u/, 'ou').replace(/ev$/, 'eo').replace(/ea$/, 'a');
  return [form, customary, plain(anyAscii(run))];
}

/** A consonant under the thanthakhat, with the i or u written on it, is not pronounced: สมศักดิ์ is somsak. */
const THAI_SILENT = /[\u0E01-\u0E2E][\u0E34\u0E38]?\u0E4C/gu;

/**
 * @dehoist/romanize-thai runs some 1,600 replacements a call (about a millisecond), so a run
 * is romanised word by word and each word is kept: a directory's names share their words.
 */
const thaiWords = new Map<string, string>();

function thaiWord(word: string): string {
  let form = thaiWords.get(word);
  if (form === undefined) {
    form = plain(romanizeThai(thaiReadings(word.replace(THAI_SILENT, ''))));
    if (thaiWords.size >= 20_000) thaiWords.clear();
    thaiWords.set(word, form);
  }
  return form;
}

/** A first consonant written without a vowel before one that has a vowel sign: ธนากร. */
const THAI_OPEN_FIRST = /^([\u0E01-\u0E2E])(?=([\u0E01-\u0E2E])[\u0E48-\u0E4B]?[\u0E30-\u0E3A\u0E47])/u;
/** Initial clusters (กร, ปล, ...) and the silent ห and อ that only set a tone: no vowel between. */
const THAI_CLUSTER = /^([กขคตปพผบดทฟ][รลว]|[ศสซจ]ร|ห[งญนมยรลว]|อย)$/u;

/**
 * Two readings the package misses, written into the Thai for it as Latin letters it leaves
 * alone: the a a first consonant carries when no vowel is written on it (ธนากร: thanakon,
 * ชนิดา: chanida), and ญ closing a syllable, which is n (บุญชัย: bunchai, ปัญญา: panya).
 */
function thaiReadings(word: string): string {
  const first = THAI_OPEN_FIRST.exec(word);
  let out = first && !THAI_CLUSTER.test(`${first[1]}${first[2]}`) ? `${first[1]}a${word.slice(1)}` : word;
  out = out.replace(/\u0E0D(?=[\u0E01-\u0E2E]|$)/gu, 'n');
  return out;
}

function thai(run: string): string[] {
  const form = segmentWords('thai', run).map(thaiWord).join('');
  // A final ร after a consonant is the vowel o and the final n (ศิริพร is Siriphon); the
  // package leaves "siriphr". Both are kept, as a typed prefix may follow either.
  const finalR = form.replace(/([^aeiou])r$/, '$1on');
  // The popular spelling many Thais use in passports and e-mail: p for ph, -orn, -ee
  // (Siriporn, Malee); it doubles the share of popular spellings found in the demo's names.
  const popular = form.replace(/ph/g, 'p').replace(/([^aeiou])r$/, '$1orn').replace(/([^aeiou])i$/, '$1ee');
  return [form, finalR, popular];
}

const LAO_CONSONANT = '[\u0E81-\u0EAE\u0EDC-\u0EDF]';
const LAO_SONORANT = '[\u0E87\u0E8D\u0E99\u0EA1\u0EA5\u0EA7\u0EA3]';
const LAO_TONE = '[\u0EC8-\u0ECB]?';
/** Lao spellings any-ascii reads letter by letter, as Lao names are customarily romanised. */
const LAO_SOUNDS: [RegExp, string][] = [
  // A vowel written before its consonant (ເ ແ ໂ ໃ ໄ) is said after it, and after a ຫ cluster.
  [new RegExp(`([\u0EC0-\u0EC4])((?:\u0EAB${LAO_SONORANT}|${LAO_CONSONANT})\u0EBC?)`, 'gu'), '$2$1'],
  [new RegExp(`\u0EC0\u0EBB${LAO_TONE}\u0EB2`, 'gu'), 'ao'],
  [new RegExp(`[\u0EC0\u0EC1](${LAO_TONE})\u0EA7`, 'gu'), 'eo'],
  [new RegExp(`\u0EC0${LAO_TONE}\u0EB1`, 'gu'), 'e'],
  [new RegExp(`\u0EC0${LAO_TONE}[\u0EB5\u0EB7]`, 'gu'), 'eu'],
  [/\u0EBB\u0EA7/gu, 'oua'],
  [new RegExp(`(?<=${LAO_CONSONANT}\u0EBC?)\u0EA7(?=${LAO_CONSONANT})`, 'gu'), 'oua'],
  // ວ closing a syllable after າ is o (Sengdao); ອນ is spelled -one (Somphone, Kesone).
  [/(?<=\u0EB2)\u0EA7(?![\u0EB0-\u0EBD\u0EAD])/gu, 'o'],
  [new RegExp(`(?<=${LAO_CONSONANT}${LAO_TONE})\u0EAD\u0E99`, 'gu'), 'one'],
  [new RegExp(`(?<=${LAO_CONSONANT}${LAO_TONE})\u0EAD`, 'gu'), 'o'],
  // ຫ before a sonorant only sets the tone; ຫຼ is l.
  [new RegExp(`\u0EAB(?=${LAO_SONORANT}|\u0EBC)`, 'gu'), ''],
  [/\u0EBC/gu, 'l'],
  [/[\u0EC3\u0EC4]/gu, 'ai'],
  [/\u0EBD/gu, 'ie'],
  [/\u0E8D/gu, 'y'],
];

function lao(run: string): string[] {
  let s = run;
  for (const [pattern, sound] of LAO_SOUNDS) s = s.replace(pattern, sound);
  const form = plain(anyAscii(s));
  // Names are spelled as French spelling taught: Sengsouvanh, Somsack, Luangrath, Bounmy,
  // Latsamy, Phonethip, Vilay; some write ຊ and ສີ as S and Sy (Sayavong, Sysavath).
  const customary = form
    .replace(/ai/g, 'ay')
    .replace(/yy/g, 'y')
    .replace(/d(?=[^aeiouy])/g, 't')
    .replace(/b(?=[^aeiouy]|$)/g, 'p')
    .replace(/an$/, 'anh')
    .replace(/on$/, 'one')
    .replace(/ak$/, 'ack')
    .replace(/[dt]$/, 'th')
    .replace(/i$/, 'y');
  return [form, customary, customary.replace(/^x/, 's'), customary.replace(/^si/, 'sy')];
}

const MYANMAR_TABLE = new Map(Object.entries(MYANMAR_SYLLABLES).map(([k, v]) => [k.normalize('NFC'), v]));
/** At most this many spellings of one run of syllables, so a long run cannot blow up the index. */
const MAX_COMBINATIONS = 8;

/**
 * Each syllable with each of its spellings, and the syllables of every stretch of two or
 * three joined (Myanmar names are written with one or two syllables per romanised word:
 * Aung, Sithu, Yadanar), and the whole run joined.
 */
function myanmar(run: string): string[] {
  const spellings = myanmarSyllables(run.normalize('NFC')).map((s) => MYANMAR_TABLE.get(s) ?? [plain(anyAscii(s))]);
  const out = spellings.flat();
  for (let i = 0; i < spellings.length; i++) {
    for (const n of [2, 3]) if (i + n <= spellings.length) out.push(...joined(spellings.slice(i, i + n)));
  }
  if (spellings.length > 3) out.push(spellings.map((s) => s[0]).join(''));
  return out;
}

function joined(parts: (readonly string[])[]): string[] {
  let acc = [''];
  for (const options of parts) acc = acc.flatMap((a) => options.map((o) => a + o)).slice(0, MAX_COMBINATIONS);
  return acc;
}
