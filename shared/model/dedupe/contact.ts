import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from '../countries';

/**
 * E-mail as a key: trimmed and lower-cased (no provider in use distinguishes case in the
 * local part, and people type it both ways). Only for Gmail, whose documentation says dots
 * in the local part are ignored and "+anything" is a delivery tag, are those removed too
 * (googlemail.com is the same service). Other providers differ (some treat dots as
 * significant, Yahoo uses "-" for tags), so nothing else is guessed: a false "same e-mail"
 * would be taken as near proof. Returns null for an empty or unusable address.
 */
export function normaliseEmail(email: string): string | null {
  const e = email.trim().toLowerCase();
  const at = e.lastIndexOf('@');
  if (at <= 0 || at === e.length - 1) return null;
  let local = e.slice(0, at);
  let domain = e.slice(at + 1);
  if (domain === 'gmail.com' || domain === 'googlemail.com') {
    domain = 'gmail.com';
    local = local.split('+')[0]!.replace(/\./g, '');
    if (!local) return null;
  }
  return `${local}@${domain}`;
}

/**
 * A phone number in E.164 ("+6281234567890"), read with the person's country as the region
 * of a number written without its country code ("0812-3456-7890" in Indonesia), and whether
 * it is a mobile number: a mobile is one person's, a fixed line is often an office's. Null
 * when the digits cannot be a number of that plan (too short, too long): such a value is not
 * a key, since two unusable numbers agreeing says nothing. Uses libphonenumber's full
 * metadata, which knows each plan's mobile ranges.
 */
export function readPhone(phone: string, country: CountryCode): { e164: string; mobile: boolean } | null {
  const p = phone.trim();
  if (!/\d/.test(p)) return null;
  const parsed = parsePhoneNumberFromString(p, country);
  if (!parsed || !parsed.isPossible()) return null;
  return { e164: parsed.number, mobile: parsed.getType() === 'MOBILE' };
}

export function normalisePhone(phone: string, country: CountryCode): string | null {
  return readPhone(phone, country)?.e164 ?? null;
}
