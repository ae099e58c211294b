import { z } from 'zod';
import { countryCodes } from '../model/countries';
import { MAX_IMPORT_BYTES, MAX_IMPORT_COLUMNS } from '../import/limits';
import { importProblemCodes } from '../import/problems';
import { applicantTypes, importTargetKeys, type ImportTargetKey } from '../import/targets';

/**
 * Bulk import of applications from a focal point's sheet (issue 7, point 2): `import.preview`
 * reads the file and says what an import would do with each row; `import.run` imports it (or,
 * with dryRun, computes exactly what it would write, and writes nothing). Long runs report
 * progress as 'progress' events with task 'import'.
 */

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

/** Base64 of the largest accepted file, with room so a file just over the limit gets IMPORT_TOO_LARGE, not a schema error. */
const MAX_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 1024 * 1024;

const importTarget = z.enum(importTargetKeys as [ImportTargetKey, ...ImportTargetKey[]]);

export const importFileInputSchema = z.object({
  /** The file's name as the curator chose it: shown in the report; the bytes say what the file is. */
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes, base64-encoded (JSON carries no binary). */
  dataBase64: z.string().max(MAX_BASE64, { message: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split the sheet into smaller files.` }),
  /** Which field each column fills (null: leave the column out); null: the mapping the app suggests. */
  mapping: z.array(importTarget.nullable()).max(MAX_IMPORT_COLUMNS).nullable().default(null),
  /** For rows that name no nominating country / applicant type (a focal point's sheet from one state). */
  nominatingCountry: z.enum(countryCodes).nullable().default(null),
  applicantType: z.enum(applicantTypes).nullable().default(null),
});
export type ImportFileInput = z.input<typeof importFileInputSchema>;

/** Every code a row's problem may carry: the reader's (shared/import/problems.ts). */
export const importRowProblemSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  code: z.enum(importProblemCodes),
  vars: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ImportRowProblem = z.infer<typeof importRowProblemSchema>;

export const previewStatuses = ['new', 'already_imported', 'problems'] as const;

export const importSummarySchema = z.object({
  rows: z.number().int(),
  new: z.number().int(),
  alreadyImported: z.number().int(),
  withProblems: z.number().int(),
  problems: z.number().int(),
});

export const importPreviewSchema = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** How a CSV's bytes were read (utf-8, utf-16le, utf-16be, windows-1252); null for XLSX. */
  encoding: z.string().nullable(),
  sheetName: z.string().nullable(),
  headers: z.array(z.string()),
  /** The mapping the rows were read with (the input's, else the suggested one). */
  mapping: z.array(importTarget.nullable()),
  /** The mapping the app suggests from the headers (to reset to). */
  suggested: z.array(importTarget.nullable()),
  /** The first rows as they are in the sheet, each with what an import would do with it. */
  sample: z.array(
    z.object({
      row: z.number().int(),
      cells: z.array(z.string()),
      status: z.enum(previewStatuses),
      problems: z.array(importRowProblemSchema),
    }),
  ),
  /** Every row with problems (at most PREVIEW_PROBLEM_ROWS; summary.withProblems counts them all). */
  problemRows: z.array(z.object({ row: z.number().int(), name: z.string(), problems: z.array(importRowProblemSchema) })),
  summary: importSummarySchema,
});
export type ImportPreviewOut = z.infer<typeof importPreviewSchema>;

/** What happened to one row: added (or would be, in a dry run), already imported, refused for its problems, or not written because the import stopped. */
export const rowOutcomes = ['added', 'would_add', 'already_imported', 'problems', 'not_written'] as const;
export type RowOutcome = (typeof rowOutcomes)[number];

export const importReportSchema = z.object({
  fileName: z.string(),
  dryRun: z.boolean(),
  rows: z.number().int(),
  /** Applications written (0 in a dry run). */
  added: z.number().int(),
  /** Rows that pass and were not imported before: what the run adds (or added, with no failure). */
  wouldAdd: z.number().int(),
  alreadyImported: z.number().int(),
  withProblems: z.number().int(),
  /** Rows that pass but were not written because the import stopped (see failure). */
  notWritten: z.number().int(),
  /** Why the import stopped before its end; what was written before stays, whole applications only. */
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** Every row of the sheet, in order. */
  items: z.array(
    z.object({
      row: z.number().int(),
      name: z.string(),
      outcome: z.enum(rowOutcomes),
      applicationId: z.string().nullable(),
      problems: z.array(importRowProblemSchema),
    }),
  ),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importContract = {
  /** Reads a sheet and says what importing it would do; writes nothing. */
  'import.preview': method(importFileInputSchema, importPreviewSchema),
  /** Imports a sheet (progress: 'progress' events, task 'import'); with dryRun, writes nothing and reports what it would do. */
  'import.run': method(importFileInputSchema.extend({ dryRun: z.boolean().default(false) }), importReportSchema),
} as const;
