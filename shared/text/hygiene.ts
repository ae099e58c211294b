/**
 * Characters no text field may hold: they are invisible or reorder what a reader sees, so a
 * record holding them can look like something it is not ("Budi" that sorts and matches as
 * something else, a link that reads backwards), and a NUL byte cuts strings short in other
 * programs that read an export.
 *
 * - C0 controls (U+0000–U+001F) and DEL; line breaks and tabs only in multi-line fields;
 * - C1 controls (U+0080–U+009F);
 * - bidirectional embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
 *   The plain marks LRM/RLM (U+200E/U+200F) stay allowed: they change no order by themselves.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const forbiddenSingleLine = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- as above, less tab, line feed and carriage return.
const forbiddenMultiLine = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

export function hasHiddenCharacters(text: string, multiline = false): boolean {
  return (multiline ? forbiddenMultiLine : forbiddenSingleLine).test(text);
}

/** True when the text has at least one letter of any script (a zero-width space alone is not a name). */
const LETTER = /\p{L}/u;
export const hasLetter = (text: string): boolean => LETTER.test(text);

/** The message for a field holding such characters; `field` is the field's name as a curator knows it. */
export const hiddenCharactersMessage = (field: string): string =>
  `The ${field} contains a control character or a hidden text-direction mark. Retype it without them.`;
