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
  // A refused vetting step says which rule refused it (shared/model/vetting/rules.ts stepRefusalCodes).
  if (error.code === 'STEP_REFUSED' && typeof error.details?.step === 'string') {
    const step = `vetting.refusal.${error.details.step}` as MessageKey;
    if (step in dictionaries[locale]) return t(step);
  }
  const key = `errors.${error.code}` as MessageKey;
  return key in dictionaries[locale] ? t(key) : error.message || t('errors.INTERNAL');
}

/** What a field-level problem carries: a zod issue or one of the core's `error.issues`. */
export interface IssueLike {
  message: string;
}

/** The schemas' own sentences (shared/model), written for curators in English, translated by meaning. */
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
  'A link cannot hold a user name or password (the part before @). Remove that part.': 'validation.linkCredentials',
  'Give a reason of at least 3 characters.': 'validation.reason',
  'The photo is larger than 5 MB. Choose a smaller one.': 'photo.tooLarge',
};

/**
 * A field message in the current language. The schemas' own sentences are translated by key;
 * any other message is shown as it came: zod's generic ones are already in the curator's
 * language when the renderer parsed with zodParams(locale), and the core's are its own.
 */
export function issueMessage(issue: IssueLike, t: Translate): string {
  const known = knownMessages[issue.message];
  if (known) return t(known);
  const maxChars = /^Use at most (\d+) characters\.$/.exec(issue.message);
  if (maxChars) return t('validation.maxLength', { max: maxChars[1]! });
  // These two name their field in English (shared/model/expert.ts); shown under that field, the translation need not.
  if (/ contains a control character or a hidden text-direction mark\./.test(issue.message)) return t('validation.hiddenCharacters');
  if (/^The .+ must contain a letter\.$/.test(issue.message)) return t('validation.needsLetter');
  return issue.message;
}
