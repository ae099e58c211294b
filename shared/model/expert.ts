import { z } from 'zod';
import { isLanguageCode } from '../languages';
import { hasHiddenCharacters, hasLetter, hiddenCharactersMessage } from '../text/hygiene';
import { externalUrlToOpen, hasEmbeddedCredentials } from '../url';
import { countryCodes } from './countries';

/**
 * The expert record. Every field here is merged field by field (last writer wins by
 * (hlc, origin)); arrays such as `languages` are one field and merge as a whole.
 */

export const nameOrders = ['given-family', 'family-given', 'given-only'] as const;
export const genders = ['female', 'male', 'other'] as const;
export const proficiencies = ['basic', 'working', 'fluent', 'native'] as const;
export const visibilityLevels = ['public', 'members', 'secretariat'] as const;
export const profileSections = ['contact', 'career', 'expertise', 'portfolio', 'photo'] as const;
export const expertStatuses = ['active', 'archived'] as const;
export const portfolioKinds = ['publication', 'project', 'training', 'speaking', 'award', 'certificate'] as const;

export type NameOrder = (typeof nameOrders)[number];
export type Gender = (typeof genders)[number];
export type ProfileSection = (typeof profileSections)[number];
export type VisibilityLevel = (typeof visibilityLevels)[number];
export type PortfolioKind = (typeof portfolioKinds)[number];
export type ExpertStatus = (typeof expertStatuses)[number];

/** Most portfolio items one expert may have, whether created with the record or added later. */
export const MAX_PORTFOLIO_ITEMS = 200;

/**
 * A text field: trimmed, bounded, and free of control characters and hidden direction marks
 * (shared/text/hygiene). `field` names it in the message ("The agency contains...").
 */
const text = (max: number, field: string, options: { multiline?: boolean } = {}) =>
  z
    .string()
    .trim()
    .max(max, { message: `Use at most ${max} characters.` })
    .refine((v) => !hasHiddenCharacters(v, options.multiline), { message: hiddenCharactersMessage(field), abort: true });

/** A name: as `text`, and when not empty it holds a letter (a zero-width space or "..." is not a name). */
const nameText = (max: number, field: string) =>
  text(max, field).refine((v) => v === '' || hasLetter(v), { message: `The ${field} must contain a letter.` });

/** Keeps the first of each repeated value, in order: a term chosen twice is one term. */
const unique = <T>(values: T[], key: (v: T) => string = String) => {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};
const currentYear = () => new Date().getUTCFullYear();

export const idSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
  message: 'This is not a valid record id.',
});

export const languageSchema = z.object({
  /** ISO 639-1 code, or ISO 639-3 for a language of the region without one (shared/languages): 'en', 'vi', 'fil', 'tet'... */
  code: z
    .string()
    .regex(/^[a-z]{2,3}$/, { message: 'Use a two- or three-letter language code, such as en or vi.' })
    .refine(isLanguageCode, { message: 'This is not a known ISO 639 language code. Choose the language from the list.' }),
  proficiency: z.enum(proficiencies),
});
type Language = z.infer<typeof languageSchema>;

/** One entry per language; a language listed twice keeps its first place and its higher proficiency. */
function mergeLanguages(languages: Language[]): Language[] {
  const best = new Map<string, Language>();
  for (const l of languages) {
    const seen = best.get(l.code);
    if (!seen || proficiencies.indexOf(l.proficiency) > proficiencies.indexOf(seen.proficiency)) best.set(l.code, seen ? { ...seen, proficiency: l.proficiency } : l);
  }
  return unique(languages, (l) => l.code).map((l) => best.get(l.code)!);
}

export const educationSchema = z.object({
  qualification: text(200, 'qualification').min(1, { message: 'Name the qualification.' }),
  institution: text(200, 'institution'),
  year: z.number().int().min(1940).max(2100).nullable(),
});

export const photoRefSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'This is not a stored photo.' }),
  mime: z.enum(['image/png', 'image/jpeg', 'image/webp']),
});

export const visibilitySchema = z.object(
  Object.fromEntries(profileSections.map((s) => [s, z.enum(visibilityLevels)])) as Record<
    ProfileSection,
    z.ZodEnum<{ public: 'public'; members: 'members'; secretariat: 'secretariat' }>
  >,
);
export type Visibility = z.infer<typeof visibilitySchema>;

export const defaultVisibility: Visibility = {
  contact: 'secretariat',
  career: 'public',
  expertise: 'public',
  portfolio: 'public',
  photo: 'members',
};

/** The fields a curator edits. `status` changes only through archive and restore. */
export const expertFieldsSchema = z.object({
  givenName: nameText(100, 'given name').min(1, { message: 'Enter the given name.' }),
  familyName: nameText(100, 'family name'),
  nameOrder: z.enum(nameOrders),
  otherNames: z.array(nameText(200, 'other name').min(1)).max(20),
  honorific: text(60, 'honorific'),
  gender: z.enum(genders).nullable(),
  country: z.enum(countryCodes, { message: 'Choose one of the 11 ASEAN member states.' }),
  agency: text(200, 'agency'),
  position: text(200, 'position'),
  email: z.union([z.literal(''), z.email({ message: 'Enter an email address such as name@agency.gov.' }).max(254)]),
  phone: z.union([
    z.literal(''),
    z.string().trim().regex(/^\+?[0-9 ()-]{6,24}$/, { message: 'Enter a phone number with digits, spaces, + ( ) or -.' }),
  ]),
  languages: z.array(languageSchema).max(20).transform(mergeLanguages),
  expertise: z
    .array(text(60, 'expertise area').min(1))
    .max(30)
    .transform((terms) => unique(terms)),
  careerSummary: text(5000, 'career summary', { multiline: true }),
  yearsExperience: z.number().int().min(0).max(70).nullable(),
  education: z.array(educationSchema).max(20),
  photo: photoRefSchema.nullable(),
  visibility: visibilitySchema,
});
export type ExpertFields = z.infer<typeof expertFieldsSchema>;
export type ExpertFieldName = keyof ExpertFields;
export const expertFieldNames = Object.keys(expertFieldsSchema.shape) as ExpertFieldName[];

/** Defaults for a new record, so a create needs only what the curator typed. */
export const expertDefaults: Omit<ExpertFields, 'givenName' | 'country'> = {
  familyName: '',
  nameOrder: 'given-family',
  otherNames: [],
  honorific: '',
  gender: null,
  agency: '',
  position: '',
  email: '',
  phone: '',
  languages: [],
  expertise: [],
  careerSummary: '',
  yearsExperience: null,
  education: [],
  photo: null,
  visibility: defaultVisibility,
};

export const expertCreateSchema = expertFieldsSchema.partial().required({ givenName: true, country: true });
export type ExpertCreate = z.infer<typeof expertCreateSchema>;
export const expertPatchSchema = expertFieldsSchema.partial();
export type ExpertPatch = z.infer<typeof expertPatchSchema>;

export const portfolioFieldsSchema = z.object({
  kind: z.enum(portfolioKinds),
  title: text(300, 'title').min(1, { message: 'Enter a title.' }),
  year: z
    .number()
    .int()
    .min(1950)
    .refine((y) => y <= currentYear() + 1, { message: 'The year cannot be in the future.' })
    .nullable(),
  description: text(2000, 'description', { multiline: true }),
  /** Stored only if the desktop shell would open it (shared/url): one rule for both. */
  link: z
    .string()
    .trim()
    .max(500, { message: 'Use at most 500 characters.' })
    .refine((v) => !hasEmbeddedCredentials(v), {
      message: 'A link cannot hold a user name or password (the part before @). Remove that part.',
      abort: true,
    })
    .refine((v) => v === '' || externalUrlToOpen(v) !== null, {
      message: 'Enter a web address starting with https://.',
    }),
});
export type PortfolioFields = z.infer<typeof portfolioFieldsSchema>;

export const portfolioItemSchema = portfolioFieldsSchema.extend({ id: idSchema, expertId: idSchema });
export type PortfolioItem = z.infer<typeof portfolioItemSchema>;

/** Who changed a field last, and when: shown beside each field and in history. */
export const stampSchema = z.object({ hlc: z.string(), origin: z.string(), actor: z.string(), at: z.number() });
export type Stamp = z.infer<typeof stampSchema>;

export const expertSchema = expertFieldsSchema.extend({
  id: idSchema,
  status: z.enum(expertStatuses),
  statusReason: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  updatedBy: z.string(),
  portfolio: z.array(portfolioItemSchema),
  /** Synthetic, created by "Load demo data": never a real person. Set only by demo.load. */
  demo: z.boolean().optional(),
});
export type Expert = z.infer<typeof expertSchema>;

/** One row of the directory list: enough to show and sort without loading the record. */
export const expertSummarySchema = z.object({
  id: idSchema,
  displayName: z.string(),
  honorific: z.string(),
  country: z.enum(countryCodes),
  agency: z.string(),
  position: z.string(),
  status: z.enum(expertStatuses),
  expertise: z.array(z.string()),
  photo: photoRefSchema.nullable(),
  updatedAt: z.number(),
  demo: z.boolean().optional(),
});
export type ExpertSummary = z.infer<typeof expertSummarySchema>;

/** The name as the person's own convention orders it. */
export function displayName(e: Pick<ExpertFields, 'givenName' | 'familyName' | 'nameOrder'>): string {
  const given = e.givenName.trim();
  const family = e.familyName.trim();
  if (e.nameOrder === 'given-only' || !family) return given;
  return e.nameOrder === 'family-given' ? `${family} ${given}` : `${given} ${family}`;
}
