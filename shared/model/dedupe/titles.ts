/**
 * Words in a name field that are not the name: honorifics and titles people type before
 * their name (Dato' Dr. Ahmad, Hj. Rahman, Daw Khin, นาย สมชาย), and the particles of
 * patronymic names (bin, binti, a/l, s/o) that some forms keep and some drop. They are left
 * out of matching and reported as ignored, so "Ahmad Faizal bin Abdullah" meets "Ahmad
 * Faizal Abdullah" and "Dato' Ahmad Faizal".
 *
 * Titles count only at the start of a name: "Sri" and "Tan" are names too (Sri Mulyani, Tan
 * Wei Ming), and only the pair "Tan Sri" before another word is a title.
 */
const LEADING_TITLES = new Set([
  'dr', 'prof', 'professor', 'assoc', 'ir', 'mr', 'mrs', 'ms', 'miss', 'madam', 'mdm', 'sir',
  'dato', 'datuk', 'datin', 'datinsri', 'datosri', 'datoseri', 'tunku', 'tengku', 'tuan', 'puan', 'encik', 'en', 'pn', 'cik',
  'haji', 'hj', 'hajah', 'hajjah', 'hjh', 'pehin', 'pengiran', 'pg', 'awang', 'dayang', 'dk',
  'khun', 'nai', 'nang', 'nangsao', 'u', 'daw', 'atty', 'engr', 'hon', 'drs', 'dra',
  // Thai, Lao and Khmer words for Mr, Mrs, Miss and Dr, as typed before a native-script name.
  'นาย', 'นาง', 'นางสาว', 'ดร', 'ທ້າວ', 'ນາງ', 'ທ່ານ', 'ឯកឧត្តម', 'លោក', 'លោកស្រី', 'កញ្ញា', 'ဦး', 'ဒေါ်',
]);
/** Titles of two words (H.E. is read as the words h and e): the first alone is a name. */
const PAIRED_TITLES = new Set(['h e', 'tan sri', 'puan sri', 'dato seri', 'dato sri', 'datuk seri', 'toh puan']);

const PARTICLES = new Set(['bin', 'binti', 'binte', 'bte', 'bt', 'bn', 'al', 'a/l', 'a/p', 's/o', 'd/o', 'ibni', 'ibnu', 'ak', 'anak']);
/**
 * Titles that also stand inside a patronymic name (Nor Sabrina binti Pengiran Haji Ali: the
 * father's titles): left out wherever they are.
 */
const TITLES_ANYWHERE = new Set(['haji', 'hj', 'hajah', 'hajjah', 'hjh', 'pengiran', 'pg']);
/** Academic degrees typed after a name ("Budi Santoso, S.H., M.Si."): dropped wherever they stand after the first word. */
const TRAILING = new Set(['sh', 'se', 'st', 'msi', 'mm', 'mh', 'mba', 'phd', 'msc', 'ma', 'ba', 'bsc', 'spd', 'mpd', 'skom', 'mkom', 'jr', 'sr', 'iii', 'ii']);

/** Particles and titles left out wherever they stand (bin, binti, haji), for recognising them typed with a slip (slips.ts). */
export const PARTICLES_ANYWHERE: readonly string[] = [...PARTICLES, ...TITLES_ANYWHERE];

export interface Stripped {
  words: string[];
  ignored: string[];
}

/**
 * Removes titles at the start, particles anywhere, and degrees after the name; never every
 * word, unless `allowEmpty` (a field of several that holds only a title: stripFields).
 */
export function stripTitles(words: readonly string[], allowEmpty = false): Stripped {
  const ignored: string[] = [];
  let i = 0;
  for (;;) {
    const pair = `${words[i]} ${words[i + 1]}`;
    if (words.length - i > 2 && PAIRED_TITLES.has(pair)) {
      ignored.push(pair);
      i += 2;
    } else if (words.length - i > 1 && LEADING_TITLES.has(words[i]!)) ignored.push(words[i++]!);
    else break;
  }
  const kept: string[] = [];
  words.slice(i).forEach((w, k) => {
    if (PARTICLES.has(w) || TITLES_ANYWHERE.has(w) || (k > 0 && kept.length > 0 && TRAILING.has(w))) ignored.push(w);
    else kept.push(w);
  });
  // A "name" made only of such words is matched as typed.
  return kept.length || allowEmpty ? { words: kept, ignored } : { words: [...words], ignored: [] };
}

/**
 * stripTitles over the fields a name was typed in (given and family name). A field holding
 * only a title or particle beside a field holding the name is left out whole: "Haji" typed as
 * the family name of Abdul Halim bin Haji Muhammad Aiman. When every field holds only such
 * words, each is matched as typed.
 */
export function stripFields(fields: readonly (readonly string[])[]): Stripped[] {
  const stripped = fields.map((f) => stripTitles(f, true));
  return stripped.some((x) => x.words.length) ? stripped : fields.map((f) => stripTitles(f));
}
