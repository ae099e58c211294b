import { Alert, Stack } from '@mantine/core';
import { useI18n } from '../../../i18n';
import { InterviewsSection } from './InterviewsSection';
import { QuotesSection } from './QuotesSection';
import type { PanelProps } from './types';
import { useSave } from './useSave';

/**
 * Where the record's words come from: the interviews (the mid-term review works from in-depth
 * interviews with each sectoral body) and the quotes drawn from them, each citing its interview.
 */
export function SourcesPanel({ report, onPatch, readOnly }: PanelProps) {
  const { t } = useI18n();
  const { save, saving, problem } = useSave(onPatch);
  return (
    <Stack gap="md" data-testid="sources-panel">
      {problem && (
        <Alert color="red" role="alert" title={t('reportPanels.saveRefused')}>
          {problem}
        </Alert>
      )}
      <InterviewsSection report={report} readOnly={readOnly} save={save} />
      <QuotesSection report={report} readOnly={readOnly} save={save} saving={saving} />
    </Stack>
  );
}
