import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { RestoreIcon, TrashIcon } from '../../components/icons';
import { useI18n } from '../../i18n';
import { useNavigation } from '../../nav/Navigation';
import type { ReportDetail } from './useReports';
import { useReportRemoval } from './useReportRemoval';

/**
 * The editor's Remove action: a confirmation naming the record, then back to the list with a
 * toast that offers Undo. Shown to those who may write the record, and only while it is live.
 */
export function RemoveReport({ report }: { report: ReportDetail }) {
  const { t } = useI18n();
  const { navigate } = useNavigation();
  const { remove, busy } = useReportRemoval();
  const [opened, setOpened] = useState(false);
  if (report.removed || !report.permissions.write) return null;
  const title = report.fields.title || t('reports.untitled');
  const confirm = () => void remove(report.id, title, () => navigate({ screen: 'reports' }));

  return (
    <>
      <Button variant="default" color="red" leftSection={<TrashIcon />} onClick={() => setOpened(true)}>
        {t('reports.remove.action')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('reports.remove.title', { title })} centered>
        <Stack>
          <Text size="sm">{t('reports.remove.body')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={confirm} loading={busy === report.id}>
              {t('reports.remove.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** A removed record opened by its address: says so, and offers Restore to those who may write it. */
export function RemovedNotice({ report }: { report: ReportDetail }) {
  const { t } = useI18n();
  const { restore, busy } = useReportRemoval();
  if (!report.removed) return null;
  const title = report.fields.title || t('reports.untitled');
  return (
    <Alert color="orange" title={t(`reports.remove.banner.${report.type}`)} data-testid="report-removed">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('reports.remove.bannerBody')}</Text>
        {report.permissions.write && (
          <Button size="sm" color="teal.9" leftSection={<RestoreIcon />} loading={busy === report.id} onClick={() => void restore(report.id, title)}>
            {t('reports.remove.restore')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
