import { Alert, Button, Stack, type StackProps } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AppErrorShape } from '../../../shared/contract';
import { useT } from '../i18n';
import { useNotify } from '../lib/notify';

/** What a screen shows when its data could not be loaded: the reason, and a way to try again. */
export function LoadError({ error, onRetry, title, before, ...stack }: { error: AppErrorShape | null; onRetry(): void; title?: string; before?: ReactNode } & StackProps) {
  const t = useT();
  const notify = useNotify();
  return (
    <Stack align="flex-start" {...stack}>
      {before}
      <Alert color="red" title={title ?? t('common.errorTitle')} w="100%">
        {error ? notify.describe(error) : null}
      </Alert>
      <Button onClick={onRetry}>{t('common.retry')}</Button>
    </Stack>
  );
}
