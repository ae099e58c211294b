import { Button, Group, Text } from '@mantine/core';
import { intlLocale, issueMessage, useI18n, type Locale } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { isTransient, type DraftState } from './sectionDraft';

const timeOf = (locale: Locale, at: number) => new Intl.DateTimeFormat(intlLocale[locale], { timeStyle: 'short' }).format(at);

/**
 * Where a section's words stand: saved (and when), waiting to be saved, saving, or not saved
 * with the reason and a way to save again. Read out politely as it changes.
 */
export function SaveStatus({ state, onRetry }: { state: DraftState; onRetry(): void }) {
  const { locale, t } = useI18n();
  const notify = useNotify();
  let text: string;
  let color = 'dimmed';
  switch (state.status) {
    case 'saved':
      text = state.savedAt ? t('reports.save.savedAt', { time: timeOf(locale, state.savedAt) }) : '';
      break;
    case 'pending':
      text = t('reports.save.pending');
      break;
    case 'saving':
      text = t('reports.save.saving');
      break;
    case 'failed': {
      // A refused text says which rule it broke (too long, a hidden character) rather than "check the fields".
      const issue = state.error?.issues?.[0];
      const reason = issue ? issueMessage(issue, t) : state.error ? notify.describe(state.error) : '';
      text = t(state.error && isTransient(state.error) ? 'reports.save.retrying' : 'reports.save.failed', { reason });
      color = 'red';
      break;
    }
  }
  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end" style={{ minWidth: 0 }}>
      <Text size="xs" c={color} role="status" aria-live="polite" data-save-status={state.status} style={{ overflowWrap: 'anywhere' }}>
        {text}
      </Text>
      {state.status === 'failed' && (
        <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
          {t('reports.save.retry')}
        </Button>
      )}
    </Group>
  );
}
