import { Group, Loader, Progress, Text } from '@mantine/core';
import { RouteButton } from '../components/RouteLink';
import { plural, useI18n } from '../i18n';
import { useNow } from './relativeTime';
import { describeRemote, describeSyncStatus, type SyncTone } from './statusView';
import { useSyncStatus } from './SyncStatusProvider';

const toneColor: Record<Exclude<SyncTone, 'busy'>, string> = {
  ok: 'var(--mantine-color-teal-filled)',
  warn: 'var(--mantine-color-orange-filled)',
  error: 'var(--mantine-color-red-filled)',
  off: 'var(--mantine-color-gray-filled)',
};

function Dot({ tone }: { tone: SyncTone }) {
  return tone === 'busy' ? (
    <Loader size={12} aria-hidden="true" style={{ flex: 'none' }} />
  ) : (
    <span aria-hidden="true" style={{ flex: 'none', width: 10, height: 10, borderRadius: '50%', background: toneColor[tone] }} />
  );
}

/**
 * Where sync stands, in the app shell on every screen: synced (when), syncing (how far),
 * offline with the changes waiting (and when it tries again), stopped (with the way out),
 * or not set up; and the count of sync problems, leading to their screen. A laptop that
 * joined a workshop hub syncs with the hub AND central: then each has its own short part
 * ("Hub: Synced 2 minutes ago  Central: Offline — 3 changes waiting").
 *
 * Only the headline (each server's, with two) is a live region: it changes with the state, so a
 * screen reader hears "Offline — 3 changes waiting" once, not every progress step or every tick
 * of the clock.
 * The dot's colour repeats what the words say; it is never the only sign.
 */
export function SyncStatusLine() {
  const { locale, t } = useI18n();
  const { status } = useSyncStatus();
  const now = useNow();
  const view = status ? describeSyncStatus(status, locale, t, now) : null;
  const parts = status && status.remotes.length > 1 ? status.remotes.map((r) => describeRemote(status, r, locale, t, now)) : null;
  const problems = status?.problems ?? 0;
  const progress = parts ? (parts.find((p) => p.progress)?.progress ?? null) : view?.progress;

  return (
    // A named group: the live headline, its detail and the links that go with it, found together.
    <Group gap={8} wrap="nowrap" miw={0} role="group" aria-label={t('sync.status.label')} data-testid="sync-status" data-state={status?.state}>
      {parts ? (
        <>
          {parts.map((p) => (
            <Group key={p.label} gap={6} wrap="nowrap" miw={0} data-testid="sync-status-remote">
              <Dot tone={p.tone} />
              <Text size="sm" truncate miw={0} data-testid="sync-status-text">
                <span role="status" aria-live="polite" aria-atomic="true">
                  <Text span size="sm" fw={600}>
                    {p.label}:
                  </Text>{' '}
                  {p.headline}
                </span>
                {p.detail && p.separator}
                {p.detail}
              </Text>
            </Group>
          ))}
        </>
      ) : (
        <>
          {view && <Dot tone={view.tone} />}
          <Text size="sm" truncate miw={0} data-testid="sync-status-text">
            <span role="status" aria-live="polite" aria-atomic="true">
              {view?.headline}
            </span>
            {view?.detail && view.separator}
            {view?.detail}
          </Text>
        </>
      )}
      {progress && (
        <Progress
          w={72}
          size="sm"
          style={{ flex: 'none' }}
          value={(100 * progress.done) / progress.total}
          aria-label={t('sync.progressLabel')}
          transitionDuration={200}
        />
      )}
      {view?.action && (
        <RouteButton to={{ screen: 'settings' }} size="compact-sm" variant={view.tone === 'error' ? 'light' : 'subtle'} color={view.tone === 'error' ? 'red' : undefined} style={{ flex: 'none' }}>
          {t(view.action)}
        </RouteButton>
      )}
      {problems > 0 && (
        <RouteButton to={{ screen: 'sync-problems' }} size="compact-sm" variant="light" color="red" style={{ flex: 'none' }} data-testid="sync-problems-link">
          {plural(t, locale, 'sync.status.problems', problems)}
        </RouteButton>
      )}
    </Group>
  );
}
