import { Anchor, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { RecordingRef } from '../../../../../shared/attachments';
import { useAttachmentUrl } from '../../../api/attachments';
import { formatNumber, useI18n, type Locale } from '../../../i18n';

/** "1:05" or "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export function recordingSize(locale: Locale, bytes: number): string {
  return bytes < 1024 * 1024 ? `${formatNumber(locale, Math.max(1, Math.round(bytes / 1024)))} KB` : `${formatNumber(locale, Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

/**
 * An interview's recording: its name (a link that saves it), size and length, and the browser's
 * own player (keyboard operable, named after the interviewee). The length comes from the file's
 * header when the core could read it, else from the player once it has loaded the metadata.
 * When this computer cannot play the format (an M4A in a Chromium without AAC), it says so and
 * the file can still be saved.
 */
export function RecordingPlayer({ file, interviewee }: { file: RecordingRef; interviewee: string }) {
  const { locale, t } = useI18n();
  const url = useAttachmentUrl(file.hash);
  const [loaded, setLoaded] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  const seconds = file.durationSec ?? loaded;
  const size = recordingSize(locale, file.bytes);
  const details = seconds != null ? t('reportPanels.recording.details', { size, duration: formatDuration(seconds) }) : size;
  const name = interviewee.trim() ? t('reportPanels.recording.playerNamed', { name: interviewee.trim() }) : t('reportPanels.recording.playerUnnamed');
  return (
    <Stack gap={4} data-testid="recording-player">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {url ? (
          <Anchor href={url} download={file.name} aria-label={t('reportPanels.recording.save', { name: file.name })}>
            {file.name}
          </Anchor>
        ) : (
          file.name
        )}{' '}
        <Text span c="dimmed" size="sm" data-testid="recording-details">
          ({details})
        </Text>
      </Text>
      {url && (
        <audio
          key={file.hash}
          controls
          preload="metadata"
          src={url}
          aria-label={name}
          title={name}
          style={{ width: 360, maxWidth: '100%', height: 36 }}
          onLoadedMetadata={(e) => {
            const d = e.currentTarget.duration;
            if (Number.isFinite(d) && d > 0) setLoaded(d);
          }}
          onError={() => setFailed(true)}
        />
      )}
      {failed && (
        <Text size="xs" c="orange.8" role="status">
          {t('reportPanels.recording.cannotPlay', { name: file.name })}
        </Text>
      )}
    </Stack>
  );
}
