import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DOCX_MIME, type AttachmentRef } from '../../../../shared/attachments';
import type { ApplicationFields } from '../../../../shared/model/vetting';
import { useAttachmentUrl } from '../../api/attachments';
import { formatNumber, useI18n, type MessageKey } from '../../i18n';
import { Section } from '../../components/Section';

interface Doc {
  /** What the document is, for the curator: "CV", "Recommendation letter", "Publication: …". */
  label: string;
  detail?: string;
  file: AttachmentRef | null;
}

const kib = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/**
 * The applicant's documents, viewable in the app: a PDF in a frame and an image inline (both
 * from the attachment route, sandboxed), a DOCX saved to open in a word processor (a browser
 * cannot show one). Evidence without a file is listed too: the curator sees what was claimed.
 */
export function DocumentsPanel({ fields }: { fields: ApplicationFields }) {
  const { locale, t } = useI18n();
  const [open, setOpen] = useState<AttachmentRef | null>(null);
  const docs: Doc[] = [
    { label: t('apps.doc.cv'), file: fields.cv },
    { label: t('apps.doc.letter'), file: fields.recommendationLetter },
    ...fields.evidence.map((e) => ({
      label: `${t(`apps.evidence.${e.kind}` as MessageKey)}: ${e.title}`,
      detail: [e.year ?? null, e.validated ? t('apps.evidence.validated') : null, e.detail ?? null].filter(Boolean).join(' · '),
      file: e.attachment ?? null,
    })),
  ];
  return (
    <Section title={t('apps.section.documents')}>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {docs.map((d, i) => (
          <Group key={i} component="li" justify="space-between" wrap="nowrap" gap="sm">
            <div style={{ minWidth: 0 }}>
              <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
                {d.label}
              </Text>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {d.file ? `${d.file.name} · ${t('apps.doc.size', { kib: formatNumber(locale, kib(d.file.bytes)) })}` : t('apps.doc.none')}
                {d.detail ? ` · ${d.detail}` : ''}
              </Text>
            </div>
            {d.file && <DocumentAction file={d.file} label={d.label} onView={() => setOpen(d.file)} />}
          </Group>
        ))}
      </Stack>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={open?.name} size="80rem" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {open && <DocumentViewer file={open} />}
      </Modal>
    </Section>
  );
}

function DocumentAction({ file, label, onView }: { file: AttachmentRef; label: string; onView(): void }) {
  const { t } = useI18n();
  const url = useAttachmentUrl(file.hash);
  if (file.mime === DOCX_MIME) {
    return (
      <Button component="a" href={url ?? undefined} download={file.name} variant="default" size="xs" disabled={!url} aria-label={t('apps.doc.saveNamed', { name: label })}>
        {t('apps.doc.save')}
      </Button>
    );
  }
  return (
    <Button variant="light" size="xs" onClick={onView} aria-label={t('apps.doc.viewNamed', { name: label })}>
      {t('apps.doc.view')}
    </Button>
  );
}

function DocumentViewer({ file }: { file: AttachmentRef }) {
  const { t } = useI18n();
  const url = useAttachmentUrl(file.hash);
  if (!url) return <Alert color="yellow">{t('apps.doc.unavailable')}</Alert>;
  return (
    <Stack gap="xs">
      {file.mime === 'application/pdf' ? (
        <iframe src={url} title={file.name} style={{ width: '100%', height: '70vh', border: 0 }} data-testid="document-frame" />
      ) : (
        <img src={url} alt={file.name} style={{ maxWidth: '100%', maxHeight: '70vh', objectFit: 'contain', alignSelf: 'center' }} />
      )}
      <Group justify="flex-end">
        <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
          {file.mime === 'application/pdf' ? 'PDF' : file.mime === 'image/png' ? 'PNG' : 'JPEG'}
        </Badge>
        <Anchor href={url} download={file.name} size="sm">
          {t('apps.doc.save')}
        </Anchor>
      </Group>
    </Stack>
  );
}
