import { describe, expect, it } from 'vitest';
import { translate, type Locale } from '../i18n/translate';
import { signedInStatus } from '../test/syncStatus';
import { describeSyncStatus } from './statusView';

const NOW = Date.UTC(2026, 10, 29, 9, 0, 0);
const describeIn = (locale: Locale, status = signedInStatus()) => describeSyncStatus(status, locale, (k, v) => translate(locale, k, v), NOW);

describe('describeSyncStatus', () => {
  it('counts relative time in whole units, and calls the last few seconds "just now"', () => {
    expect(describeIn('en', signedInStatus({ lastSyncedAt: NOW - 20_000 })).detail).toBe('just now');
    // Stamped by the core a moment after this window read its clock: still the past.
    expect(describeIn('en', signedInStatus({ lastSyncedAt: NOW + 6_000 })).detail).toBe('just now');
    expect(describeIn('en', signedInStatus({ lastSyncedAt: NOW - 2 * 60_000 })).detail).toBe('2 minutes ago');
    expect(describeIn('en', signedInStatus({ lastSyncedAt: NOW - 3 * 3_600_000 })).detail).toBe('3 hours ago');
    expect(describeIn('id', signedInStatus({ lastSyncedAt: NOW - 26 * 3_600_000 })).detail).toBe('kemarin');
    expect(describeIn('en', signedInStatus({ lastSyncedAt: null })).headline).toBe('Not synced yet');
  });

  it('treats a server without a token as not set up, unless the server refused the token', () => {
    const noToken = signedInStatus({ configured: false, state: 'idle' });
    expect(describeIn('en', noToken)).toMatchObject({ tone: 'off', headline: 'Sync not set up', action: 'sync.status.setUp' });
    const revoked = signedInStatus({ configured: false, state: 'error', problem: { code: 'TOKEN_REVOKED', message: 'Revoked.' } });
    expect(describeIn('en', revoked)).toMatchObject({ tone: 'error', headline: 'Sync stopped', action: 'sync.status.signInAgain' });
  });

  it('offers a look at the reason for any other stop', () => {
    const failed = signedInStatus({ state: 'error', waiting: 1, problem: { code: 'SERVER_ERROR', message: 'HTTP 500.' } });
    expect(describeIn('en', failed)).toMatchObject({ headline: 'Sync stopped', detail: '1 change waiting', action: 'sync.status.details' });
  });

  it('marks a sync that went through with a warning (a clock days off) and offers the reason', () => {
    const skewed = signedInStatus({ lastSyncedAt: NOW - 60_000, problem: { code: 'CLOCK_SKEW', message: 'Another computer’s clock is 3 days ahead.' } });
    expect(describeIn('en', skewed)).toMatchObject({ tone: 'warn', headline: 'Synced', detail: '1 minute ago', action: 'sync.status.details' });
  });

  it('shows progress only once the total is known, and never past it', () => {
    expect(describeIn('en', signedInStatus({ state: 'syncing', progress: { phase: 'pull', done: 0, total: 0 } }))).toMatchObject({ detail: null, progress: null });
    expect(describeIn('en', signedInStatus({ state: 'syncing', progress: { phase: 'push', done: 1200, total: 1000 } }))).toMatchObject({
      detail: 'Sending changes: 1,000 of 1,000',
      progress: { done: 1000, total: 1000 },
    });
  });
});
