import { createHash } from 'node:crypto';
import { AppError } from '../../../../shared/contract/result';
import { MAX_PHOTO_BYTES } from '../../../../shared/photos';
import type { Db } from '../../db/open';
import { normalisePhoto, STORED_PHOTO_MIME } from '../photos/codec';

/**
 * Content-addressed attachments: stored once by the SHA-256 of their stored bytes, immutable,
 * so a record only carries the hash and sync can move the bytes separately.
 */

export type PhotoMime = 'image/png' | 'image/jpeg' | 'image/webp';

/**
 * The image type the first bytes announce. Only a first gate, so that formats we never
 * accept (SVG, TIFF, HTML...) do not even reach the decoder; the decoder has the last word.
 */
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

/**
 * Stores a photo a curator chose. The bytes are decoded and re-encoded (see photos/codec),
 * so what is stored, hashed and later served is never the uploaded file itself. The same
 * picture uploaded twice gives the same hash, because the encoder is deterministic.
 */
export async function putPhoto(db: Db, dataBase64: string, now = Date.now()): Promise<{ hash: string; mime: 'image/webp'; size: number }> {
  const uploaded = decodeBase64(dataBase64);
  if (uploaded.length > MAX_PHOTO_BYTES) {
    throw new AppError('ATTACHMENT_TOO_LARGE', `The photo is ${(uploaded.length / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB. Choose a smaller photo or reduce its size.`);
  }
  if (!sniffImage(uploaded)) throw new AppError('ATTACHMENT_INVALID', 'This file is not a PNG, JPEG or WebP image. Choose a photo in one of those formats.');
  const { bytes } = await normalisePhoto(uploaded);
  const hash = createHash('sha256').update(bytes).digest('hex');
  db.prepare('INSERT OR IGNORE INTO attachments (hash, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)').run(hash, STORED_PHOTO_MIME, bytes.length, bytes, now);
  return { hash, mime: STORED_PHOTO_MIME, size: bytes.length };
}

/** The stored bytes and their type, or null when this computer does not hold them. */
export function readAttachment(db: Db, hash: string): { mime: string; bytes: Buffer } | null {
  return (db.prepare('SELECT mime, bytes FROM attachments WHERE hash = ?').get(hash) as { mime: string; bytes: Buffer } | undefined) ?? null;
}

/** The type recorded for a stored attachment, or null when it is not stored. */
export function attachmentMime(db: Db, hash: string): string | null {
  return (db.prepare('SELECT mime FROM attachments WHERE hash = ?').get(hash) as { mime: string } | undefined)?.mime ?? null;
}
