import type { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import id from 'zod/v4/locales/id.js';
import type { Locale } from './translate';

/**
 * zod's own messages in the curator's language, for the generic checks (too long, not a
 * number…). The schemas' own sentences (shared/model) are translated by key in errors.ts.
 * Given per parse, not through z.config: the core shares zod with the renderer in tests and
 * must keep answering in English.
 */
const errorMaps: Record<Locale, z.core.$ZodErrorMap> = { en: en().localeError, id: id().localeError };

/** `schema.safeParse(value, zodParams(locale))` */
export const zodParams = (locale: Locale): z.core.ParseContext<z.core.$ZodIssue> => ({ error: errorMaps[locale] });
