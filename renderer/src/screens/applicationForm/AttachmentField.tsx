import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import { attachmentExtensions, attachmentKindLabel, attachmentMimes, MAX_ATTACHMENT_BYTES, type AttachmentKind, type AttachmentRef } from '../../../../shared/attachments';
import { TrashIcon, UploadIcon } from '../../components/icons';
import { errorMessage, formatNumber, useI18n, type Locale, type Translate } from '../../i18n';
import { useFileUpload } from '../../lib/useFileUpload';

/** Sends a chosen file to the core (applications.putAttachment or kiosk.putAttachment). */
export type UploadAttachment = (file: { name: string; mime: string; dataBase64: string }) => Promise<{ ok: true; value: AttachmentRef } | { ok: false; error: AppErrorShape }>;

const accept = [...attachmentMimes, ...Object.values(attachmentExtensions).flat().map((e) => `.${e}`)].join(',');
const megabytes = (locale: Locale, bytes: number) => formatNumber(locale, Math.round((bytes / 1024 / 1024) * 10) / 10);

function sizeText(locale: Locale, bytes: number): string {
  return bytes < 1024 * 1024 ? `${formatNumber(locale, Math.max(1, Math.round(bytes / 1024)))} KB` : `${megabytes(locale, bytes)} MB`;
}

/**
 * The sentence for a refused file, in the applicant's language. English shows the core's own
 * sentence (it says what the file really is); Indonesian says the same by the error's code and details.
 */
function attachmentProblem(error: AppErrorShape, name: string, locale: Locale, t: Translate): string {
  if (locale === 'en' && error.message) return error.message;
  const claimed = (error.details?.claimed as AttachmentKind | undefined) ?? null;
  if (error.code === 'ATTACHMENT_TOO_LARGE') return t('attachment.tooLarge', { name, limit: megabytes(locale, MAX_ATTACHMENT_BYTES) });
  if (error.code === 'ATTACHMENT_ENCRYPTED') return t('attachment.encrypted', { name });
  if (error.code === 'ATTACHMENT_TYPE' && claimed) return t('attachment.notWhatItSays', { name, kind: attachmentKindLabel[claimed] });
  if (error.code === 'ATTACHMENT_TYPE') return t('attachment.wrongKind', { name });
  return errorMessage(error, locale, t);
}

/**
 * One attachment (a CV, a letter, a certificate): the file is refused here when it is over the
 * limit, before a byte of it is read (a 50 MB scan is never loaded into memory), and otherwise
 * checked by its bytes in the core, which answers with the stored reference or a sentence that
 * shows under the field. Nothing is attached unless the core accepted the file.
 */
export function AttachmentField({
  label,
  value,
  onChange,
  upload,
  error,
  description,
}: {
  label: string;
  value: AttachmentRef | null | undefined;
  onChange(next: AttachmentRef | null): void;
  upload: UploadAttachment;
  error?: string;
  description?: string;
}) {
  const { locale, t } = useI18n();
  const id = useId();
  const { busy, problem, resetRef, pick } = useFileUpload({
    // Over the limit: refused before a byte of it is read (a 50 MB scan is never loaded into memory).
    precheck: (file) => {
      if (file.size > MAX_ATTACHMENT_BYTES) return t('attachment.tooLargeHere', { name: file.name, size: megabytes(locale, file.size), limit: megabytes(locale, MAX_ATTACHMENT_BYTES) });
      if (file.size === 0) return t('attachment.empty', { name: file.name });
      return null;
    },
    upload,
    onStored: onChange,
    refused: (err, name) => attachmentProblem(err, name, locale, t),
    unreadable: (name) => t('attachment.unreadable', { name }),
  });

  const message = problem ?? error;
  return (
    // A group named by the field's label: its hint, the file attached, its problem, found together.
    <Stack gap={4} role="group" aria-labelledby={`${id}-label`} data-testid="attachment-field">
      <Text id={`${id}-label`} size="sm" fw={500}>
        {label}
      </Text>
      <Text id={`${id}-hint`} size="xs" c="dimmed">
        {description ? `${description} ` : ''}
        {t('attachment.hint')}
      </Text>
      <Group gap="xs" wrap="wrap">
        <FileButton resetRef={resetRef} onChange={(f) => void pick(f)} accept={accept} inputProps={{ 'aria-label': label }}>
          {(props) => (
            <Button
              {...props}
              variant="light"
              leftSection={<UploadIcon />}
              loading={busy}
              aria-label={value ? t('attachment.replaceFor', { what: label }) : t('attachment.chooseFor', { what: label })}
              aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
              data-invalid={message ? 'true' : undefined}
            >
              {value ? t('attachment.replace') : t('attachment.choose')}
            </Button>
          )}
        </FileButton>
        {value && (
          <>
            <Text size="sm" role="status" aria-label={t('attachment.attached')} data-testid="attachment-name">
              {value.name} ({sizeText(locale, value.bytes)})
            </Text>
            <Button variant="subtle" color="red" size="compact-sm" leftSection={<TrashIcon />} onClick={() => onChange(null)} aria-label={t('attachment.removeFor', { what: label })}>
              {t('common.remove')}
            </Button>
          </>
        )}
      </Group>
      {busy && (
        <Text size="xs" c="dimmed" aria-live="polite">
          {t('attachment.checking')}
        </Text>
      )}
      {message && (
        <Text id={`${id}-error`} size="sm" c="red" role="alert" data-testid="attachment-error">
          {message}
        </Text>
      )}
    </Stack>
  );
}
