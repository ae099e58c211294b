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
      // Vetting oversight (issue 7).
      { screen: 'users' },
      { screen: 'vetting-settings' },
      { screen: 'reviews' },
      { screen: 'reviews', id: '0190a4c0-0000-7000-8000-000000000002' },
      { screen: 'conflicts' },
      { screen: 'vetting-dashboard' },
    ];
    for (const route of routes) expect(hashToRoute(routeToHash(route))).toEqual(route);
  });

  it('treat the token fragment and unknown paths as the directory', () => {
    expect(hashToRoute('#token=abc')).toEqual({ screen: 'directory' });
    expect(hashToRoute('')).toEqual({ screen: 'directory' });
    expect(hashToRoute('#/nowhere')).toEqual({ screen: 'directory' });
  });
});
