import { Alert, Badge, Button, Group, Modal, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import type { ApplicationDetail } from '../../../../shared/contract/vetting';
import { useApi } from '../../api/ApiProvider';
import { errorShape } from '../../api/queries';
import { vettingQuery } from '../../api/vetting';
import { LoadError } from '../../components/LoadError';
import { countryName, useI18n, type MessageKey } from '../../i18n';
import { useNotify } from '../../lib/notify';
import type { useAct } from './useApplication';

type Conflict = { code: string; detail: string };

/**
 * Choosing a reviewer: the pool with each one's open assignments (load), how many of the
 * application's expertise areas they share, and any conflict of interest. Assigning a
 * conflicted reviewer is refused by the core (INTEREST_CONFLICT); the curator may then assign
 * anyway with a reason, which the assignment records.
 */
export function AssignModal({ detail, opened, onClose, act }: { detail: ApplicationDetail; opened: boolean; onClose(): void; act: ReturnType<typeof useAct> }) {
  const { locale, t } = useI18n();
  const api = useApi();
  const notify = useNotify();
  const pool = useQuery({ ...vettingQuery(api, 'applications.reviewers', { id: detail.id }), enabled: opened });
  const [refused, setRefused] = useState<{ reviewerId: string; name: string; error: AppErrorShape } | null>(null);
  const [reason, setReason] = useState('');
  const assigned = new Set(detail.state.assignments.map((a) => a.reviewerId));
  const conflictText = (c: Conflict) => t(`vetting.interest.${c.code}` as MessageKey, { detail: c.code === 'SAME_COUNTRY' ? countryName(locale, c.detail) : c.detail });

  const close = () => {
    setRefused(null);
    setReason('');
    onClose();
  };
  const assign = async (reviewerId: string, name: string, override?: string) => {
    const payload = override ? { reviewerId, override: { reason: override } } : { reviewerId };
    const result = await act.act({ applicationId: detail.id, type: 'assigned', payload }, t('apps.assign.done', { name }), { quietOn: ['INTEREST_CONFLICT'] });
    if (result.ok) return close();
    if (result.error.code === 'INTEREST_CONFLICT') setRefused({ reviewerId, name, error: result.error });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('apps.assign.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {pool.isPending && <Skeleton height={120} />}
      {pool.isError && <LoadError error={errorShape(pool.error)} onRetry={() => void pool.refetch()} />}
      {refused && (
        <Stack gap="sm" mb="md">
          <Alert color="orange" title={t('apps.assign.refusedTitle', { name: refused.name })} role="alert">
            <Text size="sm">{notify.describe(refused.error)}</Text>
            <Text size="sm" component="ul" style={{ paddingLeft: 18, margin: '4px 0 0' }}>
              {((refused.error.details?.conflicts as Conflict[] | undefined) ?? []).map((c, i) => (
                <li key={i}>{conflictText(c)}</li>
              ))}
            </Text>
          </Alert>
          <Textarea
            label={t('apps.assign.overrideReason')}
            description={t('apps.assign.overrideHint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={1000}
            withAsterisk
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRefused(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" disabled={!reason.trim()} loading={act.pending} onClick={() => void assign(refused.reviewerId, refused.name, reason.trim())}>
              {t('apps.assign.anyway')}
            </Button>
          </Group>
        </Stack>
      )}
      {pool.data && pool.data.items.length === 0 && <Text c="dimmed">{t('apps.assign.noReviewers')}</Text>}
      {pool.data && !refused && (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {pool.data.items.map((r) => (
            <Group key={r.user.id} component="li" justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <div style={{ minWidth: 0 }}>
                <Group gap={6}>
                  <Text fw={600}>{r.user.name}</Text>
                  {r.conflicts.length > 0 && (
                    <Badge color="orange" size="sm" style={{ textTransform: 'none' }}>
                      {t('apps.assign.conflicted')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {[r.user.agency, r.user.country ? countryName(locale, r.user.country) : null].filter(Boolean).join(' · ')}
                </Text>
                <Text size="sm">{t('apps.assign.stats', { load: r.load, match: r.expertiseMatch })}</Text>
                {r.conflicts.map((c, i) => (
                  <Text key={i} size="sm" fw={500}>
                    {conflictText(c)}
                  </Text>
                ))}
              </div>
              <Button
                size="xs"
                variant={r.conflicts.length ? 'default' : 'light'}
                disabled={assigned.has(r.user.id)}
                loading={act.pending}
                onClick={() => void assign(r.user.id, r.user.name)}
                aria-label={t('apps.assign.named', { name: r.user.name })}
              >
                {assigned.has(r.user.id) ? t('apps.assign.already') : t('apps.assign.action')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Modal>
  );
}
