import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { MAX_PHOTO_BYTES } from '../../../../../shared/photos';
import { useApi } from '../../../api/ApiProvider';
import { EmptyState } from '../../../components/EmptyState';
import { UploadIcon } from '../../../components/icons';
import { errorMessage, formatNumber, useI18n } from '../../../i18n';
import { PHOTO_TYPES, readAsBase64 } from '../../form/PhotoField';
import { MAX_PHOTOS, type PhotoItem } from './model';
import { PhotoCard } from './PhotoCard';
import type { PanelProps } from './types';
import { useSave } from './useSave';

/**
 * The record's photos, in the order a document prints them. A chosen file goes through the
 * same path as an expert's photo (attachments.putPhoto: decoded, re-encoded without metadata
 * such as GPS position, stored by hash); the record keeps only the hash and the texts. A file
 * that is not an image is refused with its name, and nothing is added for it.
 */
export function PhotosPanel({ report, onPatch, readOnly }: PanelProps) {
  const api = useApi();
  const { locale, t } = useI18n();
  const { save, problem } = useSave(onPatch);
  const [uploading, setUploading] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const resetRef = useRef<() => void>(null);
  const photos = report.fields.photos ?? [];
  const room = MAX_PHOTOS - photos.length;
  const hidden = report.type === 'story' && report.fields.anonymised === true;

  const add = async (files: File[]) => {
    if (files.length === 0) return;
    const problems: string[] = [];
    const added: PhotoItem[] = [];
    setUploading(true);
    try {
      for (const file of files) {
        if (added.length >= room) {
          problems.push(t('reportPanels.photos.tooMany', { name: file.name, max: MAX_PHOTOS }));
          continue;
        }
        if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) {
          problems.push(t('reportPanels.photos.notImage', { name: file.name }));
          continue;
        }
        if (file.size > MAX_PHOTO_BYTES) {
          problems.push(t('reportPanels.photos.tooLarge', { name: file.name, limit: formatNumber(locale, MAX_PHOTO_BYTES / 1024 / 1024) }));
          continue;
        }
        // The file says it is an image; the core decodes it and has the last word.
        const { base64 } = await readAsBase64(file);
        const stored = await api.call('attachments.putPhoto', { mime: file.type, dataBase64: base64 });
        if (stored.ok) added.push({ hash: stored.value.hash, caption: '', credit: '', alt: '' });
        else problems.push(t('reportPanels.photos.refused', { name: file.name, reason: errorMessage(stored.error, locale, t) }));
      }
      if (added.length > 0) await save({ photos: [...photos, ...added] });
    } catch {
      problems.push(t('reportPanels.photos.unreadable'));
    } finally {
      setRefused(problems);
      setUploading(false);
      resetRef.current?.();
    }
  };

  const replace = (next: PhotoItem[]) => save({ photos: next });
  const move = (index: number, by: -1 | 1) => {
    const next = [...photos];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    void replace(next);
  };

  return (
    <Stack gap="md" data-testid="photos-panel">
      {hidden && (
        <Alert color="blue" title={t('reportPanels.photos.anonymisedTitle')}>
          {t('reportPanels.photos.anonymised')}
        </Alert>
      )}
      {!readOnly && (
        <Group gap="sm" align="center">
          <FileButton resetRef={resetRef} multiple accept={PHOTO_TYPES.join(',')} onChange={(files) => void add(files)} inputProps={{ 'aria-label': t('reportPanels.photos.add') }}>
            {(props) => (
              <Button {...props} leftSection={<UploadIcon />} loading={uploading} disabled={room <= 0}>
                {t('reportPanels.photos.add')}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c="dimmed">
            {room > 0 ? t('reportPanels.photos.hint', { max: MAX_PHOTOS }) : t('reportPanels.photos.full', { max: MAX_PHOTOS })}
          </Text>
        </Group>
      )}
      {uploading && (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('reportPanels.photos.uploading')}
        </Text>
      )}
      {refused.length > 0 && (
        <Alert color="red" role="alert" title={t('reportPanels.photos.refusedTitle')} data-testid="photos-error">
          <Stack gap={4}>
            {refused.map((line, i) => (
              <Text key={i} size="sm">
                {line}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {problem && (
        <Alert color="red" role="alert" title={t('reportPanels.saveRefused')}>
          {problem}
        </Alert>
      )}
      {photos.length === 0 ? (
        <EmptyState framed title={t('reportPanels.photos.emptyTitle')} body={t('reportPanels.photos.emptyBody')} testId="photos-empty" />
      ) : (
        <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('reportPanels.photos.list')}>
          {photos.map((photo, index) => (
            <PhotoCard
              key={`${photo.hash}-${index}`}
              photo={photo}
              index={index}
              count={photos.length}
              readOnly={readOnly}
              onSave={(next) => replace(photos.map((p, i) => (i === index ? next : p)))}
              onMove={(by) => move(index, by)}
              onRemove={() => void replace(photos.filter((_, i) => i !== index))}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
