import type { Role } from '../../sync/protocol';
import type { ReportStatus } from './parts';

/**
 * Who may do what with case studies, stories, interviews and review comments: pure predicates
 * the core (local writes), the server (pushed changes) and the screens share.
 * - admin and curator: everything;
 * - focal point: writes the case studies and stories of their own country (a record listing
 *   it; a regional focal point, country null, all of them), and interviews; may send a record
 *   to review but not approve it;
 * - reviewer: reads and comments.
 * Everyone signed in reads every record and comments on it.
 */

export interface ReportActor {
  id: string;
  role: Role;
  /** A focal point's member state (null: a regional focal point, every country). */
  country: string | null;
}

const secretariat = (who: Pick<ReportActor, 'role'>) => who.role === 'admin' || who.role === 'curator';

/** Whether the actor may create or write a report with these countries (before and after the write). */
export function canWriteReport(who: ReportActor, report: { countries: readonly string[] }): boolean {
  if (secretariat(who)) return true;
  if (who.role !== 'focal_point') return false;
  return who.country === null || report.countries.includes(who.country);
}

/** Whether the actor may move a report they may write to this status; approval is the secretariat's. */
export function canSetStatus(who: ReportActor, report: { countries: readonly string[] }, status: ReportStatus): boolean {
  if (!canWriteReport(who, report)) return false;
  return status !== 'approved' || secretariat(who);
}

/** Interviews are sources shared across reports: the secretariat and focal points record them. */
export const canWriteInterview = (who: Pick<ReportActor, 'role'>): boolean => secretariat(who) || who.role === 'focal_point';

export const canComment = (who: Pick<ReportActor, 'role'>): boolean => ['admin', 'curator', 'focal_point', 'reviewer'].includes(who.role);

/** Resolving (or reopening) a comment: its author, or anyone who may write the report. */
export function canResolveComment(who: ReportActor, comment: { authorId: string }, report: { countries: readonly string[] }): boolean {
  return comment.authorId === who.id || canWriteReport(who, report);
}
