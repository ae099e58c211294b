import fc from 'fast-check';
import { countryCodes, type CountryCode } from '../../shared/model/countries';
import { expertCreateSchema, expertPatchSchema, portfolioFieldsSchema, portfolioKinds, type ExpertPatch } from '../../shared/model/expert';
import { taxonomy } from './nodes';

/**
 * Random edits the way curators make them: every value type the expert and portfolio schemas
 * allow (text, enums, nullable enums, numbers and null, arrays of text, arrays of objects, a
 * photo reference, the nested visibility object), text in every script of the region, and many
 * edits to a few fields so that concurrent writes really contend. Targets are indexes resolved
 * when the step runs (into the records the device holds then), so steps shrink and replay.
 */

/** Names and words in the scripts of ASEAN: Latin with Vietnamese and Filipino marks, Thai, Lao, Khmer, Myanmar, Chinese, Tamil, Jawi. */
export const scriptSamples = [
  'Nguyễn Thị Lan', 'Trần Văn Hùng', 'José Rizal', 'Siti Nurhaliza', 'Xanana Gusmão', 'Nurul Izzah',
  'สมชาย ใจดี', 'ประเสริฐ', 'ສົມພອນ ວົງສາ', 'ບຸນມີ', 'សុខា ចាន់', 'ដារ៉ា', 'အောင် ကျော်', 'သန္တာ',
  '陈伟', '林美玲', 'முருகன்', 'லட்சுமி', 'محمد بن عبدالله', 'نور عائشة',
] as const;

const word = fc.constantFrom(...scriptSamples);
const country = fc.constantFrom(...countryCodes);
const terms = taxonomy.terms.map((t) => t.id);
const languageCodes = ['en', 'vi', 'th', 'lo', 'km', 'my', 'ms', 'id', 'fil', 'zh', 'ta', 'tet'] as const;

/** Per expert field, the values a curator may enter (a photo is an index into the device's stored photos). */
const fieldValue = {
  givenName: word,
  familyName: fc.oneof(word, fc.constant('')),
  nameOrder: fc.constantFrom('given-family', 'family-given', 'given-only'),
  otherNames: fc.array(word, { maxLength: 3 }),
  honorific: fc.constantFrom('', 'Dr', 'Prof.', 'H.E.', 'ดร.', 'Tiến sĩ'),
  gender: fc.constantFrom(null, 'female', 'male', 'other'),
  country,
  agency: fc.oneof(word, fc.constantFrom('Civil Service Commission', 'Bộ Nội vụ', 'สำนักงาน ก.พ.', 'Public Service Division')),
  position: fc.oneof(word, fc.constant('')),
  email: fc.constantFrom('', 'lan@moha.gov.vn', 'somchai@ocsc.go.th', 'siti@jpa.gov.my'),
  phone: fc.constantFrom('', '+84 24 3824 0000', '+66 (2) 547-1000'),
  languages: fc.array(fc.record({ code: fc.constantFrom(...languageCodes), proficiency: fc.constantFrom('basic', 'working', 'fluent', 'native') }), { maxLength: 3 }),
  expertise: fc.array(fc.constantFrom(...terms), { maxLength: 3 }),
  careerSummary: fc.array(word, { maxLength: 3 }).map((lines) => lines.join('\n')),
  yearsExperience: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 70 })),
  education: fc.array(fc.record({ qualification: word, institution: fc.oneof(word, fc.constant('')), year: fc.oneof(fc.constant(null), fc.integer({ min: 1940, max: 2100 })) }), { maxLength: 2 }),
  photo: fc.oneof(fc.constant(null), fc.nat(2)),
  visibility: fc.record({
    contact: fc.constantFrom('public', 'members', 'secretariat'),
    career: fc.constantFrom('public', 'members', 'secretariat'),
    expertise: fc.constantFrom('public', 'members', 'secretariat'),
    portfolio: fc.constantFrom('public', 'members', 'secretariat'),
    photo: fc.constantFrom('public', 'members', 'secretariat'),
  }),
} as const;
type FieldName = keyof typeof fieldValue;
const allFields = Object.keys(fieldValue) as FieldName[];
/** Most edits hit these, so concurrent writes to one field are common. */
const hotFields: FieldName[] = ['givenName', 'agency', 'country', 'expertise'];

const patchArb = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hotFields) }, { weight: 1, arbitrary: fc.constantFrom(...allFields) }), { minLength: 1, maxLength: 3 })
  .chain((names) => fc.record(Object.fromEntries([...new Set(names)].map((n) => [n, fieldValue[n]])) as Record<FieldName, fc.Arbitrary<unknown>>));

const portfolioArb = fc.record({
  kind: fc.constantFrom(...portfolioKinds),
  title: word,
  year: fc.oneof(fc.constant(null), fc.integer({ min: 1950, max: 2026 })),
  description: fc.oneof(word, fc.constant('')),
  link: fc.constantFrom('', 'https://www.accsm.org/report', 'https://example.org/ผลงาน'),
});

export type Edit =
  | { op: 'create'; givenName: string; country: CountryCode; more: Record<string, unknown> }
  | { op: 'update'; target: number; patch: Record<string, unknown> }
  | { op: 'status'; target: number; reason: string }
  | { op: 'portfolio.add'; target: number; item: Record<string, unknown> }
  | { op: 'portfolio.update'; target: number; patch: Record<string, unknown> }
  | { op: 'portfolio.remove'; target: number };

export const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('create' as const), givenName: word, country, more: patchArb }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('update' as const), target: fc.nat(50), patch: patchArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('status' as const), target: fc.nat(50), reason: word }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('portfolio.add' as const), target: fc.nat(50), item: portfolioArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('portfolio.update' as const), target: fc.nat(50), patch: portfolioArb.map((p) => ({ title: p.title, year: p.year })) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('portfolio.remove' as const), target: fc.nat(50) }) },
);

/** Turns a drawn patch into schema input: the photo index becomes one of the device's stored photos. */
function resolvePhoto(patch: Record<string, unknown>, photos: readonly { hash: string; mime: 'image/webp' }[]): Record<string, unknown> {
  if (!('photo' in patch) || patch.photo === null) return patch;
  return { ...patch, photo: photos[(patch.photo as number) % photos.length] ?? null };
}

export const parseCreate = (e: Extract<Edit, { op: 'create' }>, photos: readonly { hash: string; mime: 'image/webp' }[]) =>
  expertCreateSchema.parse({ ...resolvePhoto(e.more, photos), givenName: e.givenName, country: e.country });
export const parsePatch = (patch: Record<string, unknown>, photos: readonly { hash: string; mime: 'image/webp' }[]): ExpertPatch =>
  expertPatchSchema.parse(resolvePhoto(patch, photos));
export const parsePortfolio = (item: Record<string, unknown>) => portfolioFieldsSchema.parse(item);
export const parsePortfolioPatch = (patch: Record<string, unknown>) => portfolioFieldsSchema.partial().parse(patch);
