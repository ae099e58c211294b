import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../../../shared/contract/result';
import { MAX_PHOTO_PIXELS, STORED_PHOTO_EDGE } from '../../../../shared/photos';

/**
 * Every photo is decoded and re-encoded here before it is stored or served. Decoding (not
 * only reading the first bytes) is what refuses a file that starts like a PNG and carries
 * HTML or a script; re-encoding writes fresh pixels only, so EXIF metadata (GPS position,
 * camera serial, the photographer's name), embedded thumbnails, trailing data after the
 * image and any ICC trickery never reach the store. What comes out is always WebP, so the
 * type recorded beside a hash is always the type of the stored bytes.
 */

export const STORED_PHOTO_MIME = 'image/webp';

/** Formats a curator may upload, as sharp names them; everything else (SVG, TIFF, GIF, HEIF...) is refused before decoding. */
const acceptedFormats = new Set(['png', 'jpeg', 'webp']);

const decodeOptions = {
  // 'error' refuses truncated and corrupt pixel data but tolerates the harmless warnings
  // that many real cameras' JPEGs produce ('warning' would refuse those).
  failOn: 'error',
  limitInputPixels: MAX_PHOTO_PIXELS,
  // The first frame of an animated PNG or WebP: a photo is a still image.
  pages: 1,
} as const;

const unreadable = () =>
  new AppError('ATTACHMENT_INVALID', 'This file could not be read as a photo: it is damaged or is not really a PNG, JPEG or WebP image. Choose another photo.');

/** Decodes `bytes`, turns it upright, fits it in STORED_PHOTO_EDGE and re-encodes it as WebP without metadata. */
export async function normalisePhoto(bytes: Buffer): Promise<{ bytes: Buffer; width: number; height: number }> {
  let meta: Metadata;
  try {
    // The header only: the pixel count is checked below with a message that says so.
    meta = await sharp(bytes, { ...decodeOptions, limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  if (!meta.format || !acceptedFormats.has(meta.format)) {
    throw new AppError('ATTACHMENT_INVALID', 'This file is not a PNG, JPEG or WebP image. Choose a photo in one of those formats.');
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels > MAX_PHOTO_PIXELS) {
    throw new AppError(
      'ATTACHMENT_TOO_LARGE',
      `The photo is ${meta.width} × ${meta.height} pixels; the limit is ${MAX_PHOTO_PIXELS / 1_000_000} megapixels. Choose a smaller photo or reduce its size.`,
    );
  }
  try {
    const { data, info } = await sharp(bytes, decodeOptions)
      // Applies the EXIF orientation to the pixels, since the EXIF itself is dropped.
      .rotate()
      .resize({ width: STORED_PHOTO_EDGE, height: STORED_PHOTO_EDGE, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height };
  } catch {
    throw unreadable();
  }
}

/** A square WebP thumbnail of a stored photo, cropped around its most salient part (usually the face). */
export async function makeThumbnail(stored: Buffer, edge: number): Promise<Buffer> {
  return sharp(stored, decodeOptions)
    .rotate()
    .resize({ width: edge, height: edge, fit: 'cover', position: sharp.strategy.attention })
    .webp({ quality: 80 })
    .toBuffer();
}
