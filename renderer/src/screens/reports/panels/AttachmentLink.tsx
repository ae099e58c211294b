import { Anchor, Text } from '@mantine/core';
import type { AttachmentRef } from '../../../../../shared/attachments';
import { useAttachmentUrl } from '../../../api/attachments';
import { formatNumber, useI18n } from '../../../i18n';

/** A stored document by name and size, saved from the attachment route (opened in its own program). */
export function AttachmentLink({ file }: { file: AttachmentRef }) {
  const { locale, t } = useI18n();
  const url = useAttachmentUrl(file.hash);
  const label = `${file.name} (${t('reportPanels.attachment.size', { kib: formatNumber(locale, Math.max(1, Math.round(file.bytes / 1024))) })})`;
  if (!url) return <Text size="sm">{label}</Text>;
  return (
    <Anchor href={url} download={file.name} size="sm" style={{ overflowWrap: 'anywhere' }} aria-label={t('reportPanels.attachment.save', { name: file.name })}>
      {label}
    </Anchor>
  );
}
