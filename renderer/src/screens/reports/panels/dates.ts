import { intlLocale, type Locale } from '../../../i18n';

/**
 * Days (an interview, a consent) are stored as UTC midnight and always read in UTC, so a
 * date typed in Jakarta shows as the same date in Manila or Yangon.
 */

/** 'YYYY-MM-DD' (a date input's value) for a stored time, read in UTC so it never shifts a day. */
export function dateInputValue(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '';
  return new Date(ms).toISOString().slice(0, 10);
}

/** The stored time (UTC midnight) for a date input's value, or null when empty or not a date. */
export function dateFromInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) || dateInputValue(ms) !== value ? null : ms;
}

/** A stored day for a curator: "29 Nov 2026" / "29 Nov 2026". */
export function formatDay(locale: Locale, ms: number): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(ms);
}
