import { useEffect, useState } from 'react';
import { intlLocale, type Locale, type Translate } from '../i18n';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];

const formats = new Map<Locale, Intl.RelativeTimeFormat>();

/**
 * "2 minutes ago", "in 30 seconds", "yesterday" / "2 menit yang lalu", "dalam 30 detik",
 * "kemarin": the largest whole unit, rounded. The last few seconds in the past are "just now"
 * (a count of seconds that keeps moving says nothing useful about a finished sync).
 */
export function relativeTime(locale: Locale, t: Translate, then: number, now: number): string {
  const diff = then - now;
  if (diff <= 0 && diff > -45_000) return t('sync.justNow');
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.RelativeTimeFormat(intlLocale[locale], { numeric: 'auto' })));
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(diff) >= ms) ?? UNITS[UNITS.length - 1]!;
  return format.format(Math.round(diff / size), unit);
}

/**
 * The current time for a render, with a render at least every `intervalMs`, so relative times
 * on screen stay true. Read at each render, not kept from the last tick: a status that just
 * arrived must not look like it comes from the future ("synced in 6 seconds").
 */
export function useNow(intervalMs = 5_000): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return Date.now();
}
