import { Alert, Button, Group, Modal, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape, SyncStatus } from '../../../../shared/contract';
import type { SyncUser } from '../../../../shared/sync/protocol';
import { useApi } from '../../api/ApiProvider';
import { callOrThrow, errorShape } from '../../api/queries';
import { countryName, formatDateTime, formatNumber, plural, useI18n, type Locale, type Translate } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { relativeTime, useNow } from '../../sync/relativeTime';
import { describeRemote, describeSyncStatus, needsSignIn } from '../../sync/statusView';
import { useSyncStatus } from '../../sync/SyncStatusProvider';
import { SyncEnrollForm } from './SyncEnrollForm';

export const describeUser = (user: SyncUser, locale: Locale, t: Translate) =>
  t('sync.user', { name: user.name, role: t(`sync.role.${user.role}`), scope: user.country ? countryName(locale, user.country) : t('sync.scope.region') });

/** Settings → Sync: connect this computer once, then see who it is signed in as and how sync stands. */
export function SyncSettings() {
  const { t } = useI18n();
  const notify = useNotify();
  const { status, error, refresh } = useSyncStatus();
  const signedIn = useRef<HTMLHeadingElement>(null);
  const [justEnrolled, setJustEnrolled] = useState(false);

  // After Connect the form goes away; the account it connected takes the focus, so a
  // keyboard or screen-reader user lands on what changed rather than on the page body.
  useEffect(() => {
    if (justEnrolled && status?.configured) signedIn.current?.focus();
  }, [justEnrolled, status?.configured]);

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="sync-settings-title" data-testid="sync-settings">
      <Title order={2} size="h4" mb={4} id="sync-settings-title">
        {t('sync.settings.title')}
      </Title>
      {error && <Alert color="red">{notify.describe(error)}</Alert>}
      {!status && !error && <Skeleton height={120} />}
      {status && !status.configured && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('sync.settings.intro')}
          </Text>
          {status.problem && (
            <Alert color="red" title={t('sync.problem.title')} data-testid="sync-problem">
              {notify.describe(status.problem as AppErrorShape)}
            </Alert>
          )}
          <SyncEnrollForm
            initialUrl={status.serverUrl ?? ''}
            onEnrolled={() => {
              refresh();
              setJustEnrolled(true);
            }}
          />
        </Stack>
      )}
      {status?.configured && <SignedIn status={status} headingRef={signedIn} refresh={refresh} />}
    </Paper>
  );
}

function SignedIn({ status, headingRef, refresh }: { status: SyncStatus; headingRef: React.RefObject<HTMLHeadingElement | null>; refresh(): void }) {
  const api = useApi();
  const { locale, t } = useI18n();
  const notify = useNotify();
  const now = useNow();
  const [confirming, setConfirming] = useState(false);
  const view = describeSyncStatus(status, locale, t, now);

  const syncNow = useMutation({ mutationFn: () => callOrThrow(api, 'sync.now', {}), onSuccess: refresh, onError: (e) => notify.failure(errorShape(e)!) });
  const signOut = useMutation({
    mutationFn: () => callOrThrow(api, 'sync.signOut', {}),
    onSuccess: () => {
      setConfirming(false);
      refresh();
      notify.success(t('sync.signedOut'));
    },
    onError: (e) => notify.failure(errorShape(e)!),
  });

  return (
    <Stack gap="md">
      <Title order={3} size="h5" ref={headingRef} tabIndex={-1} style={{ outlineOffset: 2 }} data-testid="sync-signed-in">
        {status.user ? `${t('sync.signedInAs')} ${describeUser(status.user, locale, t)}` : t('sync.signedInAs')}
      </Title>
      {status.problem && (
        <Alert color={status.state === 'error' ? 'red' : 'yellow'} title={problemTitle(status, t)} data-testid="sync-problem">
          {/* Codes come from the core's error codes; describe() falls back to the English sentence for one it cannot translate. */}
          {notify.describe(status.problem as AppErrorShape)}
        </Alert>
      )}
      <Table variant="vertical" layout="fixed" withTableBorder={false} data-testid="sync-table">
        <Table.Tbody>
          {status.remotes.length > 1 ? (
            // A joined workshop hub and central: each server with where sync stands there.
            status.remotes.map((r) => {
              const part = describeRemote(status, r, locale, t, now);
              return (
                <Table.Tr key={r.id}>
                  <Table.Th w={220}>{t(`sync.remoteLong.${r.id}`)}</Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    {r.url}
                    <br />
                    {part.detail ? `${part.headline}${part.separator}${part.detail}` : part.headline}
                  </Table.Td>
                </Table.Tr>
              );
            })
          ) : (
            <>
              <Table.Tr>
                <Table.Th w={220}>{t('sync.server')}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{status.serverUrl}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('sync.status.region')}</Table.Th>
                {/* When and how much wait have rows of their own; how far a sync is, and when it tries again, do not. */}
                <Table.Td>{view.detail && (status.state === 'syncing' || status.state === 'offline') ? `${view.headline} · ${view.detail}` : view.headline}</Table.Td>
              </Table.Tr>
            </>
          )}
          {/* With two servers, each row above says when and how much waits there. */}
          {status.remotes.length <= 1 && (
            <>
              <Table.Tr>
                <Table.Th>{t('sync.lastSynced')}</Table.Th>
                <Table.Td>
                  {status.lastSyncedAt === null ? t('sync.never') : `${formatDateTime(locale, status.lastSyncedAt)} (${relativeTime(locale, t, Math.min(status.lastSyncedAt, now), now)})`}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('sync.waitingLabel')}</Table.Th>
                <Table.Td>{formatNumber(locale, status.waiting)}</Table.Td>
              </Table.Tr>
            </>
          )}
        </Table.Tbody>
      </Table>
      {needsSignIn(status) ? (
        // The server no longer takes this device's token: a new code is the only way on.
        <Stack gap="sm">
          <Text size="sm">{t('sync.signInAgain.body')}</Text>
          <SyncEnrollForm initialUrl={status.serverUrl ?? ''} onEnrolled={refresh} />
        </Stack>
      ) : null}
      <Group gap="sm">
        {!needsSignIn(status) && (
          <Button onClick={() => syncNow.mutate()} loading={syncNow.isPending} disabled={status.state === 'syncing'}>
            {t('sync.now')}
          </Button>
        )}
        <Button variant="default" onClick={() => setConfirming(true)}>
          {t('sync.signOut')}
        </Button>
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('sync.signOut.title')} closeButtonProps={{ 'aria-label': t('common.close') }} centered>
        <Text>{t('sync.signOut.body', { server: status.serverUrl ?? '' })}</Text>
        {status.waiting > 0 && (
          <Text mt="sm" fw={500}>
            {plural(t, locale, 'sync.signOut.waiting', status.waiting)}
          </Text>
        )}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => signOut.mutate()} loading={signOut.isPending}>
            {t('sync.signOut')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

/** With a hub and central, which server the problem is with; with one, a title only when sync stopped. */
function problemTitle(status: SyncStatus, t: Translate): string | undefined {
  const remote = status.remotes.length > 1 ? status.remotes.find((r) => r.problem?.code === status.problem?.code && r.problem?.message === status.problem?.message) : undefined;
  if (remote) return status.state === 'error' ? `${t(`sync.remoteLong.${remote.id}`)}: ${t('sync.problem.title')}` : t(`sync.remoteLong.${remote.id}`);
  return status.state === 'error' ? t('sync.problem.title') : undefined;
}
