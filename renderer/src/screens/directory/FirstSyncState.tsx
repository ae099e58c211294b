import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { EmptyState } from '../../components/EmptyState';
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
    <EmptyState testId="first-sync-directory" title={t('directory.firstSync.title')} body={t('directory.firstSync.body')} bodyWidth={460} gap="md">
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
    </EmptyState>
  );
}
