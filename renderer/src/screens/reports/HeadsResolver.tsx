import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { AppErrorShape, Result } from '../../../../shared/contract';
import { formatDateTime, useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';

/** One version of a section that no later version names as its parent. */
export interface HeadView {
  rev: string;
  text: string;
  /** Who wrote it (a user's name), when the record is known here. */
  author: string | null;
  at: number | null;
}

interface Props {
  sectionLabel: string;
  heads: HeadView[];
  readOnly: boolean;
  /** Writes `text` after every head, which leaves one head again. */
  onResolve(text: string): Promise<Result<unknown>>;
}

/**
 * Two curators edited the same section at the same time (offline, or between saves): every
 * version, side by side with who wrote it and when. The curator keeps one, or combines them
 * in an editable text; either way the value written names all the versions as parents, so
 * every node agrees the section is settled. Nothing is lost: the versions stay in history.
 */
export function HeadsResolver({ sectionLabel, heads, readOnly, onResolve }: Props) {
  const { locale, t } = useI18n();
  const notify = useNotify();
  const [combined, setCombined] = useState(() => heads.map((h) => h.text.trim()).filter(Boolean).join('\n\n'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const resolve = async (text: string) => {
    setBusy(true);
    setError(null);
    const result = await onResolve(text);
    setBusy(false);
    if (result.ok) notify.success(t('reports.heads.resolved', { section: sectionLabel }));
    else setError(result.error);
  };

  return (
    <Stack gap="sm">
      <Alert color="orange" title={t('reports.heads.title', { section: sectionLabel })}>
        {t(readOnly ? 'reports.heads.readOnly' : 'reports.heads.body')}
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: Math.min(heads.length, 3) }} spacing="sm">
        {heads.map((head) => {
          const title = t('reports.heads.version', {
            author: head.author ?? t('reports.heads.unknownAuthor'),
            time: head.at === null ? '' : formatDateTime(locale, head.at),
          });
          return (
            <Paper key={head.rev} withBorder p="sm" radius="md" component="figure" m={0} aria-label={title} data-testid="section-head">
              <Stack gap="xs" h="100%">
                <Text size="sm" fw={600} component="figcaption">
                  {title}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 260, overflowY: 'auto', flex: 1 }}>
                  {head.text || t('common.empty')}
                </Text>
                {!readOnly && (
                  <Group justify="flex-end">
                    <Button size="xs" variant="light" disabled={busy} onClick={() => void resolve(head.text)} aria-label={`${t('reports.heads.keep')}: ${title}`}>
                      {t('reports.heads.keep')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
      {!readOnly && (
        <>
          <Textarea
            label={t('reports.heads.combined')}
            value={combined}
            onChange={(e) => setCombined(e.currentTarget.value)}
            autosize
            minRows={4}
            maxRows={16}
            error={error ? notify.describe(error) : undefined}
          />
          <Group justify="flex-end">
            <Button onClick={() => void resolve(combined)} loading={busy}>
              {t('reports.heads.saveCombined')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
