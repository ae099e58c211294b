import type { AppErrorShape } from '../../../shared/contract';
import type { MessageKey } from './en';
import { dictionaries, type Locale, type Translate } from './translate';

const UNREACHABLE_PREFIX = "The app's core cannot be reached";

/**
 * The sentence shown for a failed call. The core's messages are English sentences written for
 * curators and often more specific than the code (which file, which limit), so English shows
 * them as they are; Bahasa Indonesia shows the translation keyed by the error's code, and
 * falls back to the English message for a code it does not know.
 */
export function errorMessage(error: AppErrorShape, locale: Locale, t: Translate): string {
  if (error.code === 'INTERNAL' && error.message.startsWith(UNREACHABLE_PREFIX)) {
    return locale === 'en' ? error.message : t('errors.unreachable');
  }
  if (locale === 'en' && error.message.trim()) return error.message;
  const key = `errors.${error.code}` as MessageKey;
  return key in dictionaries[locale] ? t(key) : error.message || t('errors.INTERNAL');
}

/** What a field-level problem carries; zod issues have the extras, the server's only a message. */
export interface IssueLike {
  message: string;
  code?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** The schemas' own messages (shared/model), translated by meaning. */
const knownMessages: Record<string, MessageKey> = {
  'Enter the given name.': 'validation.givenName',
  'Choose one of the 11 ASEAN member states.': 'validation.country',
  'Enter an email address such as name@agency.gov.': 'validation.email',
  'Enter a phone number with digits, spaces, + ( ) or -.': 'validation.phone',
  'Use a two- or three-letter language code, such as en or vi.': 'validation.languageCode',
  'This is not a known ISO 639 language code. Choose the language from the list.': 'validation.languageUnknown',
  'Name the qualification.': 'validation.qualification',
  'This is not a stored photo.': 'validation.photo',
  'Enter a title.': 'validation.title',
  'The year cannot be in the future.': 'validation.yearFuture',
  'Enter a web address starting with https://.': 'validation.link',
  'Give a reason of at least 3 characters.': 'validation.reason',
  'The photo is larger than 5 MB. Choose a smaller one.': 'photo.tooLarge',
};

/**
 * A field message in the current language: a known schema message by its key, a generic zod
 * message by its issue code (or, from the server, by its English wording), else as it came.
 */
export function issueMessage(issue: IssueLike, t: Translate): string {
  const known = knownMessages[issue.message];
  if (known) return t(known);
  const maxChars = /^Use at most (\d+) characters\.$/.exec(issue.message);
  if (maxChars) return t('validation.maxLength', { max: maxChars[1]! });
  // These two name their field in English (shared/model/expert.ts); shown under that field, the translation need not.
  if (/ contains a control character or a hidden text-direction mark\./.test(issue.message)) return t('validation.hiddenCharacters');
  if (/^The .+ must contain a letter\.$/.test(issue.message)) return t('validation.needsLetter');

  const origin = issue.origin ?? /expected (\w+)/.exec(issue.message)?.[1];
  const bound = issue.minimum ?? issue.maximum ?? /[<>]=?\s*(-?\d+)/.exec(issue.message)?.[1];
  const code = issue.code ?? (issue.message.startsWith('Too small') ? 'too_small' : issue.message.startsWith('Too big') ? 'too_big' : undefined);
  if (code === 'too_small' && origin === 'number' && bound !== undefined) return t('validation.minNumber', { min: String(bound) });
  if (code === 'too_big' && origin === 'number' && bound !== undefined) return t('validation.maxNumber', { max: String(bound) });
  if (code === 'too_big' && origin === 'array' && bound !== undefined) return t('validation.maxItems', { max: String(bound) });
  if (code === 'too_big' && origin === 'string' && bound !== undefined) return t('validation.maxLength', { max: String(bound) });
  if (code === 'too_small' && origin === 'string') return t('validation.required');
  if (code === 'invalid_type' && /expected int/.test(issue.message)) return t('validation.wholeNumber');
  if (code === 'invalid_type' || code === 'invalid_value' || code === 'invalid_format') return t('validation.invalid');
  return issue.message;
}
