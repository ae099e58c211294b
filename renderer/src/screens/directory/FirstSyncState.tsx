import { Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { formatNumber, useI18n } from '../../i18n';
import type { Receiving } from '../../sync/receiving';

/**
 * The empty directory while a sync brings the data: says so, with the first sync's progress,
 * instead of offering demo data. Experts replace it as soon as the first chunk is applied
 * (the core announces 'changed' as chunks land).
 */
export function FirstSyncState({ progress, onNewExpert }: Receiving & { onNewExpert(): void }) {
  const { locale, t } = useI18n();
  return (
    <Stack p="xl" align="center" justify="center" h="100%" gap="md" data-testid="first-sync-directory">
      <Title order={2} size="h3">
        {t('directory.firstSync.title')}
      </Title>
      <Text c="dimmed" ta="center" maw={460}>
        {t('directory.firstSync.body')}
      </Text>
      {progress && (
        <Stack gap={4} w="100%" maw={420}>
          <Progress value={Math.round((100 * progress.done) / progress.total)} aria-label={t('directory.firstSync.progressLabel')} transitionDuration={150} />
          <Text size="sm" c="dimmed" ta="center">
            {t('directory.firstSync.progress', { done: formatNumber(locale, progress.done), total: formatNumber(locale, progress.total) })}
          </Text>
        </Stack>
      )}
      <Group>
        <Button variant="default" onClick={onNewExpert}>
          {t('nav.newExpert')}
        </Button>
      </Group>
    </Stack>
  );
}
