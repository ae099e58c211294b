/**
 * The labelled set for dedupe.recall and dedupe.precision, the same for a seed on every run:
 * a directory of generated experts (the demo generator), and probes — applications that are
 * either a directory expert written differently (variants.ts), labelled with that expert, or
 * someone else (labelled null): a new person from the generator, whose common name often
 * exists already (many "Nguyen Van ..."), or a near namesake of a directory expert (one word
 * of the name changed for a word another person of the country bears), sometimes from the
 * same agency.
 *
 * A probe is a whole person, not a name: a duplicate states the gender the directory holds
 * (now and then left blank) and lists its degrees again as re-applicants do (restateEducation:
 * sometimes none, often not all, a year or an institution's full name now and then left out);
 * a look-alike has a life of its own (a newcomer's degrees from the generator; a near
 * namesake keeps known's gender, the harder case, and holds the degrees of the person whose
 * name word it took).
 */
import { generateExperts } from '../../electron/core/demo/generate';
import { Rng } from '../../electron/core/demo/prng';
import { dropDiacritics, otherSpelling, recase, restateEducation, rewritePhone, swapOrder, typo, withTitle, type Person, type Variation } from './variants';

export interface Probe {
  person: Person;
  /** The directory index of the expert this is, or null for someone else. */
  same: number | null;
  variations: Variation[];
  /** For a duplicate: whether it kept the e-mail (in any case) or the phone (in any format). */
  keptContact: boolean;
}

export interface Dataset {
  directory: (Person & Record<string, unknown>)[];
  probes: Probe[];
}

const NATIVE = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]/u;
/** Words of a name that say whose child or which title, not who: a near namesake changes a real name word. */
const NOT_A_NAME = new Set(['bin', 'binti', 'a/l', 'a/p', 's/o', 'd/o', 'haji', 'hajah', 'pengiran', 'awang', 'dayang']);

export function buildDataset(size: number, duplicates: number, lookAlikes: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const directory = [...generateExperts(size, seed)].map(({ expert }) => ({
    ...expert,
    familyName: expert.familyName ?? '',
    nameOrder: expert.nameOrder ?? 'given-family',
    otherNames: expert.otherNames ?? [],
    email: expert.email ?? '',
    phone: expert.phone ?? '',
    agency: expert.agency ?? '',
    gender: expert.gender ?? null,
    education: expert.education ?? [],
  })) as Dataset['directory'];
  const emails = new Set(directory.map((d) => d.email.toLowerCase()));
  const byCountry = new Map<string, number[]>();
  directory.forEach((d, i) => byCountry.set(d.country, [...(byCountry.get(d.country) ?? []), i]));
  const withNative = directory.map((d, i) => (d.otherNames.some((o) => NATIVE.test(o)) ? i : -1)).filter((i) => i >= 0);
  const sameCountry = (p: Person) => directory[rng.pick(byCountry.get(p.country)!)]!;
  const freshEmail = (p: Person) => {
    let e = `${dropDiacritics(p.givenName).toLowerCase().replace(/[^a-z]/g, '').slice(0, 12) || 'applicant'}${rng.int(1, 99)}@mail.example`;
    while (emails.has(e)) e = e.replace('@', `${rng.int(0, 9)}@`);
    emails.add(e);
    return e;
  };
  const freshPhone = (p: Person) => (p.phone ? p.phone.replace(/\d(?=(\D*\d){0,5}$)/g, () => String(rng.int(0, 9))) : '');

  const probes: Probe[] = [];
  const variationWeights: [Variation, number][] = [['order', 3], ['diacritics', 3], ['typo', 3], ['spelling', 2], ['native', 2], ['titles', 1], ['case', 1]];
  while (probes.filter((p) => p.same !== null).length < duplicates) {
    const count = rng.chance(0.35) ? 2 : 1;
    const chosen: Variation[] = [];
    while (chosen.length < count) {
      const v = rng.weighted(variationWeights);
      if (!chosen.includes(v)) chosen.push(v);
    }
    // A title is typed before the name, whatever else differs.
    chosen.sort((x, y) => Number(x === 'titles') - Number(y === 'titles'));
    const index = chosen.includes('native') ? rng.pick(withNative) : rng.int(0, directory.length - 1);
    const known = directory[index]!;
    let p: Person = {
      givenName: known.givenName, familyName: known.familyName, nameOrder: known.nameOrder,
      otherNames: rng.chance(0.3) ? known.otherNames.filter((o) => !NATIVE.test(o)) : [],
      email: known.email, phone: known.phone, country: known.country, agency: known.agency,
      // What the person states of themselves again: their gender (now and then left blank) and
      // their degrees, as a re-applicant lists them (restateEducation).
      gender: rng.chance(0.05) ? null : known.gender,
      education: restateEducation(rng, known.education, newerDegree(rng, known)),
    };
    let applied = true;
    for (const v of chosen) {
      const next = apply(rng, p, known, v);
      if (next === null) applied = false;
      else p = next;
    }
    if (!applied) continue;
    if (chosen.includes('native')) {
      // The directory holds the Latin name only, so the match must come through the reading.
      known.otherNames = known.otherNames.filter((o) => !NATIVE.test(o));
    }
    // What else the person kept: often the e-mail or phone, usually the workplace.
    const keepEmail = chosen.includes('case') || rng.chance(0.55);
    if (!chosen.includes('case')) p.email = keepEmail ? (rng.chance(0.3) ? recase(rng, p.email) : p.email) : freshEmail(p);
    const keepPhone = rng.chance(0.5);
    p.phone = keepPhone ? (rng.chance(0.7) ? rewritePhone(rng, p.phone) : p.phone) : freshPhone(p);
    if (rng.chance(0.25)) p.agency = sameCountry(p).agency;
    probes.push({ person: p, same: index, variations: chosen, keptContact: (keepEmail && p.email !== '') || (keepPhone && p.phone !== '') });
  }

  const newcomers = [...generateExperts(lookAlikes, seed + 7919)].map(({ expert }) => expert);
  for (let k = 0; k < lookAlikes; k++) {
    if (k % 2 === 0) {
      const e = newcomers[k]!;
      const p: Person = {
        givenName: e.givenName, familyName: e.familyName ?? '', nameOrder: e.nameOrder ?? 'given-family', otherNames: e.otherNames ?? [],
        email: '', phone: e.phone ?? '', country: e.country, agency: e.agency ?? '',
        gender: e.gender ?? null, education: e.education ?? [],
      };
      p.email = emails.has((e.email ?? '').toLowerCase()) ? freshEmail(p) : (e.email ?? '');
      emails.add(p.email.toLowerCase());
      p.phone = freshPhone(p);
      probes.push({ person: p, same: null, variations: [], keptContact: false });
    } else {
      const near = nearNamesake(rng, directory[rng.int(0, directory.length - 1)]!, sameCountry);
      near.email = freshEmail(near);
      near.phone = freshPhone(near);
      probes.push({ person: near, same: null, variations: [], keptContact: false });
    }
  }
  return { directory, probes };
}

function apply(rng: Rng, p: Person, known: Person, v: Variation): Person | null {
  switch (v) {
    case 'order':
      return swapOrder(p);
    case 'diacritics': {
      const next = { ...p, givenName: dropDiacritics(p.givenName), familyName: dropDiacritics(p.familyName) };
      return next.givenName === p.givenName && next.familyName === p.familyName ? null : next;
    }
    case 'typo':
      return rng.chance(0.5) && p.familyName ? { ...p, familyName: typo(rng, p.familyName) } : { ...p, givenName: typo(rng, p.givenName) };
    case 'spelling':
      return otherSpelling(rng, p);
    case 'native': {
      const native = known.otherNames.find((o) => NATIVE.test(o));
      if (!native) return null;
      const [first, ...rest] = native.split(' ');
      // Written in the person's own script, in the name fields as they are split there.
      return rest.length ? { ...p, givenName: first!, familyName: rest.join(' '), nameOrder: 'given-family' } : { ...p, givenName: native, familyName: '', nameOrder: 'given-only' };
    }
    case 'titles':
      return withTitle(rng, p);
    case 'case':
    default:
      return p.email ? { ...p, email: recase(rng, p.email), givenName: p.givenName.toUpperCase(), familyName: p.familyName.toUpperCase() } : null;
  }
}

/** A degree earned after the ones in the directory, for a re-applicant who lists it: at home, some years after their last. */
function newerDegree(rng: Rng, known: Person): Person['education'][number] | null {
  const last = Math.max(0, ...known.education.map((e) => e.year ?? 0));
  if (!last || last >= 2024) return null;
  return { qualification: 'Graduate Certificate in Public Policy', institution: rng.pick(known.education).institution, year: Math.min(2025, last + rng.int(1, 6)) };
}

/**
 * Someone else with nearly the name of `known`: one word of it replaced by a word another
 * person of the country bears. They keep known's gender (a namesake of the other gender would
 * be told apart too easily) and hold the other person's degrees: someone else's life, not
 * known's.
 */
function nearNamesake(rng: Rng, known: Person, sameCountry: (p: Person) => Person): Person {
  for (;;) {
    const other = sameCountry(known);
    const field = known.familyName && rng.chance(0.3) ? 'familyName' : 'givenName';
    const words = known[field].split(' ');
    const replacement = rng.pick(other[field === 'familyName' && other.familyName ? 'familyName' : 'givenName'].split(' '));
    const at = rng.int(0, words.length - 1);
    if (NOT_A_NAME.has(words[at]!.toLowerCase()) || NOT_A_NAME.has(replacement.toLowerCase())) continue;
    if (dropDiacritics(words[at]!).toLowerCase() === dropDiacritics(replacement).toLowerCase()) continue;
    words[at] = replacement;
    return {
      ...known,
      otherNames: [],
      [field]: words.join(' '),
      agency: rng.chance(0.3) ? known.agency : other.agency,
      education: other.education,
    };
  }
}
