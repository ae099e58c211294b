import { AppError } from '../../../../shared/contract/result';
import { canWriteReport, type ReportActor } from '../../../../shared/model/reports/roles';
import type { TaxonomyIndex } from '../taxonomy';
import type { VettingContext, VettingActor } from '../vetting/context';

/**
 * What the reports' services need: vetting's context (the database, the funnel every write
 * goes through, who acts — the signed-in server user or the profile chosen on this device —
 * and the `changed` announcement) plus the taxonomy that expertise areas are checked against.
 */
export interface ReportsContext extends VettingContext {
  taxonomy: Pick<TaxonomyIndex, 'unknown'>;
}

export const reportsContext = (vetting: VettingContext, taxonomy: Pick<TaxonomyIndex, 'unknown'>): ReportsContext => ({ ...vetting, taxonomy });

export const typeName = { case_study: 'case study', story: 'story' } as const;

/** The actor when they may write a report with these countries, else NOT_ALLOWED saying why. */
export function requireWriter(ctx: ReportsContext, type: keyof typeof typeName, report: { countries: readonly string[] }): VettingActor {
  const who = ctx.requireActor();
  if (canWriteReport(who, report)) return who;
  throw new AppError('NOT_ALLOWED', refusal(who, type));
}

export function refusal(who: ReportActor, type: keyof typeof typeName): string {
  if (who.role === 'reviewer') return `A reviewer reads and comments on ${typeName[type]} records but cannot change them. Add a comment instead. Nothing was saved.`;
  if (who.role === 'focal_point') {
    return `A focal point writes only the ${typeName[type]} records of their own country (${who.country ?? 'none'}). Keep your country among the record's countries, or ask the secretariat. Nothing was saved.`;
  }
  return 'Your role cannot change this record. Nothing was saved.';
}
