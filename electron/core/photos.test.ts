import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PHOTO_PIXELS, photoSizes, STORED_PHOTO_EDGE } from '../../shared/photos';
import { DATABASE_FILE } from './app';
import { PHOTO_CACHE_DIR } from './services/photos/files';
import { testCores } from './testing';

const { start, closeAll } = testCores();
afterEach(closeAll);

/** Pixels that do not compress to nothing, so truncating the file cuts into image data. */
function noise(width: number, height: number): Buffer {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + (i >> 5)) % 251;
  return raw;
}
const image = (width: number, height: number) => sharp(noise(width, height), { raw: { width, height, channels: 3 } });
const b64 = (b: Buffer) => b.toString('base64');

/** A well-formed PNG header claiming `width` × `height`, followed by far fewer pixels than that. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const frame = Buffer.alloc(8 + body.length);
    frame.writeUInt32BE(data.length, 0);
    body.copy(frame, 4);
    frame.writeUInt32BE(crc32(body), 4 + body.length);
    return frame;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(1000))), chunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG as a phone writes it: camera make, and the GPS position of the curator's office in Jakarta. */
const jpegWithGps = () =>
  image(1600, 1200)
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'CuratorTestCam', Model: 'Phone 12' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 49/1 0/1' },
    })
    .toBuffer();

function storedRows(dataDir: string): { hash: string; mime: string; size: number; bytes: Buffer }[] {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare('SELECT hash, mime, size, bytes FROM attachments').all() as never;
  } finally {
    db.close();
  }
}

describe('photos on the way in', () => {
  it('re-encodes a phone photo as WebP without its EXIF GPS position, within the stored size, keyed by the hash of what is stored', async () => {
    const { call, dataDir } = start();
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(before.exif?.includes(Buffer.from('CuratorTestCam'))).toBe(true);
    expect(original.includes(Buffer.from('CuratorTestCam'))).toBe(true);

    const photo = await call('attachments.putPhoto', { mime: 'image/jpeg', dataBase64: b64(original) });
    expect(photo.mime).toBe('image/webp');

    const [row] = storedRows(dataDir);
    expect(row).toMatchObject({ hash: photo.hash, mime: 'image/webp', size: photo.size });
    expect(createHash('sha256').update(row!.bytes).digest('hex')).toBe(photo.hash);
    const stored = await sharp(row!.bytes).metadata();
    expect(stored.format).toBe('webp');
    expect(stored.exif).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    expect(row!.bytes.includes(Buffer.from('CuratorTestCam'))).toBe(false);
    expect(row!.bytes.includes(Buffer.from('Exif'))).toBe(false);
    expect([stored.width, stored.height]).toEqual([STORED_PHOTO_EDGE, 768]);

    // The same picture again is the same stored photo.
    expect((await call('attachments.putPhoto', { mime: 'image/jpeg', dataBase64: b64(original) })).hash).toBe(photo.hash);
    expect(storedRows(dataDir)).toHaveLength(1);
  });

  it('turns a photo upright by its EXIF orientation before the EXIF is dropped', async () => {
    const { call, dataDir } = start();
    // Landscape pixels that the camera marks "rotate 90° clockwise to view".
    const sideways = await image(300, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    await call('attachments.putPhoto', { mime: 'image/jpeg', dataBase64: b64(sideways) });
    const stored = await sharp(storedRows(dataDir)[0]!.bytes).metadata();
    expect([stored.width, stored.height, stored.orientation]).toEqual([200, 300, undefined]);
  });

  it('accepts PNG and WebP as well, and records the type of the stored bytes, not the claimed one', async () => {
    const { call } = start();
    const png = await image(64, 64).png().toBuffer();
    const webp = await image(64, 48).webp().toBuffer();
    // A PNG sent as "image/jpeg" (a renamed file) is still a photo; what is stored is WebP.
    expect((await call('attachments.putPhoto', { mime: 'image/jpeg', dataBase64: b64(png) })).mime).toBe('image/webp');
    expect((await call('attachments.putPhoto', { mime: 'image/webp', dataBase64: b64(webp) })).mime).toBe('image/webp');
  });

  it('refuses a PNG signature followed by HTML, a truncated file, other formats and undecodable bytes, and stores nothing', async () => {
    const { refuse, dataDir } = start();
    const png = await image(300, 200).png().toBuffer();
    const polyglot = Buffer.concat([png.subarray(0, 8), Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>')]);
    const truncatedPng = png.subarray(0, Math.floor(png.length * 0.8));
    const jpeg = await image(300, 200).jpeg().toBuffer();
    const truncatedJpeg = jpeg.subarray(0, Math.floor(jpeg.length * 0.8));
    const gif = await image(16, 16).gif().toBuffer();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const webpHeaderOnly = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(40, 7)]);

    for (const [what, bytes, message] of [
      ['polyglot', polyglot, /could not be read as a photo/],
      ['truncated PNG', truncatedPng, /could not be read as a photo/],
      ['truncated JPEG', truncatedJpeg, /could not be read as a photo/],
      ['WebP header only', webpHeaderOnly, /could not be read as a photo/],
      ['GIF', gif, /not a PNG, JPEG or WebP/],
      ['SVG', svg, /not a PNG, JPEG or WebP/],
    ] as const) {
      const error = await refuse('attachments.putPhoto', { mime: 'image/png', dataBase64: b64(bytes) });
      expect.soft(error.code, what).toBe('ATTACHMENT_INVALID');
      expect.soft(error.message, what).toMatch(message);
    }
    expect(storedRows(dataDir)).toEqual([]);
  });

  it('refuses a file over 5 MB and an image over the pixel limit, however small its file', async () => {
    const { refuse, dataDir } = start();
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0);
    big.set([0xff, 0xd8, 0xff]);
    expect(await refuse('attachments.putPhoto', { mime: 'image/jpeg', dataBase64: b64(big) })).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', message: expect.stringMatching(/5\.0 MB; the limit is 5 MB/) });

    // A decompression bomb: a tiny file whose header promises ~200 MB of pixels.
    const huge = pngClaiming(8200, 8200);
    expect(huge.length).toBeLessThan(1024);
    expect(8200 * 8200).toBeGreaterThan(MAX_PHOTO_PIXELS);
    expect(await refuse('attachments.putPhoto', { mime: 'image/png', dataBase64: b64(huge) })).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', message: expect.stringMatching(/8200 × 8200 pixels/) });
    expect(storedRows(dataDir)).toEqual([]);
  });

  it('refuses a photo reference whose hash is not stored or whose type is not the stored type', async () => {
    const { call, refuse } = start();
    const photo = await call('attachments.putPhoto', { mime: 'image/png', dataBase64: b64(await image(64, 64).png().toBuffer()) });
    const expert = { givenName: 'Dara', country: 'KH' } as const;
    expect((await call('experts.create', { expert: { ...expert, photo: { hash: photo.hash, mime: 'image/webp' } } })).photo?.hash).toBe(photo.hash);
    expect((await refuse('experts.create', { expert: { ...expert, photo: { hash: photo.hash, mime: 'image/png' } } })).code).toBe('ATTACHMENT_INVALID');
    expect((await refuse('experts.create', { expert: { ...expert, photo: { hash: 'a'.repeat(64), mime: 'image/webp' } } })).code).toBe('ATTACHMENT_INVALID');
  });
});

describe('photos on the way out', () => {
  it('serves each allowed size as a square WebP thumbnail, made once and then read from the cache folder', async () => {
    const { call, core, dataDir } = start();
    const photo = await call('attachments.putPhoto', { mime: 'image/jpeg', dataBase64: b64(await jpegWithGps()) });
    for (const size of photoSizes) {
      const file = await core.photoFile(photo.hash, size);
      expect(file?.mime).toBe('image/webp');
      const meta = await sharp(Buffer.from(file!.bytes)).metadata();
      expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['webp', size, size, undefined]);
      expect(existsSync(join(dataDir, PHOTO_CACHE_DIR, String(size), `${photo.hash}.webp`))).toBe(true);
    }
    // A second request is answered from the file, not made again: mark the file and read the mark back.
    const cached = join(dataDir, PHOTO_CACHE_DIR, '48', `${photo.hash}.webp`);
    const marked = Buffer.concat([readFileSync(cached), Buffer.from('cached')]);
    writeFileSync(cached, marked);
    expect(Buffer.from((await core.photoFile(photo.hash, 48))!.bytes).equals(marked)).toBe(true);
  });

  it('makes a thumbnail once when many screens ask at the same time', async () => {
    const { call, core } = start();
    const photo = await call('attachments.putPhoto', { mime: 'image/png', dataBase64: b64(await image(400, 300).png().toBuffer()) });
    const answers = await Promise.all(Array.from({ length: 8 }, () => core.photoFile(photo.hash, 96)));
    expect(new Set(answers.map((a) => a && createHash('sha256').update(a.bytes).digest('hex'))).size).toBe(1);
  });

  it('answers null for a size not in the list, a malformed hash or a photo not stored here', async () => {
    const { call, core } = start();
    const photo = await call('attachments.putPhoto', { mime: 'image/png', dataBase64: b64(await image(64, 64).png().toBuffer()) });
    for (const size of [0, 40, 97, 512, 4096, -48, Number.NaN]) expect(await core.photoFile(photo.hash, size), String(size)).toBeNull();
    for (const hash of ['../../curator.db', photo.hash.toUpperCase(), `${photo.hash}/../x`, 'a'.repeat(63), '']) expect(await core.photoFile(hash, 48), hash).toBeNull();
    expect(await core.photoFile('b'.repeat(64), 48)).toBeNull();
  });
});
