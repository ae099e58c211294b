/**
 * Photos as the core stores and serves them, shared by the core, both transports and the
 * renderer, so a size the renderer asks for is always one the core will make.
 *
 * Served photos are square thumbnails (avatars are round or square) in a fixed set of edge
 * lengths in device pixels. A fixed set keeps the thumbnail cache bounded: at most one file
 * per photo and size, whatever a page asks for.
 */

/** Edge lengths in device pixels. The screens draw 40 (directory rows), 96 (form) and 112 (expert page) CSS pixels. */
export const photoSizes = [48, 96, 128, 256] as const;
export type PhotoSize = (typeof photoSizes)[number];

export const isPhotoSize = (value: unknown): value is PhotoSize => (photoSizes as readonly unknown[]).includes(value);

/**
 * The smallest served size that fills `cssPixels` at the screen's pixel ratio without
 * upscaling, or the largest there is: 40 px at 1× → 48, at 2× → 96; 112 px at 2× → 256.
 */
export function photoSizeFor(cssPixels: number, pixelRatio = 1): PhotoSize {
  const wanted = Math.ceil(cssPixels * (Number.isFinite(pixelRatio) && pixelRatio > 0 ? pixelRatio : 1));
  return photoSizes.find((s) => s >= wanted) ?? photoSizes[photoSizes.length - 1]!;
}

/** A photo's id is the SHA-256 of its stored bytes, lower-case hex. */
export const PHOTO_HASH = /^[0-9a-f]{64}$/;

/**
 * The end of every photo URL, the same in both transports: `<size>/<hash>.webp`. Thumbnails
 * are always WebP, so the extension is honest; the hash makes the URL immutable.
 *   Electron:      app://curator/photos/<size>/<hash>.webp
 *   browser mode:  /photos/<per-launch key>/<size>/<hash>.webp
 */
export function photoFileName(hash: string, size: PhotoSize): string {
  return `${size}/${hash}.webp`;
}

/**
 * The hash and size that `<size>/<hash>.webp` names, or null for anything else. The two
 * patterns leave no room for `..`, slashes, escapes or other characters, so a name that
 * passes can never reach outside the photo store.
 */
export function parsePhotoFileName(name: string): { hash: string; size: PhotoSize } | null {
  const match = /^(\d{1,4})\/([0-9a-f]{64})\.webp$/.exec(name);
  if (!match) return null;
  const size = Number(match[1]);
  return isPhotoSize(size) ? { hash: match[2]!, size } : null;
}

/** Largest photo file accepted, before decoding. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Largest image accepted by pixel count (width × height), so a small file cannot decode into gigabytes. */
export const MAX_PHOTO_PIXELS = 40_000_000;
/** Stored photos are scaled down to fit in this square; a portrait photo needs no more. */
export const STORED_PHOTO_EDGE = 1024;

/** A served thumbnail. */
export interface PhotoFile {
  bytes: Uint8Array;
  mime: 'image/webp';
}

/** How a transport gets a thumbnail from the core (Core.photoFile): null when there is none. */
export type PhotoSource = (hash: string, size: PhotoSize) => Promise<PhotoFile | null>;

/** Served photos never change for a given URL. */
export const PHOTO_CACHE_CONTROL = 'private, max-age=31536000, immutable';
