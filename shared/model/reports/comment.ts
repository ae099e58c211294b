import { z } from 'zod';
import { idSchema } from '../expert';
import { caseStudySections, storySections } from './sections';
import { reportText, timestampSchema } from './text';

/**
 * The `report_comment` record: a review comment on a case study or story, a record each so
 * concurrent comments never overwrite one another. Its author and time are those of the change
 * that created it (the change's actor and stamp), never a field anyone could rewrite.
 */

export const MAX_COMMENT_CHARS = 4_000;

const allSections = [...new Set([...caseStudySections, ...storySections])] as [string, ...string[]];

export const commentTextSchema = reportText(MAX_COMMENT_CHARS, 'comment', true).refine((t) => t.trim().length > 0, { message: 'Write the comment.' });

export const reportCommentFieldsSchema = z.object({
  reportId: idSchema,
  /** The section it is about (a section field name), or null for the whole report. */
  section: z.enum(allSections).nullable(),
  text: commentTextSchema,
  resolved: z.boolean(),
  deletedAt: timestampSchema.nullable(),
});
export type ReportCommentFields = z.infer<typeof reportCommentFieldsSchema>;
