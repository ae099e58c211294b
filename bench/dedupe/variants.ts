/**
 * How a person who is already in the directory writes themselves differently on a new
 * application. Written for the bench alone: nothing here comes from shared/model/dedupe, so
 * the matcher is measured against variations it did not define (folding, spellings and
 * readings are re-implemented here, from what people are seen to do, not from the matcher).
 */
import type { Rng } from '../../electron/core/demo/prng';

export interface Person {
  givenName: string;
  familyName: string;
  nameOrder: 'given-family' | 'family-given' | 'given-only';
  otherNames: string[];
  email: string;
  phone: string;
  country: 'BN' | 'KH' | 'ID' | 'LA' | 'MY' | 'MM' | 'PH' | 'SG' | 'TH' | 'VN' | 'TL';
  agency: string;
  gender: 'female' | 'male' | 'other' | null;
  education: { qualification: string; institution: string; year: number | null }[];
}

export type Variation = 'order' | 'diacritics' | 'typo' | 'spelling' | 'native' | 'titles' | 'other-name' | 'case';

/** Diacritics as a keyboard without them drops them: "Nguyễn Đức" → "Nguyen Duc". */
export function dropDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** One slip of the fingers somewhere in the name: a letter swapped with its neighbour, doubled, dropped or replaced. */
export function typo(rng: Rng, s: string): string {
  const letters = [...s].map((c, i) => ({ c, i })).filter(({ c }) => /\p{L}/u.test(c));
  if (letters.length < 2) return s;
  const { i } = rng.pick(letters);
  const chars = [...s];
  const kind = rng.int(0, 3);
  const nearby = 'qwertyuiopasdfghjklzxcvbnm';
  if (kind === 0 && i + 1 < chars.length && /\p{L}/u.test(chars[i + 1]!)) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
  else if (kind === 1) chars.splice(i, 0, chars[i]!);
  else if (kind === 2) chars.splice(i, 1);
  else chars[i] = nearby[(nearby.indexOf(chars[i]!.toLowerCase()) + 1 + nearby.length) % nearby.length] ?? 'a';
  return chars.join('');
}

/** Names spelled more than one way in the region, either direction. */
const SPELLINGS: [RegExp, string][] = [
  [/\bMuhammad\b/, 'Mohd'], [/\bMohd\b/, 'Muhammad'], [/\bMohamad\b/, 'Muhammad'], [/\bMuhammad\b/, 'Mohamed'],
  [/\bAhmad\b/, 'Ahmed'], [/\bAbdul\b/, 'Abd'], [/\bNur\b/, 'Noor'], [/\bNor\b/, 'Nur'], [/\bSiti\b/, 'Sitti'],
  [/\bHussein\b/, 'Husain'], [/\bHassan\b/, 'Hasan'], [/\bYusof\b/, 'Yusuf'], [/\bOthman\b/, 'Osman'], [/\bFatimah\b/, 'Fatima'],
];
/** Thai and Lao names: the official (RTGS) and the popular romanisation differ predictably. */
const READINGS: [RegExp, string][] = [
  [/ph/, 'p'], [/Ph/, 'P'], [/th/, 't'], [/Th/, 'T'], [/phon\b/, 'porn'], [/i\b/, 'ee'], [/W/, 'V'], [/Ch/, 'J'], [/u\b/, 'oo'], [/kh/, 'k'], [/ou/, 'u'], [/x/, 's'],
];
/** Indonesian names in the spelling before 1972, still on many documents. */
const OLD_INDONESIAN: [RegExp, string][] = [[/u/, 'oe'], [/j/, 'dj'], [/c/, 'tj'], [/y/, 'j']];

function respell(rng: Rng, s: string, rules: [RegExp, string][]): string | null {
  const usable = rules.filter(([re]) => re.test(s));
  if (!usable.length) return null;
  const [re, to] = rng.pick(usable);
  return s.replace(re, to);
}

export function otherSpelling(rng: Rng, p: Person): Person | null {
  const rules = ['TH', 'LA'].includes(p.country) ? READINGS : p.country === 'ID' ? [...SPELLINGS, ...OLD_INDONESIAN] : SPELLINGS;
  const fields: ('givenName' | 'familyName')[] = rng.chance(0.5) ? ['familyName', 'givenName'] : ['givenName', 'familyName'];
  for (const field of fields) {
    const changed = p[field] ? respell(rng, p[field], rules) : null;
    if (changed !== null) return { ...p, [field]: changed };
  }
  return null;
}

/** Given and family name the other way round: the form was read in the other convention. */
export function swapOrder(p: Person): Person | null {
  if (!p.familyName) {
    const words = p.givenName.split(' ');
    if (words.length < 2) return null;
    return { ...p, givenName: words.slice(1).join(' '), familyName: words[0]!, nameOrder: 'family-given' };
  }
  return { ...p, givenName: p.familyName, familyName: p.givenName, nameOrder: p.nameOrder === 'family-given' ? 'given-family' : 'family-given' };
}

const TITLES: Partial<Record<Person['country'], string[]>> = {
  MY: ["Dato'", 'Dr.', 'Hj.', 'Datuk', 'Tan Sri'], BN: ['Dr.', "Dato'", 'Awang'], ID: ['Dr.', 'Ir.', 'Drs.', 'Prof.'], PH: ['Atty.', 'Dr.', 'Engr.'],
  TH: ['Dr.'], VN: ['Dr.'], SG: ['Dr.', 'Mr.', 'Ms.'], MM: ['U', 'Daw', 'Dr.'], KH: ['Dr.', 'H.E.'], LA: ['Dr.'], TL: ['Dr.'],
};

/** A title typed into the name field, and for Malay names the "bin"/"binti" dropped or kept. */
export function withTitle(rng: Rng, p: Person): Person {
  const title = rng.pick(TITLES[p.country] ?? ['Dr.']);
  const given = / bin | binti /.test(p.givenName) && rng.chance(0.5) ? p.givenName.replace(/ bin | binti /, ' ') : p.givenName;
  return { ...p, givenName: `${title} ${given}` };
}

/** Case and letters of an e-mail as a person retypes it. */
export function recase(rng: Rng, email: string): string {
  if (!email) return email;
  return rng.chance(0.5) ? email.toUpperCase() : email.replace(/^./, (c) => c.toUpperCase());
}

/** The same phone written another way: national format with a trunk 0, or digits run together, or dashes. */
export function rewritePhone(rng: Rng, phone: string): string {
  const m = /^\+(\d{2,3})\s?(.*)$/.exec(phone);
  if (!m) return phone;
  const [, cc, rest] = m;
  const digits = rest!.replace(/\D/g, '');
  const style = rng.int(0, 2);
  // Singapore, Brunei and Timor-Leste have no trunk prefix; elsewhere in the region it is 0.
  const trunk = cc === '65' || cc === '673' || cc === '670' ? '' : '0';
  if (style === 0) return `${trunk}${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`.trim();
  if (style === 1) return `+${cc}${digits}`;
  return `(+${cc}) ${digits.slice(0, 3)}-${digits.slice(3)}`;
}

/** An institution as people abbreviate it: the initials of its capitalised words ("Universitas Gadjah Mada" → "UGM"). */
export function abbreviate(institution: string): string {
  const initials = institution.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return initials.length >= 2 ? initials : institution;
}

/**
 * The degrees a re-applicant lists again: sometimes none (the section left for the CV), often
 * not all (an early degree left out), a year now and then left out, an institution sometimes
 * abbreviated, and sometimes a degree earned since.
 */
export function restateEducation(rng: Rng, education: Person['education'], since: Person['education'][number] | null): Person['education'] {
  if (rng.chance(0.15)) return [];
  const kept = education
    .filter((_, i) => i === 0 || rng.chance(0.8))
    .map((e) => ({
      ...e,
      year: rng.chance(0.05) ? null : e.year,
      institution: rng.chance(0.1) ? abbreviate(e.institution) : e.institution,
    }));
  return since && rng.chance(0.1) ? [since, ...kept] : kept;
}
