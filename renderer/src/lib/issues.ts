import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/contract';
import { issueMessage, zodParams, type Locale, type Translate } from '../i18n';

/** Field path → message, keyed like "email" or "languages.0.code". */
export type FieldErrors = Record<string, string>;

export const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** Client-side zod issues, translated, first message per field wins. */
export function zodErrors(error: z.ZodError, t: Translate, prefix: readonly PropertyKey[] = []): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = pathKey([...prefix, ...issue.path]);
    if (!(key in out)) out[key] = issueMessage(issue, t);
  }
  return out;
}

/** Parses with a shared schema, zod's generic messages in the curator's language. */
export function parseIn<S extends z.ZodType>(schema: S, value: unknown, locale: Locale, t: Translate, prefix: readonly PropertyKey[] = []) {
  const parsed = schema.safeParse(value, zodParams(locale));
  return parsed.success ? { ok: true as const, data: parsed.data as z.output<S>, errors: {} as FieldErrors } : { ok: false as const, errors: zodErrors(parsed.error, t, prefix) };
}

/**
 * The server's `error.issues`, mapped onto form fields. Dispatch validates the whole input, so
 * paths start with the input's wrapper (`expert`, `patch`, `item`); those are stripped.
 */
export function serverErrors(issues: FieldIssue[] | undefined, t: Translate, wrappers: readonly string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues ?? []) {
    const path = wrappers.includes(String(issue.path[0])) ? issue.path.slice(1) : issue.path;
    const key = pathKey(path);
    if (key && !(key in out)) out[key] = issueMessage(issue, t);
  }
  return out;
}
