import { z } from 'zod';
import { attachmentRefSchema, recordingRefSchema } from '../../attachments';
import { reportLabel, reportText, timestampSchema } from './text';

/**
 * The `interview` record (issue 8): a first-class source. The mid-term review works from
 * in-depth interviews with each sectoral body; a quote in a document cites its interview (who,
 * role, organisation, when), and is exported only when the interviewee consented to be quoted.
 */

export const MAX_TRANSCRIPT_CHARS = 100_000;

export const interviewFieldsSchema = z.object({
  name: reportLabel(200, 'name'),
  role: reportLabel(200, 'role'),
  organisation: reportLabel(200, 'organisation'),
  sectoralBody: reportLabel(200, 'sectoral body'),
  heldAt: timestampSchema.nullable(),
  notes: reportText(20_000, 'notes', true),
  transcript: reportText(MAX_TRANSCRIPT_CHARS, 'transcript', true),
  /** The signed consent form or another document (shared/attachments.ts). */
  attachment: attachmentRefSchema.nullable(),
  /**
   * The audio recording of the interview, next to the form: an interview can have both. Its own
   * field, so a curator attaching the recording and another attaching the form merge cleanly; an
   * older app parks the field (unknown) and applies it after an upgrade.
   */
  recording: recordingRefSchema.nullable(),
  consentToQuote: z.boolean(),
  deletedAt: timestampSchema.nullable(),
  demo: z.boolean(),
});
export type InterviewFields = z.infer<typeof interviewFieldsSchema>;

export const interviewDefaults: InterviewFields = {
  name: '',
  role: '',
  organisation: '',
  sectoralBody: '',
  heldAt: null,
  notes: '',
  transcript: '',
  attachment: null,
  recording: null,
  consentToQuote: false,
  deletedAt: null,
  demo: false,
};

/** What a curator writes (interviews.create / interviews.update). */
export const interviewInputSchema = interviewFieldsSchema
  .omit({ deletedAt: true, demo: true })
  .extend({ name: interviewFieldsSchema.shape.name.refine((n) => n.length > 0, { message: 'Write who was interviewed.' }) });
export type InterviewInput = z.infer<typeof interviewInputSchema>;
