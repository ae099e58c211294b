import { createHash, randomBytes, randomInt } from 'node:crypto';

/**
 * Device tokens and enrollment codes. Both are random enough that a plain SHA-256 is the
 * right way to store them (no password stretching needed: nobody can guess 256 or 80 random
 * bits), and only that hash is ever written: a copy of the database does not let anyone in.
 */

/** The enrollment code alphabet (protocol.ts): no 0/O, 1/I/L look-alikes; 32 symbols = 5 bits each. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new code, 16 symbols in groups of four: ABCD-EFGH-JKLM-NPQR (80 random bits). */
export function newEnrollmentCode(): string {
  const symbols = Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return symbols.match(/.{4}/g)!.join('-');
}

/** The form a code is hashed in: upper case, without the dashes a person may or may not type. */
export const normaliseCode = (code: string) => code.trim().toUpperCase().replace(/-/g, '');

/** A device token: 32 random bytes, URL-safe, with a prefix that makes a leaked one easy to recognise. */
export function newDeviceToken(): string {
  return `axs_${randomBytes(32).toString('base64url')}`;
}

export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');
