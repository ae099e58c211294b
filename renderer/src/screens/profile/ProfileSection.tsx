import { Alert, Button, Group, Modal, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { errorShape } from '../../api/queries';
import { CopyableText } from '../../components/CopyableText';
import { RouteLink } from '../../components/RouteLink';
import { useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { ProfileChooser } from './ProfileChooser';
import { useProfile } from './ProfileGate';
import { describePerson } from './describe';

/**
 * Settings → Profile: who this computer acts as in vetting. An enrolled server account
 * decides it (the same user id, so history keeps its author); otherwise the curator chose it
 * here and may switch.
 */
export function ProfileSection() {
  const { t, locale } = useI18n();
  const notify = useNotify();
  const profile = useProfile();
  const [switching, setSwitching] = useState(false);
  const data = profile.data;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="profile-section-title" data-testid="profile-section">
      <Title order={2} size="h4" mb="sm" id="profile-section-title">
        {t('oversight.profile.title')}
      </Title>
      {profile.isPending && <Skeleton height={60} />}
      {profile.isError && <Alert color="red">{notify.describe(errorShape(profile.error)!)}</Alert>}
      {data && !data.user && (
        <Stack gap="sm">
          <Text size="sm">{t('oversight.profile.none')}</Text>
          <Group>
            <Button onClick={() => setSwitching(true)}>{t('oversight.profile.chooseButton')}</Button>
          </Group>
        </Stack>
      )}
      {data?.user && (
        <Stack gap="xs">
          <Text data-testid="profile-current">{t('oversight.profile.actingAs', { who: describePerson(data.user, locale, t) })}</Text>
          <Text size="sm" c="dimmed">
            {data.source === 'server' ? t('oversight.profile.fromServer') : t('oversight.profile.local')}
          </Text>
          {/* An administrator creates the server account with this id, so the person stays one user after enrolling. */}
          <Group gap="xs" wrap="nowrap">
            <Text size="sm">{t('oversight.profile.userId')}</Text>
            <CopyableText value={data.user.id} />
          </Group>
          <Group gap="md">
            {data.source !== 'server' && (
              <Button variant="default" onClick={() => setSwitching(true)}>
                {t('oversight.profile.switch')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <Group gap="lg" mt="md">
        <RouteLink to={{ screen: 'users' }}>{t('oversight.users.title')}</RouteLink>
        <RouteLink to={{ screen: 'vetting-settings' }}>{t('oversight.settings.title')}</RouteLink>
      </Group>
      <Modal opened={switching} onClose={() => setSwitching(false)} title={t('oversight.profile.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <ProfileChooser headingLevel={3} onDone={() => setSwitching(false)} />
      </Modal>
    </Paper>
  );
}
