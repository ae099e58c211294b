import { ActionIcon, Card, Group, Image, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { usePhotoUrl } from '../../../api/photos';
import { TrashIcon } from '../../../components/icons';
import { useI18n } from '../../../i18n';
import type { PhotoItem } from './model';

const THUMB = 128;
type Text3 = Pick<PhotoItem, 'caption' | 'credit' | 'alt'>;

/**
 * One photo of the record: its thumbnail, what a document prints under it (caption, credit),
 * its description for screen readers and documents, and buttons to move or remove it. The
 * texts save when a field is left; moving and removing save at once.
 */
export function PhotoCard({
  photo,
  index,
  count,
  readOnly,
  onSave,
  onMove,
  onRemove,
}: {
  photo: PhotoItem;
  index: number;
  count: number;
  readOnly: boolean;
  onSave(next: PhotoItem): Promise<boolean>;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  const url = usePhotoUrl(photo.hash, THUMB);
  const [draft, setDraft] = useState<Text3>({ caption: photo.caption, credit: photo.credit, alt: photo.alt });
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!dirty) setDraft({ caption: photo.caption, credit: photo.credit, alt: photo.alt });
  }, [photo.caption, photo.credit, photo.alt, dirty]);

  const n = index + 1;
  const set = (key: keyof Text3, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setDirty(true);
  };
  const leave = async () => {
    if (dirty && (await onSave({ ...photo, ...draft }))) setDirty(false);
  };
  const field = (key: keyof Text3, label: string, description?: string) => (
    <TextInput label={label} description={description} value={draft[key]} readOnly={readOnly} maxLength={key === 'credit' ? 200 : 500} onChange={(e) => set(key, e.currentTarget.value)} onBlur={() => void leave()} />
  );

  return (
    <Card withBorder radius="md" padding="sm" component="li" aria-label={t('reportPanels.photos.item', { n })} data-testid="report-photo">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} align="center" style={{ flexShrink: 0 }}>
          {url ? (
            <Image src={url} alt={photo.alt || t('reportPanels.photos.noAlt')} w={THUMB} h={THUMB} radius="sm" fit="cover" />
          ) : (
            <div style={{ width: THUMB, height: THUMB }} aria-hidden />
          )}
          <Text size="xs" c="dimmed">
            {t('reportPanels.photos.position', { n, count })}
          </Text>
          {!readOnly && (
            <Group gap={4}>
              <Tooltip label={t('reportPanels.photos.up')}>
                <ActionIcon variant="default" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('reportPanels.photos.upNamed', { n })}>
                  ↑
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('reportPanels.photos.down')}>
                <ActionIcon variant="default" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('reportPanels.photos.downNamed', { n })}>
                  ↓
                </ActionIcon>
              </Tooltip>
              <Tooltip label={t('common.remove')}>
                <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('reportPanels.photos.removeNamed', { n })}>
                  <TrashIcon />
                </ActionIcon>
              </Tooltip>
            </Group>
          )}
        </Stack>
        {/* One field per line: beside the credit, at 1024 px a caption (up to 500 characters, one line) showed only its first 45. */}
        <SimpleGrid cols={1} spacing="xs" style={{ flex: 1, minWidth: 0 }}>
          {field('caption', t('reportPanels.photos.caption'))}
          {field('credit', t('reportPanels.photos.credit'), t('reportPanels.photos.creditHint'))}
          {field('alt', t('reportPanels.photos.alt'), t('reportPanels.photos.altHint'))}
        </SimpleGrid>
      </Group>
    </Card>
  );
}
