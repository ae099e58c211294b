import type { ReportType } from '../../../shared/model/reports';

/** The screens of the app. Navigation is state plus the URL fragment, so Back works in both shells. */
export type Route =
  | { screen: 'directory' }
  | { screen: 'expert'; id: string }
  | { screen: 'edit'; id: string }
  | { screen: 'new' }
  | { screen: 'settings' }
  | { screen: 'sync-problems' }
  | { screen: 'applications' }
  | { screen: 'application'; id: string }
  | { screen: 'application-new' }
  | { screen: 'import' }
  // Vetting oversight (issue 7).
  | { screen: 'users' }
  | { screen: 'vetting-settings' }
  | { screen: 'reviews'; id?: string }
  | { screen: 'conflicts' }
  | { screen: 'vetting-dashboard' }
  // Case studies and human-interest stories (issue 8).
  | { screen: 'reports' }
  | { screen: 'report-new'; type: ReportType }
  | { screen: 'report'; id: string };

export function routeToHash(route: Route): string {
  switch (route.screen) {
    case 'directory':
      return '#/experts';
    case 'expert':
      return `#/experts/${encodeURIComponent(route.id)}`;
    case 'edit':
      return `#/experts/${encodeURIComponent(route.id)}/edit`;
    case 'new':
      return '#/new';
    case 'settings':
      return '#/settings';
    case 'sync-problems':
      return '#/sync-problems';
    case 'applications':
      return '#/applications';
    case 'application':
      return `#/applications/${encodeURIComponent(route.id)}`;
    case 'application-new':
      return '#/applications/new';
    case 'import':
      return '#/import';
    case 'users':
      return '#/users';
    case 'vetting-settings':
      return '#/vetting-settings';
    case 'reviews':
      return route.id ? `#/reviews/${encodeURIComponent(route.id)}` : '#/reviews';
    case 'conflicts':
      return '#/conflicts';
    case 'vetting-dashboard':
      return '#/vetting-dashboard';
    case 'reports':
      return '#/reports';
    case 'report-new':
      return `#/reports/new?type=${route.type}`;
    case 'report':
      return `#/reports/${encodeURIComponent(route.id)}`;
  }
}

/** Anything unknown (including the browser-mode `#token=` fragment) is the directory. */
export function hashToRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'experts' && parts[1]) {
    return parts[2] === 'edit' ? { screen: 'edit', id: parts[1] } : { screen: 'expert', id: parts[1] };
  }
  if (parts[0] === 'new') return { screen: 'new' };
  if (parts[0] === 'settings') return { screen: 'settings' };
  if (parts[0] === 'sync-problems') return { screen: 'sync-problems' };
  // `#/applications/new` is the entry form (screens/applicationForm), never an application id.
  if (parts[0] === 'applications' && parts[1] === 'new') return { screen: 'application-new' };
  if (parts[0] === 'applications') return parts[1] ? { screen: 'application', id: parts[1] } : { screen: 'applications' };
  if (parts[0] === 'import') return { screen: 'import' };
  if (parts[0] === 'users') return { screen: 'users' };
  if (parts[0] === 'vetting-settings') return { screen: 'vetting-settings' };
  if (parts[0] === 'reviews') return parts[1] ? { screen: 'reviews', id: parts[1] } : { screen: 'reviews' };
  if (parts[0] === 'conflicts') return { screen: 'conflicts' };
  if (parts[0] === 'vetting-dashboard') return { screen: 'vetting-dashboard' };
  // `#/reports/new?type=story` is the start of a new record, never a record id; a case study unless the type says story.
  if (parts[0] === 'reports' && parts[1] === 'new') return { screen: 'report-new', type: new URLSearchParams(search).get('type') === 'story' ? 'story' : 'case_study' };
  if (parts[0] === 'reports') return parts[1] ? { screen: 'report', id: parts[1] } : { screen: 'reports' };
  return { screen: 'directory' };
}

export const sameRoute = (a: Route, b: Route) => routeToHash(a) === routeToHash(b);
