import { useCallback } from 'react';
import type { AppErrorShape } from '../../../../../shared/contract';
import type { RecordingRef } from '../../../../../shared/attachments';
import { useApi } from '../../../api/ApiProvider';
import type { UploadAttachment } from '../../applicationForm/AttachmentField';

/**
 * Stores a document a report refers to (an interview's form, a story's signed consent form) the
 * way an application's attachments are stored: checked by its bytes in the core, kept by hash,
 * answered with the reference the record keeps.
 */
export function useUploadAttachment(): UploadAttachment {
  const api = useApi();
  return useCallback((file) => api.call('reports.putAttachment', file), [api]);
}

/** Sends an interview's audio recording to the core (reports.putRecording), which checks it by its bytes. */
export type UploadRecording = (file: { name: string; mime: string; dataBase64: string }) => Promise<{ ok: true; value: RecordingRef } | { ok: false; error: AppErrorShape }>;

export function useUploadRecording(): UploadRecording {
  const api = useApi();
  return useCallback((file) => api.call('reports.putRecording', file), [api]);
}
