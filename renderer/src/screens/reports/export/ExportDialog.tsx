import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useNotify } from '../../../lib/notify';
import type { ReportDetail } from '../useReports';
import { ExportChoices, type Format, type Lang } from './ExportChoices';
import { ExportOutcome } from './ExportOutcome';
import { useReportExport } from './useReportExport';

/**
 * The editor's "Export": this one case study or story as DOCX or PDF, in English or Bahasa
 * Indonesia. A refusal for want of consent stays in the dialog with a button to the tab that
 * fixes it (`onOpenTab`).
 */
export function ExportDialog({ report, onOpenTab }: { report: ReportDetail; onOpenTab(tab: 'consent' | 'sources'): void }) {
  const { locale, t } = useI18n();
  const notify = useNotify();
  const [opened, setOpened] = useState(false);
  const [format, setFormat] = useState<Format>('pdf');
  const [lang, setLang] = useState<Lang>(locale === 'id' ? 'id' : 'en');
  const job = useReportExport();
  const title = report.fields.title || t('reports.untitled');
  const close = () => {
    if (job.running) return;
    setOpened(false);
    job.clear();
  };
  const run = async () => {
    const done = await job.run({ mode: 'one', id: report.id, format, lang });
    if (!done) return;
    notify.success(t('reportExport.saved', { file: done.fileName }));
    setOpened(false);
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('reportExport.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('reportExport.title', { title })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('reportExport.hint')}
          </Text>
          <ExportChoices format={format} lang={lang} onFormat={setFormat} onLang={setLang} disabled={job.running} />
          <ExportOutcome job={job} label={t('reportExport.working')} title={title} onLeave={() => setOpened(false)} onOpenRefusal={(_, tab) => onOpenTab(tab)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={job.running}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void run()} loading={job.running}>
              {t('reportExport.run', { format: format.toUpperCase() })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
