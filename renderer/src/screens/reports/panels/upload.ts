import { useCallback } from 'react';
import { useApi } from '../../../api/ApiProvider';
import type { UploadAttachment } from '../../applicationForm/AttachmentField';

/**
 * Stores a document a report refers to (an interview's recording or form, a story's signed
 * consent form) the way an application's attachments are stored: checked by its bytes in the
 * core, kept by hash, answered with the reference the record keeps.
 */
export function useUploadAttachment(): UploadAttachment {
  const api = useApi();
  return useCallback((file) => api.call('reports.putAttachment', file), [api]);
}
