import { describe, expect, it } from 'vitest';
import { isFedBy } from './queries';

describe('the oversight reads refresh by entity', () => {
  it('leaves the conflict count and the dashboard alone when only the directory changes', () => {
    for (const method of ['vetting.conflicts', 'vetting.dashboard']) {
      expect(isFedBy([method, {}], ['expert', 'portfolio'])).toBe(false);
      expect(isFedBy([method, {}], ['vetting_event'])).toBe(true);
      // Sides and reviewer load name people.
      expect(isFedBy([method, {}], ['user'])).toBe(true);
    }
  });

  it('refreshes the profile on every change: enrollment names no entity', () => {
    expect(isFedBy(['profile.get', {}], ['expert'])).toBe(true);
  });
});
