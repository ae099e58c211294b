import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SectionField } from '../../../../shared/model/reports';
import { errorShape } from '../../api/queries';
import { formatDateTime, useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { sectionLabel } from './texts';
import { useReportWrite, type ReportDetail } from './useReports';

/**
 * Review comments on one section (or on the whole document when `section` is null): each a
 * record of its own, so two reviewers commenting at once never overwrite each other. Open
 * ones first; resolving keeps the comment, marked resolved, and it can be reopened.
 */
export function CommentsPanel({ report, section }: { report: ReportDetail; section: SectionField | null }) {
  const { locale, t } = useI18n();
  const notify = useNotify();
  const add = useReportWrite('comments.add');
  const resolve = useReportWrite('comments.resolve');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const where = section ? sectionLabel(t, section) : t('reports.comments.title');
  const comments = report.comments.filter((c) => c.section === section).sort((a, b) => Number(a.resolved) - Number(b.resolved) || a.at - b.at);
  // A removed record's comments stay readable, but the core refuses new ones and (un)resolving
  // until it is restored, so nothing here offers to.
  const canComment = report.permissions.comment && !report.removed;
  // The whole-document comments show only when there are some or someone may add one.
  if (section === null && comments.length === 0 && !canComment) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) {
      setError(t('reports.comments.empty'));
      return;
    }
    setError(null);
    add.mutate(
      { reportId: report.id, section, text: text.trim() },
      {
        onSuccess: () => setText(''),
        // The comment stays in the box to try again.
        onError: (err) => setError(notify.describe(errorShape(err)!)),
      },
    );
  };

  return (
    <Paper withBorder={section === null} radius="md" p={section === null ? 'md' : 0} component="section" aria-label={section ? t('reports.comments.show', { section: where }) : where}>
      <Stack gap="xs">
        {section === null && (
          <Text component="h2" fw={600} size="lg" m={0}>
            {t('reports.comments.title')}
          </Text>
        )}
        {comments.length === 0 && section !== null && (
          <Text size="sm" c="dimmed">
            {t('reports.comments.none')}
          </Text>
        )}
        {comments.map((c) => (
          <Paper key={c.id} withBorder p="xs" radius="sm" bg={c.resolved ? 'var(--mantine-color-default-hover)' : undefined} data-testid="report-comment">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="xs" c="dimmed">
                  {t('reports.comments.by', { author: c.authorName, time: formatDateTime(locale, c.at) })}
                  {c.resolved && (
                    <Badge ml="xs" size="xs" variant="light" color="gray" style={{ textTransform: 'none' }}>
                      {t('reports.comments.resolved')}
                    </Badge>
                  )}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} c={c.resolved ? 'dimmed' : undefined}>
                  {c.text}
                </Text>
              </Stack>
              {canComment && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  disabled={resolve.isPending}
                  onClick={() => resolve.mutate({ id: c.id, resolved: !c.resolved }, { onError: (err) => notify.failure(errorShape(err)!) })}
                >
                  {t(c.resolved ? 'reports.comments.reopen' : 'reports.comments.resolve')}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
        {canComment && (
          <form onSubmit={submit} noValidate>
            <Stack gap={6}>
              <Textarea label={section ? t('reports.comments.label', { section: where }) : t('reports.comments.add')} value={text} onChange={(e) => setText(e.currentTarget.value)} error={error} autosize minRows={2} maxRows={6} />
              <Group justify="flex-end">
                <Button type="submit" size="xs" variant="light" loading={add.isPending}>
                  {t('reports.comments.post')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
