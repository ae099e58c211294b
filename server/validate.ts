import type { z } from 'zod';
import { SyncError } from './errors';

/** Parses a request part with its protocol schema; the first problem becomes INVALID_INPUT with its path. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? issue.path.join('.') : what;
  throw new SyncError('INVALID_INPUT', `The ${what} is malformed at "${path}": ${issue?.message ?? 'not what the server expects'}. Nothing was stored.`, {
    path: issue?.path ?? [],
  });
}
