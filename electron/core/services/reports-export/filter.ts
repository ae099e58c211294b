import type { ReportFilters } from '../../../../shared/contract/reports';
import { ratingField, ratingRank, type RatingValue } from '../../../../shared/model/reports/characteristics';
import { periodOverlaps } from '../../../../shared/model/reports/parts';
import type { MtrItem } from './build/mtr';

/**
 * Which reports an MTR compilation takes when chosen by filter (type, country, period, status,
 * characteristic rated at least so): the list's filters (shared/contract/reports.ts), applied
 * to live reports. A story has no dimensions, so a dimension filter leaves stories out.
 */
export function matchesFilters(item: MtrItem, f: Partial<ReportFilters>): boolean {
  const r = item.record;
  if (f.type?.length && !f.type.includes(item.type)) return false;
  if (f.status?.length && !f.status.includes(r.status)) return false;
  if (f.countries?.length && !r.countries.some((c) => f.countries!.includes(c))) return false;
  if ((f.periodFrom || f.periodTo) && !periodOverlaps(r, f.periodFrom ?? null, f.periodTo ?? null)) return false;
  const query = f.query?.trim().toLocaleLowerCase();
  if (query && !r.title.toLocaleLowerCase().includes(query)) return false;
  if (f.rating) {
    const value = (r as unknown as Record<string, RatingValue | null | undefined>)[ratingField(f.rating.criterion)];
    if (!value?.rating || ratingRank(value.rating) < ratingRank(f.rating.min)) return false;
  }
  return true;
}
