import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isPhotoSize, PHOTO_HASH, type PhotoFile, type PhotoSize } from '../../../../shared/photos';
import { makeThumbnail } from './codec';

/**
 * Thumbnails of stored photos, made once per (photo, size) and kept as files in
 * `<dataDir>/photo-cache/<size>/<hash>.webp`.
 *
 * Files rather than a table: a thumbnail is derived data, rebuilt from the stored photo at
 * any time, so it stays out of the database, its backups and sync; serving one never opens
 * a write transaction on a read path (nor grows the WAL while a long import holds the
 * writer); and the folder can be deleted whenever it is in the way. A file is named by the
 * content hash and the size, so it can never be stale, and it appears whole or not at all
 * (written aside, then renamed).
 */

/** The stored photo's bytes, or null when this computer does not hold it. */
export type ReadStoredPhoto = (hash: string) => Buffer | null;

export const PHOTO_CACHE_DIR = 'photo-cache';

export function createPhotoFiles(dataDir: string, readStored: ReadStoredPhoto, log: (message: string, error: unknown) => void = console.error) {
  const root = join(dataDir, PHOTO_CACHE_DIR);
  // Two avatars of the same expert on one screen ask at once; make the thumbnail once.
  const making = new Map<string, Promise<PhotoFile | null>>();

  async function make(hash: string, size: PhotoSize, file: string): Promise<PhotoFile | null> {
    const stored = readStored(hash);
    if (!stored) return null;
    const bytes = await makeThumbnail(stored, size);
    try {
      await mkdir(join(root, String(size)), { recursive: true });
      const aside = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(aside, bytes);
      await rename(aside, file).catch(async (error: unknown) => {
        await rm(aside, { force: true });
        throw error;
      });
    } catch {
      // A read-only or full disk costs only the cache: the thumbnail is still served.
    }
    return { bytes, mime: 'image/webp' };
  }

  /**
   * The thumbnail of photo `hash` at `size` pixels square, or null when the hash or size is
   * not one we serve or the photo is not stored here. Never throws for a damaged stored
   * photo either: that is a missing picture, not a failed screen.
   */
  async function photoFile(hash: string, size: number): Promise<PhotoFile | null> {
    if (!PHOTO_HASH.test(hash) || !isPhotoSize(size)) return null;
    const file = join(root, String(size), `${hash}.webp`);
    const cached = await readFile(file).catch(() => null);
    if (cached) return { bytes: cached, mime: 'image/webp' };
    const key = `${size}/${hash}`;
    let pending = making.get(key);
    if (!pending) {
      pending = make(hash, size, file)
        .catch((error: unknown) => {
          log(`The thumbnail of photo ${hash} could not be made`, error);
          return null;
        })
        .finally(() => making.delete(key));
      making.set(key, pending);
    }
    return pending;
  }

  return { photoFile, root };
}
