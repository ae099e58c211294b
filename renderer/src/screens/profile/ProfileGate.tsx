import { Skeleton, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { UserRecord } from '../../../../shared/contract/vetting';
import { useVettingQuery } from '../../api/oversight';
import { errorShape } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { ProfileChooser } from './ProfileChooser';

/** The profile this device acts as: the enrolled server account, else the one chosen here. */
export const useProfile = () => useVettingQuery('profile.get', {});

/**
 * Vetting screens need to know who acts (every step names its author, roles decide what is
 * allowed), so until a profile is chosen they show the chooser in their place. The directory
 * never waits for it.
 */
function ProfileGate({ children }: { children: (user: UserRecord, source: 'server' | 'local') => ReactNode }) {
  const profile = useProfile();
  if (profile.isPending) return <Skeleton height={160} />;
  if (profile.isError) return <LoadError error={errorShape(profile.error)} onRetry={() => void profile.refetch()} />;
  const { user, source } = profile.data;
  if (!user) {
    return (
      <Stack maw={720}>
        <ProfileChooser />
      </Stack>
    );
  }
  return <>{children(user, source ?? 'local')}</>;
}

/** A vetting screen: its heading, then its body once a profile is chosen (the chooser until then). */
export function GatedScreen({ title, maw, children }: { title?: string; maw?: number; children: (user: UserRecord, source: 'server' | 'local') => ReactNode }) {
  return (
    <Stack gap="md" maw={maw}>
      {title && (
        <Title order={1} size="h2">
          {title}
        </Title>
      )}
      <ProfileGate>{children}</ProfileGate>
    </Stack>
  );
}
