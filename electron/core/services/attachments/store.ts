import { createHash } from 'node:crypto';
import { cleanAttachmentName, type AttachmentRef } from '../../../../shared/attachments';
import { AppError } from '../../../../shared/contract/result';
import type { Db } from '../../db/open';
import { checkAttachment } from './check';

/**
 * Stores a document an applicant or curator attached (CV, letter, evidence), byte for byte,
 * in the same content-addressed store as photos: the `attachments` table keyed by the SHA-256
 * of the bytes, which the sync client moves as blobs (electron/core/sync/blobs.ts). The same
 * file attached twice is stored once. Nothing is written unless every check passed, so a
 * refused file leaves no trace.
 */
export async function putAttachment(db: Db, name: string, bytes: Uint8Array, now = Date.now()): Promise<AttachmentRef> {
  const shown = cleanAttachmentName(name);
  if (!shown) throw new AppError('ATTACHMENT_TYPE', 'The file has no name. Give it a name ending in .pdf, .docx, .png or .jpg and attach it again.');
  const { mime } = await checkAttachment(shown, bytes);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hash = createHash('sha256').update(data).digest('hex');
  db.prepare('INSERT OR IGNORE INTO attachments (hash, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)').run(hash, mime, data.length, data, now);
  return { hash, name: shown, mime, bytes: data.length };
}
