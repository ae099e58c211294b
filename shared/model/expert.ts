import { z } from 'zod';
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
export type ProfileSection = (typeof profileSections)[number];
export type VisibilityLevel = (typeof visibilityLevels)[number];
export type PortfolioKind = (typeof portfolioKinds)[number];
export type ExpertStatus = (typeof expertStatuses)[number];

const text = (max: number) => z.string().trim().max(max, { message: `Use at most ${max} characters.` });
const currentYear = () => new Date().getUTCFullYear();

export const idSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
  message: 'This is not a valid record id.',
});

export const languageSchema = z.object({
  /** ISO 639-1 code, lower case: 'en', 'id', 'vi', 'th', 'km', 'lo', 'my', 'ms', 'fil', 'tet'... */
  code: z.string().regex(/^[a-z]{2,3}$/, { message: 'Use a two- or three-letter language code, such as en or vi.' }),
  proficiency: z.enum(proficiencies),
});

export const educationSchema = z.object({
  qualification: text(200).min(1, { message: 'Name the qualification.' }),
  institution: text(200),
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
  givenName: text(100).min(1, { message: 'Enter the given name.' }),
  familyName: text(100),
  nameOrder: z.enum(nameOrders),
  otherNames: z.array(text(200).min(1)).max(20),
  honorific: text(60),
  gender: z.enum(genders).nullable(),
  country: z.enum(countryCodes, { message: 'Choose one of the 11 ASEAN member states.' }),
  agency: text(200),
  position: text(200),
  email: z.union([z.literal(''), z.email({ message: 'Enter an email address such as name@agency.gov.' }).max(254)]),
  phone: z.union([
    z.literal(''),
    z.string().trim().regex(/^\+?[0-9 ()-]{6,24}$/, { message: 'Enter a phone number with digits, spaces, + ( ) or -.' }),
  ]),
  languages: z.array(languageSchema).max(20),
  expertise: z.array(z.string().min(1).max(60)).max(30),
  careerSummary: text(5000),
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
  title: text(300).min(1, { message: 'Enter a title.' }),
  year: z
    .number()
    .int()
    .min(1950)
    .refine((y) => y <= currentYear() + 1, { message: 'The year cannot be in the future.' })
    .nullable(),
  description: text(2000),
  link: z.union([
    z.literal(''),
    z.url({ protocol: /^https?$/, message: 'Enter a web address starting with https://.' }).max(500),
  ]),
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
