/**
 * Spellings of one name that people of the region use interchangeably, folded (lower case,
 * no diacritics). Each variant maps to one canonical spelling, so "Mohd Faizal" and
 * "Muhammad Faizal" meet. Kept to names where the variants are the same name, never to
 * similar but distinct names (Hasan and Hassan are one name; Hasan and Husin are two).
 */
const GROUPS: readonly (readonly string[])[] = [
  ['muhammad', 'muhamad', 'muhammed', 'mohammad', 'mohammed', 'mohamad', 'mohamed', 'mohamud', 'muhamed', 'mohd', 'muhd', 'mhd', 'md', 'mohd.'],
  ['ahmad', 'ahmed', 'achmad', 'akhmad', 'ahmat'],
  ['abdul', 'abd', 'abdol', 'abdoel'],
  ['abdullah', 'abdulla', 'abdallah'],
  ['nur', 'noor', 'nor', 'nuur', 'noer'],
  ['nurul', 'noorul', 'norul'],
  ['siti', 'sitti', 'sity'],
  ['hussein', 'husain', 'hussain', 'husein', 'hussin', 'husin', 'hosein'],
  ['hassan', 'hasan', 'hasen'],
  ['yusof', 'yusuf', 'yusoff', 'yussof', 'yousef', 'yousuf', 'joesoef'],
  ['osman', 'othman', 'usman', 'uthman', 'utsman'],
  ['ibrahim', 'ebrahim', 'ibrahem'],
  ['ismail', 'esmail', 'ismael'],
  ['fatimah', 'fatima', 'fatma'],
  ['aminah', 'amina'],
  ['zainal', 'zainul'],
  ['rahman', 'rachman', 'rakhman'],
  ['abu', 'abou'],
  ['nguyen', 'nguyn', 'ng'],
];

const CANONICAL = new Map<string, string>();
for (const group of GROUPS) for (const v of group) CANONICAL.set(v, group[0]!);

/** The canonical spelling of a folded name token, or the token itself. */
export function canonicalSpelling(token: string): string {
  return CANONICAL.get(token) ?? token;
}

/**
 * Indonesian spelling before the 1972 reform, still on many identity documents: oe for u,
 * dj for j, tj for c, j for y, ch for kh (Soekarno / Sukarno, Djoko / Joko, Tjahjono /
 * Cahyono). Applied to the names of people from Indonesia only: elsewhere "oe" and "j" are
 * spelled as read.
 */
export function modernIndonesian(token: string): string {
  // j was y only in the old spelling, so it is read as y only in a word that shows another
  // old mark (Tjahjono); a modern Joko keeps its j.
  const old = /oe|dj|tj/.test(token);
  const out = token.replace(/oe/g, 'u').replace(/dj/g, 'J').replace(/tj/g, 'C').replace(/sj/g, 'sy').replace(/ch/g, 'kh');
  return (old ? out.replace(/j/g, 'y') : out).toLowerCase();
}

/**
 * A sound skeleton of a Latin name token, for spellings that differ only in how a sound is
 * romanised: Thai and Lao names in particular (Phensi / Pensri, Jaidee / Chaidi, Siriporn /
 * Siriphon, Wichai / Vichai, Xay / Sai), and doubled letters or a silent final h anywhere.
 * Two tokens with one skeleton are reported as another spelling, not as the same name.
 */
export function soundKey(token: string): string {
  return token
    .replace(/([bcdgkpt])h/g, '$1') // ph th kh ch dh gh bh → p t k c d g b
    .replace(/sh/g, 's')
    .replace(/j/g, 'c')
    .replace(/x/g, 's')
    .replace(/q/g, 'k')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/ee|ea|ie/g, 'i')
    .replace(/oo|ou|ue/g, 'u')
    .replace(/y$/, 'i')
    .replace(/ay/g, 'ai')
    .replace(/rn$/, 'n')
    .replace(/or(?=n$)/, 'o')
    .replace(/(?<=.)r(?=[^aeiouy]|$)/g, '') // a written r that is not said (Thai phr, -rn), never a first letter
    .replace(/h$/, '')
    .replace(/(.)\1+/g, '$1');
}

/**
 * The consonants of a token's sound key, without the letters romanisations disagree on
 * most: vowels, and w (v), y, h and r, which Thai and Myanmar readings spell as vowels, glides
 * or silent letters (Natthaya / nthya, Kaeochit / kaewchitr, Zin Yan Htun / zinyantun).
 * Only for comparing a native-script reading with a Latin name: two Latin names with one
 * skeleton (Hung, Hang) are different names.
 */
export function consonantSkeleton(sound: string): string {
  return sound.replace(/[aeiouyvwhr]/g, '').replace(/(.)\1+/g, '$1');
}
