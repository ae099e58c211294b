import { Alert, Button, Stack, Text } from '@mantine/core';
import type { AppErrorShape } from '../../../../../shared/contract';
import { useI18n } from '../../../i18n';
import { useNotify } from '../../../lib/notify';
import { useNavigation } from '../../../nav/Navigation';
import { useProfile } from '../../profile/ProfileGate';

/**
 * An export the core refused as NOT_ALLOWED, said where it was asked. On a computer where no
 * profile is chosen yet (a fresh data folder with demo data) that is why, so the curator is
 * told in her language and sent to Settings → Profile; any other such refusal shows the core's
 * own words. `onLeave` closes the dialog before going.
 */
export function ExportBlocked({ error, onLeave }: { error: AppErrorShape; onLeave(): void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const { navigate } = useNavigation();
  const profile = useProfile();
  const noProfile = profile.data ? !profile.data.user : false;
  return (
    <Alert color="red" role="alert" title={t(noProfile ? 'reportExport.refused.profileTitle' : 'reportExport.refused.otherTitle')} data-testid="export-blocked">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{noProfile ? t('reportExport.refused.profile') : notify.describe(error)}</Text>
        <Text size="sm">{t('reportExport.refused.nothing')}</Text>
        {noProfile && (
          <Button
            size="xs"
            variant="light"
            color="red"
            onClick={() => {
              onLeave();
              navigate({ screen: 'settings' });
            }}
          >
            {t('oversight.profile.chooseButton')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
