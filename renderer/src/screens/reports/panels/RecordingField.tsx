import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract';
import { MAX_RECORDING_BYTES, recordingExtensions, recordingKindFromName, recordingKindLabel, recordingMimes, type RecordingKind, type RecordingRef } from '../../../../../shared/attachments';
import { TrashIcon, UploadIcon } from '../../../components/icons';
import { errorMessage, formatNumber, useI18n, type Locale, type Translate } from '../../../i18n';
import { useFileUpload } from '../../../lib/useFileUpload';
import { RecordingPlayer } from './RecordingPlayer';
import type { UploadRecording } from './upload';

// Audio types and extensions both: some systems give a recording no type (an .opus on Windows).
const accept = [...recordingMimes, ...Object.values(recordingExtensions).flat().map((e) => `.${e}`)].join(',');
const megabytes = (locale: Locale, bytes: number) => formatNumber(locale, Math.round((bytes / 1024 / 1024) * 10) / 10);

/** The sentence for a refused recording, in the curator's language, by the error's stable code and details. */
function recordingProblem(error: AppErrorShape, name: string, locale: Locale, t: Translate): string {
  const claimed = (error.details?.claimed as RecordingKind | null | undefined) ?? null;
  if (error.code === 'ATTACHMENT_TOO_LARGE') {
    const bytes = typeof error.details?.bytes === 'number' ? error.details.bytes : MAX_RECORDING_BYTES + 1;
    return t('reportPanels.recording.tooLarge', { name, size: megabytes(locale, bytes), limit: megabytes(locale, MAX_RECORDING_BYTES) });
  }
  if (error.code === 'ATTACHMENT_TYPE' && error.details?.found === 'video') return t('reportPanels.recording.video', { name });
  if (error.code === 'ATTACHMENT_TYPE' && claimed) return t('reportPanels.recording.mismatch', { name, kind: recordingKindLabel[claimed] });
  if (error.code === 'ATTACHMENT_TYPE') return t('reportPanels.recording.notAudio', { name });
  if (error.code === 'ATTACHMENT_INVALID') return t('reportPanels.recording.unreadable', { name });
  return errorMessage(error, locale, t);
}

/**
 * An interview's audio recording: attach, play, replace or remove it. A file over the limit, or
 * whose name is no audio kind, is refused here before a byte of it is read; anything else is
 * checked by its bytes in the core. Nothing changes on the interview unless the core accepted
 * the file (and then only once the interview is saved).
 */
export function RecordingField({ value, onChange, upload, interviewee, error }: { value: RecordingRef | null; onChange(next: RecordingRef | null): void; upload: UploadRecording; interviewee: string; error?: string }) {
  const { locale, t } = useI18n();
  const id = useId();
  const { busy, problem, resetRef, pick } = useFileUpload({
    precheck: (file) => {
      if (file.size > MAX_RECORDING_BYTES) return t('reportPanels.recording.tooLarge', { name: file.name, size: megabytes(locale, file.size), limit: megabytes(locale, MAX_RECORDING_BYTES) });
      if (!recordingKindFromName(file.name)) return t('reportPanels.recording.notAudio', { name: file.name });
      if (file.size === 0) return t('reportPanels.recording.empty', { name: file.name });
      return null;
    },
    upload,
    onStored: onChange,
    refused: (err, name) => recordingProblem(err, name, locale, t),
    unreadable: (name) => t('reportPanels.recording.unreadable', { name }),
  });

  const message = problem ?? error;
  return (
    <Stack gap={4} data-testid="recording-field">
      <Text id={`${id}-label`} size="sm" fw={500}>
        {t('reportPanels.recording.label')}
      </Text>
      <Text id={`${id}-hint`} size="xs" c="dimmed">
        {t('reportPanels.recording.hint', { limit: megabytes(locale, MAX_RECORDING_BYTES) })}
      </Text>
      {value && <RecordingPlayer file={value} interviewee={interviewee} />}
      <Group gap="xs" wrap="wrap">
        <FileButton resetRef={resetRef} onChange={(f) => void pick(f)} accept={accept} inputProps={{ 'aria-label': t('reportPanels.recording.label') }}>
          {(props) => (
            <Button
              {...props}
              variant="light"
              leftSection={<UploadIcon />}
              loading={busy}
              aria-label={value ? t('reportPanels.recording.replaceAria') : t('reportPanels.recording.chooseAria')}
              aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
              data-invalid={message ? 'true' : undefined}
            >
              {value ? t('reportPanels.recording.replace') : t('reportPanels.recording.choose')}
            </Button>
          )}
        </FileButton>
        {value && (
          <Button variant="subtle" color="red" size="compact-sm" leftSection={<TrashIcon />} onClick={() => onChange(null)}>
            {t('reportPanels.recording.remove')}
          </Button>
        )}
      </Group>
      {busy && (
        <Text size="xs" c="dimmed" aria-live="polite">
          {t('reportPanels.recording.checking')}
        </Text>
      )}
      {message && (
        <Text id={`${id}-error`} size="sm" c="red" role="alert" data-testid="recording-error">
          {message}
        </Text>
      )}
    </Stack>
  );
}
