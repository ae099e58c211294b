import { describe, expect, it } from 'vitest';
import { hashToRoute, routeToHash, type Route } from './routes';

describe('routes', () => {
  it('round-trip through the URL fragment', () => {
    const routes: Route[] = [
      { screen: 'directory' },
      { screen: 'expert', id: '0190a4c0-0000-7000-8000-000000000001' },
      { screen: 'edit', id: '0190a4c0-0000-7000-8000-000000000001' },
      { screen: 'new' },
      { screen: 'settings' },
      { screen: 'sync-problems' },
      { screen: 'applications' },
      { screen: 'application', id: '0190a4c0-0000-7000-8000-000000000002' },
      { screen: 'application-new' },
      { screen: 'import' },
      // Vetting oversight (issue 7).
      { screen: 'users' },
      { screen: 'vetting-settings' },
      { screen: 'reviews' },
      { screen: 'reviews', id: '0190a4c0-0000-7000-8000-000000000002' },
      { screen: 'conflicts' },
      { screen: 'vetting-dashboard' },
      // Case studies and stories (issue 8).
      { screen: 'reports' },
      { screen: 'report-new', type: 'case_study' },
      { screen: 'report-new', type: 'story' },
      { screen: 'report', id: '0190a4c0-0000-7000-8000-000000000003' },
    ];
    for (const route of routes) expect(hashToRoute(routeToHash(route))).toEqual(route);
  });

  it('read #/applications/new as the entry form, never as an application id', () => {
    expect(hashToRoute('#/applications/new')).toEqual({ screen: 'application-new' });
  });

  it('read #/reports/new as a new record of the type asked, a case study when the type is missing or unknown', () => {
    expect(hashToRoute('#/reports/new?type=story')).toEqual({ screen: 'report-new', type: 'story' });
    expect(hashToRoute('#/reports/new?type=case_study')).toEqual({ screen: 'report-new', type: 'case_study' });
    expect(hashToRoute('#/reports/new')).toEqual({ screen: 'report-new', type: 'case_study' });
    expect(hashToRoute('#/reports/new?type=<script>')).toEqual({ screen: 'report-new', type: 'case_study' });
  });

  it('treat the token fragment and unknown paths as the directory', () => {
    expect(hashToRoute('#token=abc')).toEqual({ screen: 'directory' });
    expect(hashToRoute('')).toEqual({ screen: 'directory' });
    expect(hashToRoute('#/nowhere')).toEqual({ screen: 'directory' });
  });

  it('never read the entry form’s `#/applications/new` as an application id', () => {
    expect(hashToRoute('#/applications/new')).not.toEqual({ screen: 'application', id: 'new' });
  });
});
