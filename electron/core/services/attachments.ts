import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/contract/result';
import type { Db } from '../db/open';

/**
 * Content-addressed attachments: stored once by the SHA-256 of their bytes, immutable, so a
 * record only carries the hash and sync can move the bytes separately.
 */

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export type PhotoMime = 'image/png' | 'image/jpeg' | 'image/webp';

/** The image type the bytes really are, whatever the file name or declared type says. */
export function sniffImage(bytes: Uint8Array): PhotoMime | null {
  const at = (i: number) => bytes[i];
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => at(i) === b)) return 'image/png';
  if (bytes.length >= 3 && at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

export function decodeBase64(data: string): Buffer {
  const clean = data.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw new AppError('ATTACHMENT_INVALID', 'The file could not be read. Choose the photo again.');
  }
  return Buffer.from(clean, 'base64');
}

export function putPhoto(db: Db, dataBase64: string, now = Date.now()): { hash: string; mime: PhotoMime; size: number } {
  const bytes = decodeBase64(dataBase64);
  if (bytes.length > MAX_PHOTO_BYTES) {
    throw new AppError('ATTACHMENT_TOO_LARGE', `The photo is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB. Choose a smaller photo or reduce its size.`);
  }
  const mime = sniffImage(bytes);
  if (!mime) throw new AppError('ATTACHMENT_INVALID', 'This file is not a PNG, JPEG or WebP image. Choose a photo in one of those formats.');
  const hash = createHash('sha256').update(bytes).digest('hex');
  db.prepare('INSERT OR IGNORE INTO attachments (hash, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)').run(hash, mime, bytes.length, bytes, now);
  return { hash, mime, size: bytes.length };
}

export function getAttachment(db: Db, hash: string): { mime: string; dataBase64: string } {
  const row = db.prepare('SELECT mime, bytes FROM attachments WHERE hash = ?').get(hash) as { mime: string; bytes: Buffer } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'This photo is not stored on this computer.');
  return { mime: row.mime, dataBase64: row.bytes.toString('base64') };
}

export function hasAttachment(db: Db, hash: string): boolean {
  return db.prepare('SELECT 1 FROM attachments WHERE hash = ?').get(hash) !== undefined;
}
