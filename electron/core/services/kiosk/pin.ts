import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * The kiosk PIN is kept only as a salted scrypt hash in the database, so the data folder never
 * holds the PIN itself. A 4–8 digit PIN is weak against an offline attack on the file; what
 * protects the kiosk is the rate limit on tries (service.ts), the hash keeps the PIN from being
 * read off a copy of the folder at a glance or reused elsewhere.
 */

const KEY_BYTES = 32;
// scrypt's recommended interactive cost: tens of milliseconds on a laptop, on the core's thread.
const COST = { N: 1 << 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export interface PinHash {
  salt: string;
  hash: string;
}

function derive(pin: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(pin, salt, KEY_BYTES, COST, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPin(pin: string): Promise<PinHash> {
  const salt = randomBytes(16);
  return { salt: salt.toString('hex'), hash: (await derive(pin, salt)).toString('hex') };
}

/** Compares in constant time, so the time a wrong PIN takes says nothing about the right one. */
export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'hex');
  const actual = await derive(pin, Buffer.from(stored.salt, 'hex'));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
