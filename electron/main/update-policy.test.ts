import { describe, expect, it } from 'vitest';
import { updatePlan } from './update-policy';

describe('updatePlan', () => {
  const packaged = { isPackaged: true, hasUpdateFeed: true, env: {} };

  it('checks once after start in a packaged build with a feed, and never downloads or installs by itself', () => {
    const plan = updatePlan(packaged);
    expect(plan).toMatchObject({ check: true, autoDownload: false, autoInstallOnAppQuit: false });
    expect(plan.check && plan.delayMs).toBeGreaterThan(0);
  });

  it('never checks in development', () => {
    expect(updatePlan({ ...packaged, isPackaged: false })).toEqual({ check: false, reason: 'development' });
  });

  it('does not check when the build has no update feed (publish: null)', () => {
    expect(updatePlan({ ...packaged, hasUpdateFeed: false })).toEqual({ check: false, reason: 'no-feed' });
  });

  it('can be turned off by the environment', () => {
    for (const value of ['off', 'OFF', '0', 'false', ' off ']) {
      expect(updatePlan({ ...packaged, env: { CURATOR_UPDATES: value } })).toEqual({ check: false, reason: 'turned-off' });
    }
    expect(updatePlan({ ...packaged, env: { CURATOR_UPDATES: 'on' } }).check).toBe(true);
  });
});
