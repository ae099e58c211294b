import { sha256Hex } from '../hash';

/**
 * A row's import key, so importing the same file (or the same person from another sheet) twice
 * adds nothing: the SHA-256 of the applicant's e-mail address when the row has one (folded to
 * lower case: mailbox names are case-insensitive in practice), otherwise of the row's content —
 * its mapped values by field name, so reordering or renaming the columns keeps the key.
 */

const normalise = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
const hash = sha256Hex;

export function importKey(email: string, values: Readonly<Record<string, string>>): string {
  const mail = normalise(email);
  if (mail) return `email:${hash(mail)}`;
  const content = Object.keys(values)
    .sort()
    .map((k) => [k, normalise(values[k]!)] as const)
    .filter(([, v]) => v !== '');
  return `row:${hash(JSON.stringify(content))}`;
}
