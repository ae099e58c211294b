import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/contract/result';

/**
 * The pairing code of a workshop hub: 8 groups of 4 symbols from an alphabet without look-alikes
 * (5 bits each), e.g. `K7QM-2XRD-9PLT-AZ4N-HW3C-EJ8B-TQ6V-MR2Y`.
 * - Groups 1–4 are the first 80 bits of the SHA-256 fingerprint of the hub's certificate: the
 *   joining laptop refuses any other certificate (an impostor would need a 2^80 search).
 * - Groups 5–8 are 80 random bits: the secret that admits a laptop (the hub rate-limits tries).
 * The QR code carries more: the hub's address, the FULL fingerprint and the secret
 * (`accsm-hub://host:port?fp=<64 hex>&s=<secret>`), so scanning needs no typing at all.
 */

export const PAIRING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GROUPS_PER_PART = 4;
const PART_SYMBOLS = GROUPS_PER_PART * 4; // 16 symbols = 80 bits
export const PIN_PREFIX_BITS = PART_SYMBOLS * 5;

/** What a joining laptop learns from a code or a QR text. */
export interface PairingInfo {
  /** The hub's base URL, when the QR text carried it (a typed code does not). */
  url: string | null;
  /** Lowercase hex: 64 digits (full fingerprint, from a QR) or 20 digits (80 bits, from a typed code). */
  pin: string;
  /** The 16-symbol secret, without dashes. */
  secret: string;
}

/** 80 bits (the first 20 hex digits) as 16 symbols of the alphabet. */
function bitsToSymbols(hex: string): string {
  let bits = BigInt(`0x${hex.slice(0, 20)}`);
  let out = '';
  for (let i = 0; i < PART_SYMBOLS; i++) {
    out = PAIRING_ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return out;
}

function symbolsToHex(symbols: string): string {
  let bits = 0n;
  for (const ch of symbols) bits = (bits << 5n) | BigInt(PAIRING_ALPHABET.indexOf(ch));
  return bits.toString(16).padStart(20, '0');
}

/** A fresh 80-bit secret as 16 symbols. */
export function newSecret(): string {
  return bitsToSymbols(randomBytes(10).toString('hex'));
}

const groups = (s: string) => s.match(/.{4}/g)!.join('-');

/** The code shown on the host: fingerprint part, then secret, in groups of 4. */
export function pairingCode(fingerprintHex: string, secret: string): string {
  return groups(bitsToSymbols(fingerprintHex) + secret);
}

/** The text of the QR code: everything a laptop needs to join, the full fingerprint included. */
export function pairingUri(baseUrl: string, fingerprintHex: string, secret: string): string {
  const url = new URL(baseUrl);
  return `accsm-hub://${url.host}?fp=${fingerprintHex.toLowerCase()}&s=${secret}`;
}

/** What a person typed, without case, spaces or dashes. */
function cleanCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]+/g, '');
}

const invalid = (message: string) => new AppError('INVALID_INPUT', message, [{ path: ['code'], message }]);

/**
 * Reads a typed pairing code or a scanned/pasted QR text. Throws INVALID_INPUT with a sentence
 * that says what to fix; a wrong but well-formed code is found out by the hub (ENROLLMENT_INVALID)
 * or by the certificate check (CERT_MISMATCH).
 */
export function parsePairing(text: string): PairingInfo {
  const raw = text.trim();
  if (/^accsm-hub:\/\//i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw.replace(/^accsm-hub:/i, 'https:'));
    } catch {
      throw invalid('This QR text is damaged. Scan the QR code again, or type the address and the pairing code instead.');
    }
    const fp = (url.searchParams.get('fp') ?? '').toLowerCase();
    const secret = cleanCode(url.searchParams.get('s') ?? '');
    if (!/^[0-9a-f]{64}$/.test(fp) || !isSymbols(secret)) {
      throw invalid('This QR text is incomplete. Scan the QR code again, or type the address and the pairing code instead.');
    }
    return { url: url.origin, pin: fp, secret };
  }
  const code = cleanCode(raw);
  if (code.length !== 2 * PART_SYMBOLS || !isSymbols(code)) {
    throw invalid('A pairing code is 8 groups of 4 letters and digits, like K7QM-2XRD-9PLT-AZ4N-HW3C-EJ8B-TQ6V-MR2Y. Copy it again from the hub screen; O, I, 0 and 1 never occur in it.');
  }
  return { url: null, pin: symbolsToHex(code.slice(0, PART_SYMBOLS)), secret: code.slice(PART_SYMBOLS) };
}

function isSymbols(s: string): boolean {
  return s.length > 0 && [...s].every((ch) => PAIRING_ALPHABET.includes(ch));
}

/** Whether a certificate's full SHA-256 fingerprint (hex) matches a pin (full, or its first 80 bits). */
export function pinMatches(pin: string, fingerprintHex: string): boolean {
  const fp = fingerprintHex.toLowerCase().replace(/:/g, '');
  const p = pin.toLowerCase();
  return p.length >= 20 && fp.startsWith(p);
}
