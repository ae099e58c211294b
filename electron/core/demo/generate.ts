import { countryCodes, type CountryCode } from '../../../shared/model/countries';
import {
  defaultVisibility,
  type ExpertCreate,
  type ExpertFields,
  type PortfolioFields,
  type Visibility,
  type VisibilityLevel,
} from '../../../shared/model/expert';
import { agencies, emailDomain, type Agency } from './agencies';
import { careerSummary, education, position, REFERENCE_YEAR } from './career';
import { countryProfiles } from './country-profiles';
import { domainOf, labelOf, pickExpertise } from './expertise';
import { honorificFor } from './honorifics';
import { languagesFor } from './languages';
import { personName, type Gender } from './names';
import { portfolioFor } from './portfolio';
import { Rng } from './prng';

/**
 * Deterministic synthetic experts for demos and benchmarks: the same (count, seed) always
 * yields the same records, in the same order, on any machine; a longer run starts with the
 * records of a shorter one. Nothing here reads the clock or Math.random. Every record passes
 * expertCreateSchema and every portfolio item portfolioFieldsSchema.
 */
export interface DemoExpert {
  expert: ExpertCreate;
  portfolio: PortfolioFields[];
}

const countryWeights = countryCodes.map((c) => [c, countryProfiles[c].weight] as const);
const agencyWeights = Object.fromEntries(
  countryCodes.map((c) => [c, agencies[c].map((a) => [a, a.weight] as const)]),
) as Record<CountryCode, (readonly [Agency, number])[]>;

/** Share of women among the experts of each country, roughly that of its senior civil service. */
const femaleShare: Record<CountryCode, number> = {
  BN: 0.5, KH: 0.35, ID: 0.45, LA: 0.4, MY: 0.5, MM: 0.55, PH: 0.6, SG: 0.5, TH: 0.55, VN: 0.5, TL: 0.35,
};

/**
 * Share of experts from the states with their own script who also give their name in it, as
 * an other spelling. The roster's forms are in English, so the native spelling is optional;
 * about half of Thai applicants and somewhat fewer of the others add it.
 */
const nativeShare: Partial<Record<CountryCode, number>> = { TH: 0.5, LA: 0.4, KH: 0.4, MM: 0.4 };

function visibility(rng: Rng): Visibility {
  if (rng.chance(0.8)) return defaultVisibility;
  const level = (weights: readonly (readonly [VisibilityLevel, number])[]) => rng.weighted(weights);
  return {
    contact: level([['secretariat', 60], ['members', 35], ['public', 5]]),
    career: level([['public', 75], ['members', 20], ['secretariat', 5]]),
    expertise: level([['public', 85], ['members', 15]]),
    portfolio: level([['public', 70], ['members', 25], ['secretariat', 5]]),
    photo: level([['members', 50], ['public', 40], ['secretariat', 10]]),
  };
}

/** A valid, plausible local part; the zod e-mail check rejects leading, trailing or double dots. */
function cleanLocal(local: string): string {
  const cleaned = local.replace(/[^a-z0-9._]/g, '').replace(/\.{2,}/g, '.').replace(/^[._]+|[._]+$/g, '');
  return cleaned.slice(0, 48) || 'expert';
}

/**
 * `script` decides only whether a native spelling is shown. It is a random source of its own,
 * so adding the native spellings left every other field of every record as it was.
 */
function makeExpert(rng: Rng, script: Rng, usedEmails: Set<string>): DemoExpert {
  const country = rng.weighted(countryWeights);
  const agency = rng.weighted(agencyWeights[country]);
  const gender: Gender = rng.chance(femaleShare[country]) ? 'female' : 'male';
  const name = personName(rng, country, gender);
  const share = nativeShare[country];
  const otherNames = name.native && share !== undefined && script.chance(share) ? [...name.otherNames, name.native] : name.otherNames;

  const years = Math.round((rng.int(3, 38) + rng.int(3, 38)) / 2);
  const expertise = pickExpertise(rng, agency);
  const areas = expertise.map(labelOf);
  const domain = domainOf(expertise[0] as string);
  const pos = position(rng, country, agency, domain, years);
  const edu = education(rng, country, agency, domain, years, pos.professor);
  const honorific = honorificFor(rng, {
    country, gender, community: name.community, hereditaryTitle: name.hereditaryTitle, years, rank: pos.rank, seniority: pos.seniority,
    professor: pos.professor, phd: edu.phd, engineer: edu.engineer, lawyer: edu.lawyer, earlyGraduate: edu.earlyGraduate,
  });
  const shownYears = rng.chance(0.02) ? null : years;

  const domainPart = emailDomain(agency);
  const local = cleanLocal(name.emailLocal);
  let email = `${local}@${domainPart}`;
  for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${domainPart}`;
  usedEmails.add(email);

  const expert: ExpertFields = {
    givenName: name.givenName,
    familyName: name.familyName,
    nameOrder: name.nameOrder,
    otherNames,
    honorific,
    gender: rng.chance(0.03) ? null : gender, // some applicants leave it blank
    country,
    agency: agency.name,
    position: pos.title,
    email: rng.chance(0.02) ? '' : email,
    phone: rng.chance(0.05) ? '' : countryProfiles[country].phone(rng),
    languages: languagesFor(rng, country, name.community),
    expertise,
    careerSummary: careerSummary(rng, { country, agency, rank: pos.rank, years: shownYears, areas, domainLabel: labelOf(domain) }),
    yearsExperience: shownYears,
    education: edu.entries,
    photo: null,
    visibility: visibility(rng),
  };
  const portfolio = portfolioFor(rng, {
    country, agency, areas, domains: expertise.map(domainOf), careerStart: REFERENCE_YEAR - years,
  });
  return { expert, portfolio };
}

export function* generateExperts(count: number, seed: number): Generator<DemoExpert> {
  const rng = new Rng(seed);
  const script = new Rng((seed ^ 0x5c417ba7) >>> 0);
  const usedEmails = new Set<string>();
  for (let i = 0; i < count; i++) yield makeExpert(rng, script, usedEmails);
}
