import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi, useInvalidate } from '../../../api/ApiProvider';
import { callOrThrow } from '../../../api/queries';
import { errorMessage, useI18n } from '../../../i18n';
import type { Interview } from './model';

/**
 * Asks before removing an interview, naming the case studies and stories that cite it
 * (interviews.get usedBy): they keep the citation, but its quotes are no longer exported.
 * Removal is a field (deletedAt), so the interview still shows, marked removed, where it is cited.
 */
export function RemoveInterviewModal({ interview, onClose }: { interview: Interview | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal
      opened={interview !== null}
      onClose={onClose}
      title={interview ? t('reportPanels.interviews.removeTitle', { name: interview.name }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      centered
    >
      {interview && <RemoveBody key={interview.id} interview={interview} onClose={onClose} />}
    </Modal>
  );
}

function RemoveBody({ interview, onClose }: { interview: Interview; onClose(): void }) {
  const api = useApi();
  const invalidate = useInvalidate();
  const { locale, t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const detail = useQuery({ queryKey: ['interviews.get', { id: interview.id }], queryFn: ({ signal }) => callOrThrow(api, 'interviews.get', { id: interview.id }, signal) });
  const usedBy = detail.data?.usedBy ?? [];

  const remove = async () => {
    setBusy(true);
    setProblem(null);
    const result = await api.call('interviews.remove', { id: interview.id });
    setBusy(false);
    if (!result.ok) return setProblem(errorMessage(result.error, locale, t));
    invalidate(['interview']);
    onClose();
  };

  return (
    <Stack gap="sm">
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {detail.isPending ? (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('reportPanels.interviews.removeLoading')}
        </Text>
      ) : usedBy.length > 0 ? (
        <div data-testid="interview-used-by">
          <Text size="sm" id="interview-used-by-label">
            {t('reportPanels.interviews.removeUsedBy')}
          </Text>
          <List size="sm" mt={4} aria-labelledby="interview-used-by-label">
            {usedBy.map((r) => (
              <List.Item key={r.id} style={{ overflowWrap: 'anywhere' }}>
                {r.title || t('reportPanels.interviews.noDetails')}
              </List.Item>
            ))}
          </List>
        </div>
      ) : (
        <Text size="sm">{t('reportPanels.interviews.removeUnused')}</Text>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={busy} disabled={detail.isPending} onClick={() => void remove()}>
          {t('reportPanels.interviews.removeConfirm')}
        </Button>
      </Group>
    </Stack>
  );
}
