import { Button, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useApi, useApiEvent } from '../api/ApiProvider';
import { formatNumber, useI18n } from '../i18n';
import { useNotify } from '../lib/notify';

export const DEMO_EXPERTS = 500;

/**
 * Whether this build offers demo data (app.info's demoAllowed: development and demo builds,
 * never a packaged one); null until the core has answered.
 */
export function useDemoAllowed(): boolean | null {
  const api = useApi();
  const [allowed, setAllowed] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('app.info', {}).then((result) => {
      if (live) setAllowed(result.ok ? result.value.demoAllowed : false);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return allowed;
}

/**
 * "Load demo data": asks the core for 500 synthetic experts and shows its progress events.
 * The core refuses (NOT_EMPTY) when the database already holds experts; that message is shown.
 * Nothing is drawn where the build does not offer demo data (the core would refuse it too).
 */
export function DemoLoader({ disabled, onLoaded, variant = 'filled' }: { disabled?: boolean; onLoaded?(): void; variant?: 'filled' | 'light' | 'default' }) {
  const api = useApi();
  const allowed = useDemoAllowed();
  const { locale, t } = useI18n();
  const notify = useNotify();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [running, setRunning] = useState(false);

  useApiEvent('progress', (p) => {
    if (p.task === 'demo' && running) setProgress({ done: p.done, total: p.total });
  });

  const load = async () => {
    setRunning(true);
    setProgress({ done: 0, total: DEMO_EXPERTS });
    const result = await api.call('demo.load', { experts: DEMO_EXPERTS });
    setRunning(false);
    setProgress(null);
    if (result.ok) {
      notify.success(t('demo.done', { count: formatNumber(locale, result.value.created) }));
      onLoaded?.();
    } else {
      notify.failure(result.error);
    }
  };

  if (!allowed) return null;
  return (
    <Stack gap="xs">
      <Button onClick={load} loading={running} disabled={disabled} variant={variant}>
        {t('demo.load')}
      </Button>
      {progress && (
        <Stack gap={4} aria-live="polite">
          <Progress
            value={progress.total ? (100 * progress.done) / progress.total : 0}
            aria-label={t('demo.progressLabel')}
            transitionDuration={150}
          />
          <Text size="sm" c="dimmed">
            {t('demo.progress', { done: formatNumber(locale, progress.done), total: formatNumber(locale, progress.total) })}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
