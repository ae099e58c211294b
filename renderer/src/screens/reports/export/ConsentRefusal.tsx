import { Alert, Button, Stack, Text } from '@mantine/core';
import { useI18n } from '../../../i18n';
import { useReport } from '../useReports';
import type { Refusal } from './refusal';

/**
 * An export refused for want of consent, said in the curator's language: which record, what is
 * missing (the story's consent, or the interviewee's consent to be quoted, naming the
 * speakers), and a button to the tab where it is fixed.
 */
export function ConsentRefusal({
  refusal,
  onOpen,
  title: known,
  before = false,
}: {
  refusal: Refusal;
  onOpen(id: string, tab: 'consent' | 'sources'): void;
  /** The record's title when the caller has it (the editor); otherwise it is read from the core. */
  title?: string;
  /** Said before any export is asked (the preview): nothing was refused yet. */
  before?: boolean;
}) {
  const { t } = useI18n();
  const record = useReport(refusal.id);
  const title = known || (record.data ? record.data.fields.title || t('reports.untitled') : '…');
  const speakers = refusal.speakers.map((s) => (s ? `“${s}”` : t('reportExport.refused.unnamed'))).join(', ');
  const tab = refusal.fix === 'consent' ? 'consent' : 'sources';
  return (
    <Alert color={before ? 'orange' : 'red'} title={t(before ? 'reportExport.preview.blocked' : 'reportExport.refused.title')} role={before ? undefined : 'alert'} data-testid="export-refusal">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{refusal.fix === 'consent' ? t('reportExport.refused.story', { title }) : t('reportExport.refused.quotes', { title, speakers })}</Text>
        {!before && <Text size="sm">{t('reportExport.refused.nothing')}</Text>}
        <Button size="xs" variant="light" color="red" onClick={() => onOpen(refusal.id, tab)}>
          {t(tab === 'consent' ? 'reportExport.refused.openConsent' : 'reportExport.refused.openSources', { title })}
        </Button>
      </Stack>
    </Alert>
  );
}
