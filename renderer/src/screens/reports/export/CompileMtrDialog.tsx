import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { plural, useI18n } from '../../../i18n';
import { useNavigation } from '../../../nav/Navigation';
import { useNotify } from '../../../lib/notify';
import { ReportFilters, listInput, type Criteria } from '../ReportFilters';
import { useReportList } from '../useReports';
import { ExportChoices, type Format, type Lang } from './ExportChoices';
import { ExportOutcome } from './ExportOutcome';
import { openOnTab } from './pendingTab';
import { useReportExport } from './useReportExport';

/**
 * The list's "Compile MTR submission": the documents chosen by type, country, period, status
 * and a characteristic rated at least so (starting from the list's own filters), counted as the
 * curator narrows them, compiled by the core into one DOCX or PDF (cover, contents, ratings
 * summary, the documents in order) with its progress shown. A refusal for want of consent
 * names the record and opens it on the tab that fixes it.
 */
export function CompileMtrDialog({ initial }: { initial: Criteria }) {
  const { locale, t } = useI18n();
  const notify = useNotify();
  const { navigate } = useNavigation();
  const [opened, setOpened] = useState(false);
  const [criteria, setCriteria] = useState<Criteria>(initial);
  const [format, setFormat] = useState<Format>('pdf');
  const [lang, setLang] = useState<Lang>(locale === 'id' ? 'id' : 'en');
  const job = useReportExport();
  const filters = listInput(criteria, criteria.query.trim());
  const matching = useReportList(filters);
  const count = matching.data?.items.length ?? null;

  const open = () => {
    setCriteria(initial);
    setOpened(true);
  };
  const close = () => {
    if (job.running) return;
    setOpened(false);
    job.clear();
  };
  const run = async () => {
    const done = await job.run({ mode: 'mtr', filters, format, lang });
    if (!done) return;
    notify.success(t('reportExport.mtr.saved', { documents: plural(t, locale, 'reports.total', done.count), file: done.fileName }));
    setOpened(false);
  };

  return (
    <>
      <Button variant="default" onClick={open}>
        {t('reportExport.mtr.open')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('reportExport.mtr.title')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('reportExport.mtr.hint')}
          </Text>
          <ReportFilters criteria={criteria} set={(next) => setCriteria((c) => ({ ...c, ...next }))} />
          <Text size="sm" fw={500} aria-live="polite" data-testid="mtr-count">
            {count === null ? '\u00a0' : plural(t, locale, 'reports.total', count)}
          </Text>
          <ExportChoices format={format} lang={lang} onFormat={setFormat} onLang={setLang} disabled={job.running} />
          <ExportOutcome
            job={job}
            label={t('reportExport.mtr.title')}
            onLeave={() => setOpened(false)}
            onOpenRefusal={(id, tab) => {
              openOnTab(id, tab);
              navigate({ screen: 'report', id });
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={job.running}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void run()} loading={job.running} disabled={count === 0}>
              {t('reportExport.mtr.run', { format: format.toUpperCase() })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
