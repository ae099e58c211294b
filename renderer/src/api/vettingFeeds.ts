/**
 * Which entities each vetting read depends on (queries.ts `queryFeeds` for vetting), so a
 * `changed` event naming an application or one of its events refreshes these and nothing
 * else. A file of its own, with no imports, so queries.ts can read it without a cycle.
 */

export type VettingQueryMethod =
  | 'applications.list'
  | 'applications.get'
  | 'applications.reviewers'
  | 'users.list'
  | 'vetting.settings'
  | 'vetting.conflicts'
  | 'vetting.dashboard';

export const vettingFeeds: Record<VettingQueryMethod, readonly string[]> = {
  // A reviewer's name or an accepted expert's link shows on the rows and the page.
  'applications.list': ['application', 'vetting_event', 'user'],
  // Duplicate candidates come from the directory too; the precheck reads the settings.
  'applications.get': ['application', 'vetting_event', 'user', 'expert', 'vetting_settings'],
  // Load moves with every assignment; conflicts with the settings' same-country rule.
  'applications.reviewers': ['application', 'vetting_event', 'user', 'vetting_settings'],
  'users.list': ['user'],
  'vetting.settings': ['vetting_settings'],
  // Both name who took each step (sides, reviewer load) and show only what the acting user may see.
  'vetting.conflicts': ['application', 'vetting_event', 'user'],
  'vetting.dashboard': ['application', 'vetting_event', 'user'],
  // profile.get has no entry, so every change refreshes it: it moves with enrollment, which names no entity.
};

