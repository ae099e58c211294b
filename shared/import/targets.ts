import type { z } from 'zod';
import type { CountryCode } from '../model/countries';
import { type genders, type nameOrders } from '../model/expert';
import { applicantTypes, applicationFieldsSchema, type ApplicantType, type RecommenderBody } from '../model/vetting/application';
import { foldHeader, parseCountry, parseLanguages, parseList, parseWholeNumber, wordParser, type CellParse } from './values';

/**
 * What a column of an import sheet can fill: THE list of mapping targets, in one place. The
 * applicant's proposed profile uses the expert field names (shared/model/expert.ts), so an
 * accepted application copies them; the application's own fields (applicant type, nominating
 * country, recommender) follow the vetting design. Each target names the headers it is
 * suggested for, in English and Bahasa Indonesia (compared folded: case, accents and
 * punctuation ignored), and how a cell's text becomes the field's value.
 */

export { applicantTypes, type ApplicantType };

export interface ImportTarget {
  key: string;
  /** Whose field: the proposed expert profile, or the application around it. */
  part: 'profile' | 'application';
  headers: readonly string[];
  parse: (text: string) => CellParse;
}

const text = (t: string): CellParse => ({ value: t });

export const importTargets = [
  { key: 'givenName', part: 'profile', headers: ['given name', 'first name', 'forename', 'nama depan', 'nama pertama', 'nama kecil'], parse: text },
  { key: 'familyName', part: 'profile', headers: ['family name', 'last name', 'surname', 'nama belakang', 'nama keluarga', 'marga'], parse: text },
  {
    key: 'nameOrder',
    part: 'profile',
    headers: ['name order', 'urutan nama'],
    parse: wordParser('NAME_ORDER', {
      'given-family': ['given-family', 'given family', 'given name first', 'nama depan dulu'],
      'family-given': ['family-given', 'family given', 'family name first', 'nama keluarga dulu'],
      'given-only': ['given-only', 'given only', 'single name', 'mononym', 'nama tunggal'],
    } satisfies Record<(typeof nameOrders)[number], string[]>),
  },
  { key: 'otherNames', part: 'profile', headers: ['other names', 'also known as', 'alias', 'nama lain', 'nama alias'], parse: (t) => ({ value: parseList(t) }) },
  { key: 'honorific', part: 'profile', headers: ['honorific', 'salutation', 'gelar', 'sapaan'], parse: text },
  {
    key: 'gender',
    part: 'profile',
    headers: ['gender', 'sex', 'jenis kelamin'],
    parse: wordParser('GENDER', {
      female: ['female', 'f', 'woman', 'perempuan', 'wanita', 'p'],
      male: ['male', 'm', 'man', 'laki laki', 'pria', 'l'],
      other: ['other', 'lainnya', 'lain lain'],
    } satisfies Record<(typeof genders)[number], string[]>),
  },
  { key: 'country', part: 'profile', headers: ['country', 'nationality', 'negara', 'kewarganegaraan', 'asal negara'], parse: parseCountry },
  { key: 'agency', part: 'profile', headers: ['agency', 'organisation', 'organization', 'institution', 'ministry', 'instansi', 'lembaga', 'kementerian', 'organisasi'], parse: text },
  { key: 'position', part: 'profile', headers: ['position', 'job title', 'designation', 'jabatan', 'posisi'], parse: text },
  { key: 'email', part: 'profile', headers: ['email', 'e-mail', 'email address', 'surel', 'alamat surel', 'alamat email', 'surat elektronik'], parse: (t) => ({ value: t.trim() }) },
  { key: 'phone', part: 'profile', headers: ['phone', 'telephone', 'mobile', 'phone number', 'telepon', 'nomor telepon', 'no telepon', 'no hp', 'ponsel'], parse: text },
  { key: 'languages', part: 'profile', headers: ['languages', 'language', 'bahasa', 'bahasa yang dikuasai'], parse: parseLanguages },
  { key: 'expertise', part: 'profile', headers: ['expertise', 'areas of expertise', 'field of expertise', 'keahlian', 'bidang keahlian', 'keahlian bidang'], parse: (t) => ({ value: parseList(t) }) },
  { key: 'careerSummary', part: 'profile', headers: ['career summary', 'career', 'biography', 'profile', 'ringkasan karier', 'riwayat karier', 'riwayat pekerjaan', 'biografi'], parse: text },
  {
    key: 'yearsExperience',
    part: 'profile',
    headers: ['years of experience', 'experience years', 'years experience', 'experience', 'lama pengalaman', 'pengalaman tahun', 'tahun pengalaman', 'pengalaman'],
    parse: parseWholeNumber,
  },
  {
    key: 'applicantType',
    part: 'application',
    headers: ['applicant type', 'type of applicant', 'category', 'jenis pelamar', 'kategori', 'jenis pemohon'],
    parse: wordParser('APPLICANT_TYPE', {
      academic: ['academic', 'academician', 'akademisi', 'akademik'],
      practitioner: ['practitioner', 'praktisi'],
      both: ['both', 'academic and practitioner', 'keduanya', 'akademisi dan praktisi'],
    } satisfies Record<ApplicantType, string[]>),
  },
  {
    key: 'nominatingCountry',
    part: 'application',
    headers: ['nominating country', 'nominating member state', 'member state', 'negara pengusul', 'negara anggota pengusul', 'negara yang mengusulkan'],
    parse: parseCountry,
  },
  { key: 'recommenderName', part: 'application', headers: ['recommender', 'recommender name', 'recommended by', 'pemberi rekomendasi', 'nama pemberi rekomendasi', 'direkomendasikan oleh'], parse: text },
  {
    key: 'recommenderOrganisation',
    part: 'application',
    headers: ['recommender organisation', 'recommender organization', 'recommending body', 'organisasi pemberi rekomendasi', 'instansi pemberi rekomendasi', 'lembaga pemberi rekomendasi'],
    parse: text,
  },
  {
    key: 'recommenderBody',
    part: 'application',
    headers: ['recommender body type', 'type of recommending body', 'recommender type', 'jenis lembaga pemberi rekomendasi', 'jenis pemberi rekomendasi'],
    parse: wordParser('RECOMMENDER_BODY', {
      government: ['government', 'government body', 'pemerintah', 'instansi pemerintah', 'lembaga pemerintah'],
      professional: ['professional', 'professional body', 'profesi', 'profesional', 'asosiasi profesi', 'organisasi profesi'],
      other: ['other', 'lainnya', 'lain lain'],
    } satisfies Record<RecommenderBody, string[]>),
  },
] as const satisfies readonly ImportTarget[];

export type ImportTargetKey = (typeof importTargets)[number]['key'];
export const importTargetKeys = importTargets.map((t) => t.key) as ImportTargetKey[];
export const importTargetByKey = new Map<string, ImportTarget>(importTargets.map((t) => [t.key, t]));

/**
 * Targets a row cannot do without: an application needs a name, a country and an applicant type
 * (eligibility depends on it). Country may also come from the nominating country, and both it
 * and the applicant type from the defaults the curator sets for the whole import.
 */
export const requiredTargets = ['givenName', 'country', 'applicantType'] as const satisfies readonly ImportTargetKey[];

/** Folded header → target, built once; the first target listing a header wins. */
export const targetForHeader = new Map<string, ImportTargetKey>();
for (const t of importTargets) for (const h of t.headers) if (!targetForHeader.has(foldHeader(h))) targetForHeader.set(foldHeader(h), t.key);

/**
 * The application's own fields, as far as an import fills them: the application entity's own
 * schemas (shared/model/vetting/application.ts), so a row the preview passes is one the
 * application accepts.
 */
export const importedApplicationSchema = applicationFieldsSchema.pick({
  applicantType: true,
  nominatingCountry: true,
  recommenderName: true,
  recommenderOrganisation: true,
  recommenderBody: true,
});
export type ImportedApplication = z.infer<typeof importedApplicationSchema>;
export type { CountryCode };
