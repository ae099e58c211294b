/**
 * Khmer romanised the way Cambodian names are customarily spelled (Sok, Chea, Sophal, Meas).
 * any-ascii reads Khmer letter by letter (សុផល → sophl, ជា → cha); a Khmer vowel sign is
 * said differently after a first-series consonant (ា: a) and a second-series one (ា: ea),
 * and a consonant written without a vowel carries one (a after the first series, o after the
 * second, when a final follows). This reads each orthographic syllable with those rules, in a
 * simplified UNGEGN spelling with the forms names use (ou, oeu, ie).
 */

const FIRST_SERIES = new Set('កខចឆដឋណតថបផសហឡអ');
const INITIAL: Record<string, string> = {
  ក: 'k', ខ: 'kh', គ: 'k', ឃ: 'kh', ង: 'ng', ច: 'ch', ឆ: 'chh', ជ: 'ch', ឈ: 'chh', ញ: 'nh', ដ: 'd', ឋ: 'th', ឌ: 'd',
  ឍ: 'th', ណ: 'n', ត: 't', ថ: 'th', ទ: 't', ធ: 'th', ន: 'n', ប: 'b', ផ: 'ph', ព: 'p', ភ: 'ph', ម: 'm', យ: 'y', រ: 'r',
  ល: 'l', វ: 'v', ស: 's', ហ: 'h', ឡ: 'l', អ: '',
};
const FINAL: Record<string, string> = {
  ក: 'k', ខ: 'k', គ: 'k', ឃ: 'k', ង: 'ng', ច: 'ch', ឆ: 'ch', ជ: 'ch', ឈ: 'ch', ញ: 'nh', ដ: 't', ឋ: 't', ឌ: 't', ឍ: 't',
  ណ: 'n', ត: 't', ថ: 't', ទ: 't', ធ: 't', ន: 'n', ប: 'b', ផ: 'p', ព: 'p', ភ: 'p', ម: 'm', យ: 'y', រ: '', ល: 'l', វ: 'v',
  ស: 's', ហ: 'h', ឡ: 'l', អ: '',
};
/** Vowel signs after a first-series and a second-series consonant. */
const VOWEL: Record<string, readonly [string, string]> = {
  'ា': ['a', 'ea'], 'ិ': ['e', 'i'], 'ី': ['ei', 'i'], 'ឹ': ['oe', 'i'], 'ឺ': ['eu', 'eu'], 'ុ': ['o', 'u'], 'ូ': ['ou', 'ou'],
  'ួ': ['uo', 'uo'], 'ើ': ['aeu', 'oeu'], 'ឿ': ['oeu', 'oeu'], 'ៀ': ['ie', 'ie'], 'េ': ['e', 'e'], 'ែ': ['e', 'e'],
  'ៃ': ['ai', 'ey'], 'ោ': ['o', 'o'], 'ៅ': ['ao', 'ao'], 'ុំ': ['om', 'um'], 'ំ': ['am', 'um'], 'ាំ': ['am', 'oam'],
  'ះ': ['ah', 'eah'], 'ៈ': ['ak', 'eak'], 'ុះ': ['oh', 'uh'], 'េះ': ['eh', 'eh'], 'ោះ': ['aoh', 'uoh'],
};
const INDEPENDENT: Record<string, string> = {
  ឥ: 'e', ឦ: 'ei', ឧ: 'o', ឩ: 'ou', ឪ: 'ov', ឫ: 'ri', ឬ: 'rue', ឭ: 'li', ឮ: 'lue', ឯ: 'ae', ឰ: 'ai', ឱ: 'ao', ឲ: 'ao', ឳ: 'au',
};

/** A consonant with its subscripts, register shifter, vowel and signs; or an independent vowel. */
const CLUSTER = /([\u1780-\u17A2])((?:\u17D2[\u1780-\u17A2])*)([\u17C9\u17CA]?)([\u17B6-\u17C5]*)([\u17C6-\u17C8\u17CB-\u17D1\u17DD]*)|([\u17A3-\u17B3])/gu;

interface Cluster {
  base: string;
  subs: string[];
  series: 1 | 2;
  vowel: string;
  signs: string;
}

export function romanizeKhmer(run: string): string {
  const clusters: (Cluster | string)[] = [];
  for (const m of run.matchAll(CLUSTER)) {
    if (m[6]) {
      clusters.push(INDEPENDENT[m[6]] ?? '');
      continue;
    }
    const base = m[1] as string;
    const shift = m[3];
    clusters.push({
      base,
      subs: [...(m[2] ?? '').matchAll(/\u17D2(.)/gu)].map((s) => s[1] as string),
      series: shift ? (shift === '\u17C9' ? 1 : 2) : FIRST_SERIES.has(base) ? 1 : 2,
      // ំ, ះ and ៈ are read with the vowel before them (ុំ, ាំ) or as one of their own.
      vowel: (m[4] ?? '') + (m[5] ?? '').replace(/[^\u17C6-\u17C8]/gu, ''),
      signs: m[5] ?? '',
    });
  }
  let out = '';
  let canTakeFinal = false;
  clusters.forEach((cluster, i) => {
    let c = cluster;
    if (typeof c === 'string') {
      out += c;
      canTakeFinal = true;
      return;
    }
    if (c.signs.includes('\u17CD')) return; // ៍ silences the letter it sits on
    const next = clusters[i + 1];
    const bare = (x: Cluster | string | undefined): x is Cluster => x !== undefined && typeof x !== 'string' && !x.vowel;
    // After an open syllable a bare consonant closes it (សុខ: sok), unless the one after it
    // is a bare last letter that it must carry (សុផល: so-phal, not sop-la).
    const carries = bare(next) && i + 2 === clusters.length;
    if (!c.vowel && canTakeFinal && c.subs.length === 0 && !carries) {
      // Under the bantoc (់) a vowel is short: ចាន់ is chan, not chean.
      if (c.signs.includes('\u17CB')) out = out.replace(/ea$/, 'a');
      out += FINAL[c.base] ?? '';
      canTakeFinal = false;
      return;
    }
    if (c.subs.length && !c.vowel && i === clusters.length - 1) {
      // A stacked last letter is a final: ដ្ឋ is th (Piseth), ណ្ណ is nn (Sovann).
      const sub = c.subs[0] as string;
      out += (FINAL[c.base] ?? '') + ((INITIAL[sub] ?? '').endsWith('h') ? 'h' : FINAL[sub] === FINAL[c.base] ? FINAL[sub] : '');
      return;
    }
    let base = c.base;
    if (c.subs.length && canTakeFinal && !/[រលវយមនងញ]/u.test(c.subs[0] as string)) {
      // After an open syllable a stacked consonant closes it and the subscript starts the
      // next. A doubled letter is written twice (វណ្ណៈ: vannak), but a final before its own
      // aspirate is not: ឫទ្ធី is rithi, បុប្ផា bopha.
      const final = FINAL[c.base] ?? '';
      const subOnset = INITIAL[c.subs[0] as string] ?? '';
      const beforeAspirate = subOnset.endsWith('h') && (final === subOnset.slice(0, -1) || (final === 'b' && subOnset === 'ph'));
      if (!beforeAspirate) out += final;
      base = c.subs[0] as string;
      c = { ...c, subs: c.subs.slice(1), series: FIRST_SERIES.has(base) ? 1 : 2 };
    }
    const onset = (c.subs.length && base === 'ប' ? 'p' : (INITIAL[base] ?? '')) + c.subs.map((s) => INITIAL[s] ?? '').join('');
    if (c.vowel) {
      const v = VOWEL[c.vowel];
      out += onset + (v ? v[c.series - 1] : [...c.vowel].map((x) => VOWEL[x]?.[c.series - 1] ?? '').join(''));
      canTakeFinal = !/[\u17C6-\u17C8]/u.test(c.vowel);
      return;
    }
    // No vowel written: the inherent one, o after the second series when a final follows.
    const closed = bare(next) && next.subs.length === 0;
    out += onset + (closed && c.series === 2 ? 'o' : 'a');
    canTakeFinal = true;
  });
  return out;
}
