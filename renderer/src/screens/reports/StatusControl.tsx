import { Button, Group } from '@mantine/core';
import type { ReportStatus } from '../../../../shared/model/reports';
import { errorShape } from '../../api/queries';
import { useI18n, type MessageKey } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { statusLabel } from './texts';
import { useReportWrite, type ReportDetail } from './useReports';

/** The steps open from each status: draft → in review → approved, and back to draft from either. */
const steps: Record<ReportStatus, { to: ReportStatus; label: MessageKey; needs: 'write' | 'approve' }[]> = {
  draft: [{ to: 'in_review', label: 'reports.status.toReview', needs: 'write' }],
  in_review: [
    { to: 'draft', label: 'reports.status.toDraft', needs: 'write' },
    { to: 'approved', label: 'reports.status.approve', needs: 'approve' },
  ],
  approved: [{ to: 'draft', label: 'reports.status.toDraft', needs: 'write' }],
};

/** Moves the document along its review; shows only the steps the signed-in user may take (the core checks again). */
export function StatusControl({ report }: { report: ReportDetail }) {
  const { t } = useI18n();
  const notify = useNotify();
  const setStatus = useReportWrite('reports.setStatus');
  const open = steps[report.fields.status].filter((s) => report.permissions[s.needs]);
  if (open.length === 0) return null;
  return (
    <Group gap="xs" role="group" aria-label={t('reports.status.label')}>
      {open.map((step, i) => (
        <Button
          key={step.to}
          variant={i === open.length - 1 ? 'filled' : 'default'}
          loading={setStatus.isPending && setStatus.variables?.status === step.to}
          disabled={setStatus.isPending}
          onClick={() =>
            setStatus.mutate(
              { id: report.id, status: step.to },
              {
                onSuccess: () => notify.success(t('reports.status.changed', { status: statusLabel(t, step.to) })),
                onError: (err) => notify.failure(errorShape(err)!),
              },
            )
          }
        >
          {t(step.label)}
        </Button>
      ))}
    </Group>
  );
}
