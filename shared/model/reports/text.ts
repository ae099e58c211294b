import { z } from 'zod';
import { hasHiddenCharacters, hiddenCharactersMessage } from '../../text/hygiene';

/**
 * Text of a report's fields: bounded, and never holding control characters or hidden
 * text-direction marks (shared/text/hygiene.ts). Multi-line fields keep line breaks and tabs.
 * Not trimmed: a section is saved as the curator types it (autosave), spaces and all.
 */
export const reportText = (max: number, field: string, multiline = false) =>
  z
    .string()
    .max(max, { message: `Use at most ${max} characters.` })
    .refine((v) => !hasHiddenCharacters(v, multiline), { message: hiddenCharactersMessage(field), abort: true });

/** A short single-line label (a title, a name), trimmed. */
export const reportLabel = (max: number, field: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `Use at most ${max} characters.` })
    .refine((v) => !hasHiddenCharacters(v), { message: hiddenCharactersMessage(field), abort: true });

export const timestampSchema = z.number().int().min(0).max(8.64e15);
