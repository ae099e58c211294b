import type { CountryCode } from '../../../shared/model/countries';
import type { Rng } from './prng';

/** What differs by member state beyond names and agencies: share of the pool, phones, places, ranks, schools. */
export interface CountryProfile {
  /** Relative share of the expert pool: roughly civil-service size, tempered so small states still appear. */
  weight: number;
  phone(rng: Rng): string;
  /** What the country's first-level subdivisions are called, for "pilots in 5 provinces". */
  regions: string;
  capital: string;
  /** Government ranks, senior first. */
  ranks: readonly string[];
  /** How a ministry names its units: "Human Resource Management Division", "Department of ...". */
  unit: (area: string) => string;
  universities: readonly string[];
  /** Foreign languages, besides English, that officials of this country often learned. */
  foreignLanguages: readonly string[];
}

/** n digits, the first never 0 (a subscriber number does not start with the trunk prefix). */
const digits = (rng: Rng, n: number) => {
  let s = String(rng.int(1, 9));
  n -= 1;
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};
const division = (area: string) => `${area} Division`;
const department = (area: string) => `Department of ${area}`;
const directorate = (area: string) => `Directorate of ${area}`;
const bureau = (area: string) => `Bureau of ${area}`;

export const countryProfiles: Record<CountryCode, CountryProfile> = {
  ID: {
    weight: 20,
    phone: (r) => (r.chance(0.5) ? `+62 21 ${digits(r, 4)} ${digits(r, 4)}` : `+62 81${r.int(1, 9)} ${digits(r, 4)} ${digits(r, 4)}`),
    regions: 'provinces',
    capital: 'Jakarta',
    ranks: ['Director General', 'Director', 'Deputy Director', 'Head of Division', 'Policy Analyst (Principal Expert)', 'Policy Analyst (Associate Expert)', 'Civil Service Analyst', 'Head of Section'],
    unit: directorate,
    universities: ['Universitas Indonesia', 'Universitas Gadjah Mada', 'Institut Teknologi Bandung', 'Universitas Airlangga', 'Universitas Padjadjaran', 'Universitas Brawijaya', 'Universitas Hasanuddin', 'Politeknik STIA LAN Jakarta', 'Institut Pemerintahan Dalam Negeri'],
    foreignLanguages: ['ar', 'nl', 'ja', 'zh', 'de'],
  },
  VN: {
    weight: 14,
    phone: (r) => (r.chance(0.5) ? `+84 24 ${digits(r, 4)} ${digits(r, 4)}` : `+84 9${r.int(0, 8)} ${digits(r, 3)} ${digits(r, 4)}`),
    regions: 'provinces',
    capital: 'Ha Noi',
    ranks: ['Director General', 'Deputy Director General', 'Director', 'Deputy Director', 'Principal Specialist', 'Senior Specialist', 'Specialist'],
    unit: department,
    universities: ['Vietnam National University, Hanoi', 'National Academy of Public Administration', 'Hanoi Law University', 'National Economics University', 'University of Economics Ho Chi Minh City', 'Vietnam National University, Ho Chi Minh City', 'Academy of Finance'],
    foreignLanguages: ['fr', 'ru', 'ja', 'zh', 'ko', 'de'],
  },
  PH: {
    weight: 14,
    phone: (r) => (r.chance(0.5) ? `+63 2 ${digits(r, 4)} ${digits(r, 4)}` : `+63 9${r.int(15, 99)} ${digits(r, 3)} ${digits(r, 4)}`),
    regions: 'regions',
    capital: 'Manila',
    ranks: ['Undersecretary', 'Assistant Secretary', 'Director IV', 'Director III', 'Director II', 'Chief Administrative Officer', 'Supervising Administrative Officer', 'Division Chief'],
    unit: (area) => `${area} Office`,
    universities: ['University of the Philippines Diliman', 'Ateneo de Manila University', 'De La Salle University', 'University of Santo Tomas', 'Polytechnic University of the Philippines', 'University of San Carlos', 'Mindanao State University'],
    foreignLanguages: ['es', 'ja', 'ko', 'zh'],
  },
  TH: {
    weight: 12,
    phone: (r) => (r.chance(0.5) ? `+66 2 ${digits(r, 3)} ${digits(r, 4)}` : `+66 8${r.int(1, 9)} ${digits(r, 3)} ${digits(r, 4)}`),
    regions: 'provinces',
    capital: 'Bangkok',
    ranks: ['Deputy Secretary-General', 'Director', 'Advisor', 'Deputy Director', 'Expert Officer', 'Senior Professional Officer', 'Professional Officer'],
    unit: bureau,
    universities: ['Chulalongkorn University', 'Thammasat University', 'Mahidol University', 'Kasetsart University', 'Chiang Mai University', 'Khon Kaen University', 'National Institute of Development Administration'],
    foreignLanguages: ['ja', 'zh', 'fr', 'de'],
  },
  MY: {
    weight: 11,
    phone: (r) => (r.chance(0.5) ? `+60 3-${digits(r, 4)} ${digits(r, 4)}` : `+60 1${r.int(2, 9)}-${digits(r, 3)} ${digits(r, 4)}`),
    regions: 'states',
    capital: 'Putrajaya',
    ranks: ['Undersecretary', 'Director', 'Deputy Director', 'Principal Assistant Director', 'Senior Assistant Director', 'Assistant Director'],
    unit: division,
    universities: ['Universiti Malaya', 'Universiti Kebangsaan Malaysia', 'Universiti Putra Malaysia', 'Universiti Sains Malaysia', 'Universiti Teknologi MARA', 'International Islamic University Malaysia', 'Universiti Utara Malaysia'],
    foreignLanguages: ['ar', 'ja', 'fr', 'de'],
  },
  MM: {
    weight: 7,
    phone: (r) => (r.chance(0.4) ? `+95 67 ${digits(r, 3)} ${digits(r, 3)}` : `+95 9 ${digits(r, 3)} ${digits(r, 3)} ${digits(r, 3)}`),
    regions: 'regions and states',
    capital: 'Nay Pyi Taw',
    ranks: ['Director General', 'Deputy Director General', 'Director', 'Deputy Director', 'Assistant Director', 'Staff Officer'],
    unit: department,
    universities: ['University of Yangon', 'Yangon University of Economics', 'University of Mandalay', 'Yangon University of Foreign Languages', 'Meiktila University of Economics'],
    foreignLanguages: ['ja', 'zh', 'ko', 'th'],
  },
  KH: {
    weight: 6,
    phone: (r) => (r.chance(0.4) ? `+855 23 ${digits(r, 3)} ${digits(r, 3)}` : `+855 ${r.pick(['12', '17', '77', '89', '96'])} ${digits(r, 3)} ${digits(r, 3)}`),
    regions: 'provinces',
    capital: 'Phnom Penh',
    ranks: ['Secretary of State', 'Under-Secretary of State', 'Director General', 'Deputy Director General', 'Director', 'Deputy Director', 'Chief of Office'],
    unit: department,
    universities: ['Royal University of Phnom Penh', 'Royal University of Law and Economics', 'National University of Management', 'Royal School of Administration', 'Pannasastra University of Cambodia'],
    foreignLanguages: ['fr', 'ja', 'zh', 'ko', 'th'],
  },
  LA: {
    weight: 5,
    phone: (r) => (r.chance(0.4) ? `+856 21 ${digits(r, 3)} ${digits(r, 3)}` : `+856 20 ${digits(r, 4)} ${digits(r, 4)}`),
    regions: 'provinces',
    capital: 'Vientiane',
    ranks: ['Director General', 'Deputy Director General', 'Director of Division', 'Deputy Director of Division', 'Senior Technical Officer', 'Technical Officer'],
    unit: department,
    universities: ['National University of Laos', 'Souphanouvong University', 'Champasack University', 'National Academy of Politics and Public Administration'],
    foreignLanguages: ['th', 'fr', 'vi', 'ru', 'zh'],
  },
  SG: {
    weight: 5,
    phone: (r) => (r.chance(0.6) ? `+65 6${digits(r, 3)} ${digits(r, 4)}` : `+65 9${digits(r, 3)} ${digits(r, 4)}`),
    regions: 'agencies',
    capital: 'Singapore',
    ranks: ['Deputy Secretary', 'Director', 'Deputy Director', 'Senior Assistant Director', 'Lead Specialist', 'Senior Manager', 'Manager'],
    unit: division,
    universities: ['National University of Singapore', 'Nanyang Technological University', 'Singapore Management University', 'Singapore University of Social Sciences'],
    foreignLanguages: ['ja', 'fr', 'de', 'ko'],
  },
  BN: {
    weight: 3,
    phone: (r) => `+673 ${r.pick(['2', '7', '8'])}${digits(r, 2)} ${digits(r, 4)}`,
    regions: 'districts',
    capital: 'Bandar Seri Begawan',
    ranks: ['Permanent Secretary', 'Director', 'Deputy Director', 'Acting Deputy Director', 'Senior Administrative Officer', 'Special Duties Officer', 'Administrative Officer'],
    unit: division,
    universities: ['Universiti Brunei Darussalam', 'Universiti Islam Sultan Sharif Ali', 'Universiti Teknologi Brunei'],
    foreignLanguages: ['ar', 'zh', 'ja'],
  },
  TL: {
    weight: 3,
    phone: (r) => (r.chance(0.3) ? `+670 33${digits(r, 1)} ${digits(r, 4)}` : `+670 7${r.int(3, 8)}${digits(r, 2)} ${digits(r, 4)}`),
    regions: 'municipalities',
    capital: 'Dili',
    ranks: ['Commissioner', 'Director General', 'National Director', 'Head of Department', 'Senior Technical Officer', 'Advisor'],
    unit: (area) => `National Directorate of ${area}`,
    universities: ['Universidade Nacional Timor Lorosa\'e', 'Universidade da Paz', 'Dili Institute of Technology', 'Universidade Oriental Timor Lorosa\'e'],
    foreignLanguages: ['es', 'fr'],
  },
};

/** Universities abroad where ASEAN civil servants often take master's and doctoral degrees. */
export const universitiesAbroad: readonly string[] = [
  'Australian National University', 'University of Melbourne', 'Monash University', 'Flinders University', 'University of Canberra',
  'University of Birmingham', 'University of Leeds', 'London School of Economics and Political Science', 'Harvard Kennedy School',
  'Syracuse University', 'University of Tokyo', 'National Graduate Institute for Policy Studies (GRIPS)', 'KDI School of Public Policy and Management',
  'Asian Institute of Technology', 'Lee Kuan Yew School of Public Policy', 'Erasmus University Rotterdam', 'Victoria University of Wellington',
  'Tsinghua University', 'Nagoya University', 'University of Manchester',
];

/** Universities abroad that some countries' officials favour for historical or language reasons. */
export const universitiesAbroadFor: Partial<Record<CountryCode, readonly string[]>> = {
  KH: ['Université Paris 1 Panthéon-Sorbonne', 'Université Lumière Lyon 2'],
  LA: ['Université Paris 1 Panthéon-Sorbonne', 'Vietnam National University, Hanoi', 'Chulalongkorn University'],
  VN: ['Université Paris 1 Panthéon-Sorbonne', 'Moscow State University'],
  TL: ['Universidade de Lisboa', 'Universidade de Coimbra', 'Universitas Gadjah Mada', 'Universitas Udayana'],
  MY: ['University of Nottingham', 'University of Sheffield'],
  BN: ['University of Hull', 'University of Bristol'],
  MM: ['Ritsumeikan Asia Pacific University', 'Chulalongkorn University'],
};

/** Country names as they read in a sentence. */
export const countryInSentence: Record<CountryCode, string> = {
  BN: 'Brunei Darussalam', KH: 'Cambodia', ID: 'Indonesia', LA: 'the Lao PDR', MY: 'Malaysia', MM: 'Myanmar',
  PH: 'the Philippines', SG: 'Singapore', TH: 'Thailand', VN: 'Viet Nam', TL: 'Timor-Leste',
};
