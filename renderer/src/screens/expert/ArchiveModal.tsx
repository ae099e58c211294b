import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Expert } from '../../../../shared/model/expert';
import { displayName } from '../../../../shared/model/expert';
import { useApi } from '../../api/ApiProvider';
import { issueMessage, useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';

export const MIN_REASON = 3;

/** Archive or restore, whichever the expert's status calls for; both need a reason. */
export function ArchiveModal({ expert, opened, onClose, onDone }: { expert: Expert; opened: boolean; onClose(): void; onDone(expert: Expert): void }) {
  const api = useApi();
  const { t } = useI18n();
  const notify = useNotify();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The dialog keeps the title and button it opened with while it fades out: archiving
  // flips the expert's status before the close transition ends, and a dialog that turns
  // into "Restore" as it disappears looks as if the click did the opposite.
  const live = { restoring: expert.status === 'archived', name: displayName(expert) };
  const [shown, setShown] = useState(live);
  if (opened && (shown.restoring !== live.restoring || shown.name !== live.name)) setShown(live);
  const { restoring, name } = opened ? live : shown;

  useEffect(() => {
    if (opened) {
      setReason('');
      setError(null);
    }
  }, [opened]);

  const submit = async () => {
    if (reason.trim().length < MIN_REASON) {
      setError(t('validation.reason'));
      return;
    }
    setBusy(true);
    const result = await api.call(restoring ? 'experts.restore' : 'experts.archive', { id: expert.id, reason: reason.trim() });
    setBusy(false);
    if (result.ok) {
      // Archiving is one click to take back: restore with a reason that says what happened.
      const undo = restoring
        ? undefined
        : async () => {
            const back = await api.call('experts.restore', { id: expert.id, reason: t('archive.undoReason') });
            if (!back.ok) return notify.failure(back.error);
            notify.success(t('restore.done', { name }));
            onDone(back.value);
          };
      notify.success(t(restoring ? 'restore.done' : 'archive.done', { name }), undo && (() => void undo()));
      onDone(result.value);
      onClose();
      return;
    }
    const issue = result.error.issues?.find((i) => i.path.at(-1) === 'reason');
    if (issue) setError(issueMessage(issue, t));
    else notify.failure(result.error);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t(restoring ? 'restore.title' : 'archive.title', { name })} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack>
          <Text size="sm">{t(restoring ? 'restore.body' : 'archive.body')}</Text>
          <Textarea
            label={t('reason.label')}
            description={t('reason.description')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              if (error && e.currentTarget.value.trim().length >= MIN_REASON) setError(null);
            }}
            error={error}
            required
            autosize
            minRows={2}
            maxRows={6}
            maxLength={500}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={restoring ? 'teal.9' : 'red'} loading={busy}>
              {t(restoring ? 'expert.actions.restore' : 'expert.actions.archive')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
