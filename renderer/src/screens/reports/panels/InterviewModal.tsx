import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract';
import { interviewInputSchema, MAX_TRANSCRIPT_CHARS, type InterviewInput } from '../../../../../shared/model/reports';
import { errorMessage, formatNumber, useI18n } from '../../../i18n';
import { parseIn, serverErrors, type FieldErrors } from '../../../lib/issues';
import { AttachmentField } from '../../applicationForm/AttachmentField';
import { dateFromInput, dateInputValue } from './dates';
import type { Interview } from './model';
import { RecordingField } from './RecordingField';
import { useUploadAttachment, useUploadRecording } from './upload';

type Draft = Omit<InterviewInput, 'heldAt'> & { heldAt: string };

const draftOf = (i: Interview | null): Draft => ({
  name: i?.name ?? '',
  role: i?.role ?? '',
  organisation: i?.organisation ?? '',
  sectoralBody: i?.sectoralBody ?? '',
  heldAt: dateInputValue(i?.heldAt ?? null),
  notes: i?.notes ?? '',
  transcript: i?.transcript ?? '',
  attachment: i?.attachment ?? null,
  recording: i?.recording ?? null,
  consentToQuote: i?.consentToQuote ?? false,
});

/**
 * Adding or editing an interview, a source of its own: who (name, role, organisation, the
 * sectoral body), when, the notes or transcript, the audio recording and the signed form (both
 * may be there), and whether the person
 * agreed to be quoted. Checked with the shared schema before sending; the core's refusal maps
 * back onto the fields. `onSubmit` answers the core's error, or null once saved.
 */
export function InterviewModal({
  opened,
  interview,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  interview: Interview | null;
  onClose(): void;
  onSubmit(fields: InterviewInput): Promise<AppErrorShape | null>;
}) {
  const { t } = useI18n();
  return (
    <Modal opened={opened} onClose={onClose} title={interview ? t('reportPanels.interview.editTitle') : t('reportPanels.interview.addTitle')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened && <InterviewForm key={interview?.id ?? 'new'} interview={interview} onCancel={onClose} onSubmit={onSubmit} />}
    </Modal>
  );
}

function InterviewForm({ interview, onCancel, onSubmit }: { interview: Interview | null; onCancel(): void; onSubmit(fields: InterviewInput): Promise<AppErrorShape | null> }) {
  const { locale, t } = useI18n();
  const upload = useUploadAttachment();
  const uploadRecording = useUploadRecording();
  const [draft, setDraft] = useState<Draft>(() => draftOf(interview));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const heldAt = draft.heldAt ? dateFromInput(draft.heldAt) : null;
    const parsed = parseIn(interviewInputSchema, { ...draft, heldAt }, locale, t);
    const found: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    if (draft.heldAt && heldAt === null) found.heldAt = t('reportPanels.interview.dateInvalid');
    setErrors(found);
    if (!parsed.ok || Object.keys(found).length > 0) return;
    setBusy(true);
    setProblem(null);
    const refused = await onSubmit(parsed.data);
    setBusy(false);
    if (!refused) return;
    const onFields = serverErrors(refused.issues, t, ['fields', 'patch']);
    setErrors(onFields);
    setProblem(errorMessage(refused, locale, t));
  };

  const text = (key: 'name' | 'role' | 'organisation' | 'sectoralBody', label: string, description?: string) => (
    <TextInput label={label} description={description} required={key === 'name'} maxLength={200} value={draft[key]} onChange={(e) => set(key, e.currentTarget.value)} error={errors[key]} data-autofocus={key === 'name' || undefined} />
  );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {text('name', t('reportPanels.interview.name'))}
          {text('role', t('reportPanels.interview.role'))}
          {text('organisation', t('reportPanels.interview.organisation'))}
          {text('sectoralBody', t('reportPanels.interview.sectoralBody'), t('reportPanels.interview.sectoralBodyHint'))}
          <TextInput label={t('reportPanels.interview.heldAt')} type="date" value={draft.heldAt} onChange={(e) => set('heldAt', e.currentTarget.value)} error={errors.heldAt} />
        </SimpleGrid>
        <Textarea label={t('reportPanels.interview.notes')} autosize minRows={2} maxRows={6} value={draft.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={errors.notes} />
        <Textarea
          label={t('reportPanels.interview.transcript')}
          description={t('reportPanels.interview.transcriptHint', { max: formatNumber(locale, MAX_TRANSCRIPT_CHARS) })}
          autosize
          minRows={2}
          maxRows={8}
          value={draft.transcript}
          onChange={(e) => set('transcript', e.currentTarget.value)}
          error={errors.transcript}
        />
        <RecordingField value={draft.recording} onChange={(v) => set('recording', v)} upload={uploadRecording} interviewee={draft.name} error={errors.recording} />
        <AttachmentField label={t('reportPanels.interview.attachment')} description={t('reportPanels.interview.attachmentHint')} value={draft.attachment} onChange={(v) => set('attachment', v)} upload={upload} error={errors.attachment} />
        <Checkbox label={t('reportPanels.interview.consentToQuote')} description={t('reportPanels.interview.consentToQuoteHint')} checked={draft.consentToQuote} onChange={(e) => set('consentToQuote', e.currentTarget.checked)} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('reportPanels.interview.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
