/**
 * Which entities each case-study and story read depends on (queries.ts, like vettingFeeds.ts),
 * so a `changed` event naming a report, its comments or an interview refreshes these and
 * nothing else. No imports, so queries.ts can read it without a cycle.
 */

export type ReportQueryMethod = 'reports.list' | 'reports.get' | 'interviews.list' | 'interviews.get';

export const reportFeeds: Record<ReportQueryMethod, readonly string[]> = {
  // Rows count the open comments.
  'reports.list': ['case_study', 'story', 'report_comment'],
  // Versions and comments name who wrote them (user records); citations show their interviews.
  'reports.get': ['case_study', 'story', 'report_comment', 'interview', 'user'],
  'interviews.list': ['interview'],
  // An interview lists the reports that cite it.
  'interviews.get': ['interview', 'case_study', 'story'],
};
