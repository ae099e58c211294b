import { z } from 'zod';
import { idSchema } from '../model/expert';
import { reportFiltersSchema } from './reports';
import { fileOutSchema, langSchema, letterFormats } from './vetting';

/**
 * Exporting case studies and stories (issue 8 point 6), spread into the one contract
 * (methods.ts): one document, or an MTR compilation — the ids given, in that order, or every
 * live report the list's filters choose — as DOCX or PDF, in English or Bahasa Indonesia. A
 * compilation reports `progress` events (task 'export'). Refused with NO_CONSENT (nothing
 * exported) when a story lacks a recorded consent or a quote's interview has no consent to be
 * quoted.
 */

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const reportsExportInputSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('one'), id: idSchema, format: z.enum(letterFormats), lang: langSchema }),
  z.object({
    mode: z.literal('mtr'),
    ids: z.array(idSchema).min(1).max(500).optional(),
    filters: reportFiltersSchema.partial().optional(),
    format: z.enum(letterFormats),
    lang: langSchema,
  }),
]);
export type ReportsExportRequest = z.infer<typeof reportsExportInputSchema>;

export const reportsExportContract = {
  'reports.export': method(reportsExportInputSchema, fileOutSchema.extend({ count: z.number().int() })),
  /**
   * The Preview tab: one record's PDF as its export would write it, returned, never saved. Not
   * refused for want of consent (the curator sees what to fix while fixing it); an anonymised
   * story is anonymised here as in the export. `recordUpdatedAt`: the saved record it shows.
   */
  'reports.preview': method(
    z.object({ id: idSchema, lang: langSchema }),
    z.object({ pdfBase64: z.string(), pages: z.number().int().min(1), madeAt: z.number(), recordUpdatedAt: z.number() }),
  ),
} as const;
