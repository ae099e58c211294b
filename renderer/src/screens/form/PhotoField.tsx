import { Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { MAX_PHOTO_BYTES } from '../../../../shared/photos';
import { ExpertAvatar } from '../../components/ExpertAvatar';
import { UploadIcon } from '../../components/icons';
import { useApi } from '../../api/ApiProvider';
import { useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';

export const PHOTO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
type PhotoRef = { hash: string; mime: (typeof PHOTO_TYPES)[number] };

export function readAsBase64(file: Blob): Promise<{ base64: string; dataUrl: string }> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve({ dataUrl, base64: dataUrl.slice(dataUrl.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * Choose a photo: type and size are checked here for a quick answer, then the core stores it
 * (decoding and re-encoding the bytes) and answers with its hash, which the form keeps. The
 * preview shows the stored photo, as the directory will, not the file as chosen.
 */
export function PhotoField({ value, onChange, name, error }: { value: PhotoRef | null; onChange(next: PhotoRef | null): void; name: string; error?: string }) {
  const api = useApi();
  const { t } = useI18n();
  const notify = useNotify();
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const resetRef = useRef<() => void>(null);

  const pick = async (file: File | null) => {
    if (!file) return;
    setProblem(null);
    if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return setProblem(t('photo.wrongType'));
    if (file.size > MAX_PHOTO_BYTES) return setProblem(t('photo.tooLarge'));
    setUploading(true);
    try {
      const { base64 } = await readAsBase64(file);
      const result = await api.call('attachments.putPhoto', { mime: file.type, dataBase64: base64 });
      if (result.ok) {
        onChange({ hash: result.value.hash, mime: result.value.mime });
      } else {
        setProblem(notify.describe(result.error));
      }
    } catch {
      setProblem(t('photo.wrongType'));
    } finally {
      setUploading(false);
      // Lets the same file be chosen again after a refusal.
      resetRef.current?.();
    }
  };

  const message = problem ?? error;
  return (
    <Group align="center" gap="lg">
      <ExpertAvatar photo={value} name={name} alt={t('photo.preview')} size={96} radius={96} />
      <Stack gap={6}>
        <Group gap="xs">
          <FileButton resetRef={resetRef} onChange={(f) => void pick(f)} accept={PHOTO_TYPES.join(',')} inputProps={{ 'aria-label': t('field.photo'), ...{ 'data-testid': 'photo-input' } }}>
            {(props) => (
              <Button {...props} variant="light" leftSection={<UploadIcon />} loading={uploading}>
                {value ? t('photo.replace') : t('photo.choose')}
              </Button>
            )}
          </FileButton>
          {value && (
            <Button variant="subtle" color="red" onClick={() => onChange(null)}>
              {t('photo.remove')}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {uploading ? t('photo.uploading') : t('photo.hint')}
        </Text>
        {message && (
          <Text size="sm" c="red" role="alert" data-testid="photo-error">
            {message}
          </Text>
        )}
      </Stack>
    </Group>
  );
}
