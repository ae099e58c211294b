import type { CountryCode } from '../../../shared/model/countries';
import type { proficiencies } from '../../../shared/model/expert';
import { countryProfiles } from './country-profiles';
import type { Rng } from './prng';

type Proficiency = (typeof proficiencies)[number];
export interface LanguageEntry {
  code: string;
  proficiency: Proficiency;
}

/** Mother tongue(s) by naming tradition, then the languages each tradition usually adds. */
const byCommunity: Record<string, { native: string; also?: readonly (readonly [string, Proficiency])[] }> = {
  vietnamese: { native: 'vi' },
  thai: { native: 'th' },
  khmer: { native: 'km' },
  lao: { native: 'lo' },
  bamar: { native: 'my' },
  javanese: { native: 'id', also: [['jv', 'native']] },
  indonesian: { native: 'id' },
  clan: { native: 'id' },
  malay: { native: 'ms' },
  chinese: { native: 'zh' },
  indian: { native: 'ta' },
  sikh: { native: 'pa' },
  iban: { native: 'iba', also: [['ms', 'fluent']] },
  eurasian: { native: 'en' },
  tagalog: { native: 'fil' },
  cebuano: { native: 'ceb', also: [['fil', 'fluent']] },
  ilocano: { native: 'ilo', also: [['fil', 'fluent']] },
  hiligaynon: { native: 'hil', also: [['fil', 'fluent']] },
  timorese: { native: 'tet' },
};

/** The national or working language a minority community also speaks, by country. */
const nationalLanguage: Partial<Record<CountryCode, string>> = { MY: 'ms', BN: 'ms', ID: 'id', PH: 'fil', TL: 'pt' };

function englishLevel(rng: Rng, country: CountryCode): Proficiency | null {
  switch (country) {
    case 'SG':
      return rng.chance(0.45) ? 'native' : 'fluent';
    case 'PH':
      return rng.chance(0.8) ? 'fluent' : 'working';
    case 'MY':
    case 'BN':
      return rng.weighted([['fluent', 50], ['working', 45], ['basic', 5]] as const);
    default:
      return rng.weighted([['fluent', 25], ['working', 55], ['basic', 15], [null, 5]] as const);
  }
}

export function languagesFor(rng: Rng, country: CountryCode, community: string): LanguageEntry[] {
  const entry = byCommunity[community] ?? { native: 'en' };
  const out: LanguageEntry[] = [{ code: entry.native, proficiency: 'native' }];
  const has = (code: string) => out.some((l) => l.code === code);
  if (community !== 'javanese' || rng.chance(0.4)) for (const [code, proficiency] of entry.also ?? []) out.push({ code, proficiency });
  const national = nationalLanguage[country];
  if (national && !has(national)) {
    const level: Proficiency = country === 'TL' ? rng.weighted([['fluent', 40], ['working', 45], ['basic', 15]] as const) : 'fluent';
    out.push({ code: national, proficiency: level });
  }
  // Timorese officials educated before 1999 usually also work in Indonesian.
  if (country === 'TL' && rng.chance(0.5)) out.push({ code: 'id', proficiency: rng.pick(['fluent', 'working'] as const) });
  if (country === 'SG' && community === 'chinese' && rng.chance(0.5)) out[0] = { code: 'en', proficiency: 'native' };
  if (!has('en')) {
    const level = englishLevel(rng, country);
    if (level) out.push({ code: 'en', proficiency: level });
  }
  if (country === 'SG' && community === 'chinese' && !has('zh')) out.push({ code: 'zh', proficiency: 'fluent' });
  if (rng.chance(0.25)) {
    const code = rng.pick(countryProfiles[country].foreignLanguages);
    if (!has(code)) out.push({ code, proficiency: rng.pick(['basic', 'working'] as const) });
  }
  return out;
}
