import { Alert, Button, Group, Modal, Radio, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ActInput } from '../../../../shared/contract/vetting';
import type { VettingEvent } from '../../../../shared/model/vetting/events';
import { useVettingQuery, useVettingWrite } from '../../api/oversight';
import { errorShape } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { formatDateTime, useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';
import { vettingErrorText } from '../reviews/vettingError';
import type { ConflictItem } from './ConflictsScreen';
import { verdictText } from './verdict';

/** The step that confirms one side: the same transition again, written after every head, so it supersedes all sides. */
export function resolutionOf(applicationId: string, side: VettingEvent, reason: string): ActInput | null {
  switch (side.type) {
    case 'decided':
      return { applicationId, type: 'decided', payload: { outcome: side.payload.outcome, reason } };
    case 'withdrawn':
      return { applicationId, type: 'withdrawn', payload: { reason } };
    case 'screened':
      return { applicationId, type: 'screened', payload: side.payload };
    default:
      // A publication cannot be written by hand: confirm the decision it followed instead.
      return null;
  }
}

const reasonOf = (e: VettingEvent | undefined) => (e?.type === 'decided' || e?.type === 'withdrawn' ? e.payload.reason : '');

export function ResolveModal({ item, onClose }: { item: ConflictItem; onClose(): void }) {
  const { t, locale } = useI18n();
  const notify = useNotify();
  const detail = useVettingQuery('applications.get', { id: item.id });
  const act = useVettingWrite('applications.act');
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const events = new Map((detail.data?.events ?? []).map((e) => [e.id, e]));
  const side = chosen ? events.get(chosen) : undefined;
  const needsReason = side?.type === 'decided' || side?.type === 'withdrawn';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!side || (needsReason && !reason.trim())) return;
    const input = resolutionOf(item.id, side, reason.trim());
    if (!input) return;
    act.mutate(input, {
      onSuccess: () => {
        notify.success(t('oversight.conflicts.resolved', { name: item.displayName }));
        onClose();
      },
      onError: (err) => notify.problem(t('oversight.conflicts.failed'), vettingErrorText(errorShape(err)!, t, notify.describe)),
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('oversight.conflicts.resolveTitle', { name: item.displayName })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {detail.isPending && <Skeleton height={120} />}
      {detail.isError && <LoadError error={errorShape(detail.error)} onRetry={() => void detail.refetch()} />}
      {detail.data && (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">{t('oversight.conflicts.resolveBody')}</Text>
            <Radio.Group
              label={t('oversight.conflicts.keep')}
              value={chosen}
              onChange={(v) => {
                setChosen(v);
                setReason(reasonOf(events.get(v)));
              }}
              error={tried && !side ? t('oversight.conflicts.chooseSide') : undefined}
              required
            >
              <Stack gap={6} mt={6}>
                {item.sides.map((s) => {
                  const ev = events.get(s.eventId);
                  const possible = ev ? resolutionOf(item.id, ev, 'x') !== null : false;
                  return (
                    <Radio
                      key={s.eventId}
                      value={s.eventId}
                      disabled={!possible}
                      label={t('oversight.conflicts.sideLabel', { what: verdictText(s.verdict, locale, t), who: s.byName || s.by, when: formatDateTime(locale, s.at) })}
                      description={possible ? reasonOf(ev) || undefined : t('oversight.conflicts.cannotKeep')}
                    />
                  );
                })}
              </Stack>
            </Radio.Group>
            {needsReason && (
              <Textarea
                label={t('oversight.conflicts.reason')}
                description={t('oversight.conflicts.reason.description')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={tried && !reason.trim() ? t('oversight.conflicts.reasonMissing') : undefined}
                autosize
                minRows={2}
                required
              />
            )}
            {side?.type === 'decided' && side.payload.outcome === 'accept' && <Alert color="blue">{t('oversight.conflicts.acceptNote')}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={act.isPending}>
                {t('oversight.conflicts.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
