import { ActionIcon, Badge, Button, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract';
import type { InterviewInput } from '../../../../../shared/model/reports';
import { useApi, useInvalidate } from '../../../api/ApiProvider';
import { callOrThrow } from '../../../api/queries';
import { EditIcon, PlusIcon, TrashIcon } from '../../../components/icons';
import { EmptyState } from '../../../components/EmptyState';
import { Section } from '../../../components/Section';
import { useI18n } from '../../../i18n';
import { AttachmentLink } from './AttachmentLink';
import { formatDay } from './dates';
import { InterviewModal } from './InterviewModal';
import { RecordingPlayer } from './RecordingPlayer';
import { RemoveInterviewModal } from './RemoveInterviewModal';
import type { Interview, ReportPatch, ReportRecord } from './model';

type Editing = { interview: Interview | null } | null;

/**
 * The record's interviews: each a record of its own, which other case studies may cite too.
 * Adding one creates the interview and then names it on the record; an existing interview
 * (from another case study) can be linked instead of typed again. Unlinking leaves the
 * interview in place for whoever else cites it; removing it (after a confirmation naming who
 * cites it) marks it removed everywhere, and it shows here as such. A recording plays in place.
 */
export function InterviewsSection({ report, readOnly, save }: { report: ReportRecord; readOnly: boolean; save(patch: ReportPatch): Promise<boolean> }) {
  const api = useApi();
  const invalidate = useInvalidate();
  const { locale, t } = useI18n();
  const [editing, setEditing] = useState<Editing>(null);
  const [linking, setLinking] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Interview | null>(null);
  const ids = report.fields.interviewIds;
  const byId = new Map(report.interviews.map((i) => [i.id, i]));
  const linked = ids.map((id) => byId.get(id)).filter((i): i is Interview => i !== undefined);

  const all = useQuery({ queryKey: ['interviews.list', { query: '', removed: false }], queryFn: ({ signal }) => callOrThrow(api, 'interviews.list', { query: '', removed: false }, signal), enabled: !readOnly });
  const others = useMemo(() => (all.data?.items ?? []).filter((i) => !ids.includes(i.id)), [all.data, ids]);

  const submit = async (fields: InterviewInput): Promise<AppErrorShape | null> => {
    const current = editing?.interview;
    const result = current ? await api.call('interviews.update', { id: current.id, patch: fields }) : await api.call('interviews.create', { fields });
    if (!result.ok) return result.error;
    invalidate(['interview']);
    if (!current) await save({ interviewIds: [...ids, result.value.id] });
    setEditing(null);
    return null;
  };
  const link = async () => {
    if (linking && (await save({ interviewIds: [...ids, linking] }))) setLinking(null);
  };

  return (
    <Section title={t('reportPanels.interviews.title')} aside={!readOnly && <Button size="xs" leftSection={<PlusIcon />} onClick={() => setEditing({ interview: null })}>{t('reportPanels.interviews.add')}</Button>}>
      <Stack gap="sm">
        {linked.length === 0 ? (
          <EmptyState framed title={t('reportPanels.interviews.emptyTitle')} body={t('reportPanels.interviews.emptyBody')} testId="interviews-empty" />
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('reportPanels.interviews.title')}>
            {linked.map((i) => (
              <Group key={i.id} component="li" justify="space-between" wrap="nowrap" align="flex-start" data-testid="interview-row">
                <div style={{ minWidth: 0 }}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {i.name}
                    </Text>
                    {i.consentToQuote ? (
                      <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
                        {t('reportPanels.interviews.mayQuote')}
                      </Badge>
                    ) : (
                      <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
                        {t('reportPanels.interviews.noQuote')}
                      </Badge>
                    )}
                    {i.removed && (
                      <Badge color="gray" variant="light" style={{ textTransform: 'none' }}>
                        {t('reportPanels.interviews.removed')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {[i.role, i.organisation, i.sectoralBody, i.heldAt !== null ? formatDay(locale, i.heldAt) : null].filter(Boolean).join(' · ') || t('reportPanels.interviews.noDetails')}
                  </Text>
                  {i.removed && (
                    <Text size="xs" c="dimmed">
                      {t('reportPanels.interviews.removedHint')}
                    </Text>
                  )}
                  {i.recording && <RecordingPlayer file={i.recording} interviewee={i.name} />}
                  {i.attachment && <AttachmentLink file={i.attachment} />}
                </div>
                {!readOnly && (
                  <Group gap={4} wrap="nowrap">
                    {!i.removed && (
                      <>
                        <Tooltip label={t('common.edit')}>
                          <ActionIcon variant="default" onClick={() => setEditing({ interview: i })} aria-label={t('reportPanels.interviews.editNamed', { name: i.name })}>
                            <EditIcon />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('reportPanels.interviews.remove')}>
                          <ActionIcon variant="default" color="red" onClick={() => setRemoving(i)} aria-label={t('reportPanels.interviews.removeNamed', { name: i.name })}>
                            <TrashIcon />
                          </ActionIcon>
                        </Tooltip>
                      </>
                    )}
                    <Button variant="subtle" color="red" size="compact-sm" onClick={() => void save({ interviewIds: ids.filter((x) => x !== i.id) })} aria-label={t('reportPanels.interviews.unlinkNamed', { name: i.name })}>
                      {t('reportPanels.interviews.unlink')}
                    </Button>
                  </Group>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {!readOnly && others.length > 0 && (
          <Group gap="xs" align="flex-end" wrap="wrap">
            <Select
              label={t('reportPanels.interviews.linkLabel')}
              placeholder={t('reportPanels.interviews.linkPlaceholder')}
              searchable
              data={others.map((i) => ({ value: i.id, label: [i.name, i.organisation].filter(Boolean).join(' — ') }))}
              value={linking}
              onChange={setLinking}
              style={{ flex: 1, minWidth: 220 }}
              comboboxProps={{ withinPortal: true }}
            />
            <Button variant="default" disabled={!linking} onClick={() => void link()}>
              {t('reportPanels.interviews.link')}
            </Button>
          </Group>
        )}
      </Stack>
      <RemoveInterviewModal interview={removing} onClose={() => setRemoving(null)} />
      <InterviewModal opened={editing !== null} interview={editing?.interview ?? null} onClose={() => setEditing(null)} onSubmit={submit} />
    </Section>
  );
}
