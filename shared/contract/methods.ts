import { z } from 'zod';
import { countryCodes } from '../model/countries';
import { hasHiddenCharacters, hiddenCharactersMessage } from '../text/hygiene';
import { syncStatusSchema, syncProblemSchema, syncEnrollInputSchema } from './sync';
import { hubJoinInputSchema, hubStartInputSchema, hubStatusSchema } from './hub';
import { syncUserSchema } from '../sync/protocol';
import { vettingContract } from './vetting';
import { importContract } from './import';
import { reportsContract } from './reports';
import { figuresContract } from './figures';
import { reportsExportContract } from './reportsExport';
import {
  expertCreateSchema,
  expertPatchSchema,
  expertSchema,
  expertStatuses,
  expertSummarySchema,
  idSchema,
  MAX_PORTFOLIO_ITEMS,
  photoRefSchema,
  portfolioFieldsSchema,
  portfolioItemSchema,
} from '../model/expert';

/**
 * The one contract: method name → input and output schema. The Electron main process,
 * the web transport and the renderer client are all typed from this map, and dispatch
 * validates every input against it before a service sees it.
 */

const reason = z.string().trim().refine((v) => !hasHiddenCharacters(v, true), { message: hiddenCharactersMessage('reason') }).min(3, { message: 'Give a reason of at least 3 characters.' }).max(500);

export const searchFiltersSchema = z.object({
  country: z.array(z.enum(countryCodes)).max(11).default([]),
  expertise: z.array(z.string().min(1).max(60)).max(30).default([]),
  language: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(20).default([]),
  status: z.array(z.enum(expertStatuses)).max(2).default([]),
});
export type SearchFilters = z.infer<typeof searchFiltersSchema>;

export const searchSorts = ['relevance', 'name', 'updated'] as const;
export type SearchSort = (typeof searchSorts)[number];

export const facetCountSchema = z.object({ value: z.string(), count: z.number().int() });
export const facetsSchema = z.object({
  country: z.array(facetCountSchema),
  expertise: z.array(facetCountSchema),
  language: z.array(facetCountSchema),
  status: z.array(facetCountSchema),
});
export type Facets = z.infer<typeof facetsSchema>;

/** The longest search the core accepts; the search box keeps to it and says so. */
export const MAX_QUERY_LENGTH = 200;

const searchInput = z.object({
  query: z.string().max(MAX_QUERY_LENGTH).default(''),
  filters: searchFiltersSchema.default({ country: [], expertise: [], language: [], status: [] }),
  sort: z.enum(searchSorts).default('relevance'),
  /** Opaque keyset cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(500).nullable().default(null),
  /**
   * Position of the first row wanted (0 = the first match), for a list that jumps anywhere
   * (End, dragging the scrollbar). Ignored when a cursor is given.
   */
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

/** Where a row matched the query when not in the name: shown under the row ("portfolio: …"). */
export const matchFields = ['otherNames', 'agency', 'position', 'expertise', 'portfolio'] as const;
export const searchHitSchema = expertSummarySchema.extend({
  match: z.object({ field: z.enum(matchFields), text: z.string() }).nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

const historyEntrySchema = z.object({
  value: z.unknown(),
  hlc: z.string(),
  origin: z.string(),
  actor: z.string(),
  at: z.number(),
  current: z.boolean(),
  /** Never held the field here: a concurrent write from another origin won (see markLostConcurrent). */
  lostConcurrent: z.boolean(),
});

export const termSchema = z.object({
  id: z.string(),
  parent: z.string().nullable(),
  label: z.object({ en: z.string(), id: z.string() }),
});
export type Term = z.infer<typeof termSchema>;

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const contract = {
  'app.info': method(
    z.object({}).default({}),
    z.object({
      version: z.string(),
      nodeId: z.string(),
      /** What this device's writes carry as their author: the signed-in user's id, else the operating-system user. */
      actor: z.string(),
      /** Who this device is signed in as with the sync server, or null before enrollment. */
      user: syncUserSchema.nullable(),
      expertCount: z.number().int(),
      mode: z.enum(['electron', 'web', 'test']),
      /** Whether demo.load is accepted: development and demo builds only (core/app.ts demoAllowed). */
      demoAllowed: z.boolean(),
    }),
  ),
  /** Sync with the central endpoint or a workshop hub (electron/core/sync). */
  'sync.status': method(z.object({}).default({}), syncStatusSchema),
  /** Enrolls this device with a one-time code; from then on every write carries that user. */
  'sync.enroll': method(syncEnrollInputSchema, syncStatusSchema),
  /** Forgets the server and token (changes already written stay, with their author). */
  'sync.signOut': method(z.object({}).default({}), syncStatusSchema),
  /** Starts a sync now (returns at once; progress comes as 'sync' events). */
  'sync.now': method(z.object({}).default({}), syncStatusSchema),
  /** Changes refused here or upstream, newest first, for the "Sync problems" screen. */
  'sync.problems': method(
    z.object({ limit: z.number().int().min(1).max(1000).default(200) }).default({ limit: 200 }),
    z.object({ items: z.array(syncProblemSchema), total: z.number().int() }),
  ),
  /** A workshop hub (electron/core/hub): host one on this laptop, or join one from another. */
  'hub.status': method(z.object({}).default({}), hubStatusSchema),
  /** Starts hosting: HTTPS on the local network with a pairing code and its QR code. */
  'hub.start': method(hubStartInputSchema, hubStatusSchema),
  'hub.stop': method(z.object({}).default({}), hubStatusSchema),
  /** Joins a hub with its address and pairing code (or QR text); sync then goes through it. */
  'hub.join': method(hubJoinInputSchema, hubStatusSchema),
  /** Stops syncing through the joined hub (after the workshop). */
  'hub.leave': method(z.object({}).default({}), hubStatusSchema),
  'taxonomy.list': method(z.object({}).default({}), z.object({ terms: z.array(termSchema) })),

  'experts.search': method(
    searchInput,
    z.object({
      items: z.array(searchHitSchema),
      /** The position of items[0] in the whole list. */
      offset: z.number().int(),
      total: z.number().int(),
      /**
       * The order applied: 'relevance' (whole-word name matches, then name prefixes, then other
       * fields, each by name) or 'name' when there is no query to rank by.
       */
      sort: z.enum(searchSorts),
      nextCursor: z.string().nullable(),
    }),
  ),
  'experts.facets': method(searchInput.pick({ query: true, filters: true }), facetsSchema),
  'experts.get': method(z.object({ id: idSchema }), expertSchema),
  'experts.create': method(
    z.object({ expert: expertCreateSchema, portfolio: z.array(portfolioFieldsSchema).max(MAX_PORTFOLIO_ITEMS).default([]) }),
    expertSchema,
  ),
  'experts.update': method(z.object({ id: idSchema, patch: expertPatchSchema }), expertSchema),
  'experts.archive': method(z.object({ id: idSchema, reason }), expertSchema),
  'experts.restore': method(z.object({ id: idSchema, reason }), expertSchema),
  'experts.history': method(
    z.object({ id: idSchema }),
    z.object({
      fields: z.array(z.object({ entity: z.enum(['expert', 'portfolio']), recordId: z.string(), field: z.string(), entries: z.array(historyEntrySchema) })),
    }),
  ),

  'portfolio.add': method(z.object({ expertId: idSchema, item: portfolioFieldsSchema }), portfolioItemSchema),
  'portfolio.update': method(z.object({ id: idSchema, patch: portfolioFieldsSchema.partial() }), portfolioItemSchema),
  'portfolio.remove': method(z.object({ id: idSchema }), z.object({ id: idSchema })),

  /**
   * Stores a photo: decoded, re-encoded as WebP without metadata, and kept by the hash of
   * the stored bytes. `mime` is what the file claimed; the answer's `mime` is what is stored.
   * Photos are shown through `/photos/<size>/<hash>.webp` (shared/photos), not through JSON.
   */
  'attachments.putPhoto': method(
    z.object({
      mime: z.string().max(100),
      /** The file's bytes, base64-encoded (JSON carries no binary). */
      dataBase64: z.string().max(8 * 1024 * 1024, { message: 'The photo is larger than 5 MB. Choose a smaller one.' }),
    }),
    photoRefSchema.extend({ size: z.number().int() }),
  ),

  'demo.load': method(
    z.object({ experts: z.number().int().min(1).max(200_000).default(500), seed: z.number().int().default(1) }),
    z.object({ created: z.number().int() }),
  ),
  ...vettingContract,
  ...importContract,
  ...reportsContract,
  ...figuresContract,
  ...reportsExportContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];
export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
