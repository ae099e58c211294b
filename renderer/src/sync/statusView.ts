import type { SyncRemoteStatus, SyncStatus } from '../../../shared/contract';
import { formatNumber, plural, type Locale, type MessageKey, type Translate } from '../i18n';
import { relativeTime } from './relativeTime';

/** How the status line draws a state: the colour of its dot. */
export type SyncTone = 'ok' | 'busy' | 'warn' | 'error' | 'off';

export interface SyncStatusView {
  tone: SyncTone;
  /**
   * The state in a few words. The status line announces it to screen readers (politely), so it
   * changes only when the state does, never with each progress step or tick of the clock.
   */
  headline: string;
  /** What follows the headline on screen: when, how far, when the next try is. */
  detail: string | null;
  /** Between headline and detail: a space before a time ("Synced 5 minutes ago"), else a dot. */
  separator: string;
  /** A sync under way with a known total. */
  progress: { done: number; total: number } | null;
  /** What the curator can do about it, in Settings. */
  action: MessageKey | null;
}

/** Codes after which only a new enrollment code helps. */
const SIGN_IN_AGAIN = new Set(['TOKEN_REVOKED', 'UNAUTHENTICATED', 'ENROLLMENT_INVALID']);

export const needsSignIn = (status: SyncStatus) => status.state === 'error' && !!status.problem && SIGN_IN_AGAIN.has(status.problem.code);

/** Turns a sync status into what the app shell shows, in the curator's language. */
export function describeSyncStatus(status: SyncStatus, locale: Locale, t: Translate, now: number): SyncStatusView {
  const waiting = status.waiting > 0 ? plural(t, locale, 'sync.status.waiting', status.waiting) : null;
  // A server without a token (signed out of it, or a token lost) is as good as none, unless
  // the server refused the token: then the way out is to sign in again.
  const state = !status.configured && status.state !== 'error' ? 'off' : status.state;
  switch (state) {
    case 'off':
      return { tone: 'off', headline: t('sync.status.off'), detail: null, separator: ' · ', progress: null, action: 'sync.status.setUp' };
    case 'idle': {
      // A past moment, whatever the two clocks say (the core's and this window's are read apart).
      const when = status.lastSyncedAt === null ? null : relativeTime(locale, t, Math.min(status.lastSyncedAt, now), now);
      // A sync that went through with a warning (a clock days off): synced, but worth a look.
      const warned = status.problem !== null;
      return {
        tone: warned ? 'warn' : 'ok',
        headline: when === null ? t('sync.status.notYet') : t('sync.status.synced'),
        detail: join(when, waiting),
        separator: when === null ? ' · ' : ' ',
        progress: null,
        action: warned ? 'sync.status.details' : null,
      };
    }
    case 'syncing': {
      const p = status.progress;
      const known = p && p.total > 0 ? { done: Math.min(p.done, p.total), total: p.total } : null;
      return {
        tone: 'busy',
        headline: t('sync.status.syncing'),
        detail: known && p ? t(`sync.phase.${p.phase}`, { done: formatNumber(locale, known.done), total: formatNumber(locale, known.total) }) : null,
        separator: ' · ',
        progress: known,
        action: null,
      };
    }
    case 'offline': {
      const next = status.nextAttemptAt === null ? null : t('sync.status.nextAttempt', { when: relativeTime(locale, t, Math.max(status.nextAttemptAt, now + 1000), now) });
      return { tone: 'warn', headline: join(t('sync.status.offline'), waiting, ' — ')!, detail: next, separator: ' · ', progress: null, action: null };
    }
    case 'error':
      return {
        tone: 'error',
        headline: t('sync.status.error'),
        detail: waiting,
        separator: ' · ',
        progress: null,
        action: needsSignIn(status) ? 'sync.status.signInAgain' : 'sync.status.details',
      };
  }
}

function join(a: string | null, b: string | null, separator = ' · '): string | null {
  return a && b ? `${a}${separator}${b}` : (a ?? b);
}

/**
 * One server's part of the status, as the status line shows it when this device syncs with
 * both a workshop hub and central: the same words, without "next try" (Settings says it).
 */
export function describeRemote(status: SyncStatus, remote: SyncRemoteStatus, locale: Locale, t: Translate, now: number): SyncStatusView & { label: string } {
  const own: SyncStatus = {
    ...status,
    serverUrl: remote.url,
    state: remote.state,
    lastSyncedAt: remote.lastSyncedAt,
    waiting: remote.waiting,
    progress: remote.progress,
    problem: remote.problem,
    nextAttemptAt: null,
    configured: true,
  };
  return { ...describeSyncStatus(own, locale, t, now), label: t(`sync.remote.${remote.id}`) };
}
