import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_CSP } from '../../shared/attachmentFiles';
import { makeWav } from '../core/services/attachments/audio-testing';
import { mimeTypeFor, resolveAppFile, resolveAttachmentRequest, resolvePhotoRequest, serveAttachment, servePhoto } from './app-protocol';

const root = '/opt/curator/out/renderer';
const resolve = (url: string) => resolveAppFile(root, url, path.posix);

describe('resolveAppFile', () => {
  it('maps app:// paths to files inside the renderer folder', () => {
    expect(resolve('app://curator/index.html')).toBe(`${root}/index.html`);
    expect(resolve('app://curator/assets/index-abc.js')).toBe(`${root}/assets/index-abc.js`);
    expect(resolve('app://curator/assets/a%20b.css?v=1#x')).toBe(`${root}/assets/a b.css`);
  });

  it('serves index.html for the root', () => {
    expect(resolve('app://curator/')).toBe(`${root}/index.html`);
    expect(resolve('app://curator')).toBe(`${root}/index.html`);
  });

  it('refuses every way out of the folder', () => {
    for (const url of [
      'app://curator/../../etc/passwd',
      'app://curator/%2e%2e/%2e%2e/etc/passwd',
      'app://curator/..%2f..%2fetc%2fpasswd',
      'app://curator/assets/..%2f..%2f..%2fsecret',
      'app://curator/%2fetc%2fpasswd/..%2f..%2f..%2f..%2fetc',
      'app://curator/..%2F',
    ]) {
      const file = resolve(url);
      if (file !== null) expect(file.startsWith(`${root}/`), `${url} → ${file}`).toBe(true);
    }
    expect(resolve('app://curator/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolve('app://curator/..%2F')).toBeNull();
  });

  it('refuses backslash escapes on Windows', () => {
    const winRoot = 'C:\\curator\\out\\renderer';
    expect(resolveAppFile(winRoot, 'app://curator/..%5c..%5cWindows%5cwin.ini', path.win32)).toBeNull();
    expect(resolveAppFile(winRoot, 'app://curator/assets%5c..%5c..%5c..%5cx', path.win32)).toBeNull();
    expect(resolveAppFile(winRoot, 'app://curator/C:%5cWindows', path.win32)).toBeNull();
    expect(resolveAppFile(winRoot, 'app://curator/assets/a.js', path.win32)).toBe('C:\\curator\\out\\renderer\\assets\\a.js');
  });

  it('refuses other hosts, other schemes, malformed escapes and NUL bytes', () => {
    expect(resolve('app://evil/index.html')).toBeNull();
    expect(resolve('file:///opt/curator/out/renderer/index.html')).toBeNull();
    expect(resolve('https://curator/index.html')).toBeNull();
    expect(resolve('app://curator/%E0%A4%A')).toBeNull();
    expect(resolve('app://curator/index.html%00.png')).toBeNull();
    expect(resolve('not a url')).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('names the types the renderer build emits', () => {
    expect(mimeTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/assets/index.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
    expect(mimeTypeFor('/x/noext')).toBe('application/octet-stream');
  });
});

describe('photos over app://', () => {
  const hash = 'ab'.repeat(32);

  it('names the size and hash of a photo URL', () => {
    expect(resolvePhotoRequest(`app://curator/photos/48/${hash}.webp`)).toEqual({ hash, size: 48 });
    expect(resolvePhotoRequest(`app://curator/photos/256/${hash}.webp?x=1#y`)).toEqual({ hash, size: 256 });
  });

  it('refuses every other path, size, host and every escape', () => {
    for (const url of [
      `app://curator/photos/40/${hash}.webp`,
      `app://curator/photos/48/${hash}.png`,
      `app://curator/photos/48/${hash.toUpperCase()}.webp`,
      `app://curator/photos/48/${hash.slice(1)}.webp`,
      `app://curator/photos/48/${hash}.webp/..`,
      `app://curator/photos/48/..%2f..%2f..%2fcurator.db`,
      `app://curator/photos/48%2f${hash}.webp`,
      `app://curator/photos/%34%38/${hash}.webp`,
      `app://curator/photos/48/${hash}%00.webp`,
      `app://curator/photos/48/..%5c..%5c${hash}.webp`,
      `app://curator/photos//48/${hash}.webp`,
      `app://evil/photos/48/${hash}.webp`,
      `https://curator/photos/48/${hash}.webp`,
      `app://curator/assets/48/${hash}.webp`,
      'not a url',
    ]) {
      expect(resolvePhotoRequest(url), url).toBeNull();
    }
  });

  it('answers a photo with its bytes, its type, immutable caching and nosniff; a missing one with 404', async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const asked: unknown[] = [];
    const source = async (h: string, size: number) => {
      asked.push([h, size]);
      return h === hash ? { bytes, mime: 'image/webp' as const } : null;
    };
    const found = await servePhoto(`app://curator/photos/96/${hash}.webp`, source)!;
    expect(found.status).toBe(200);
    expect(new Uint8Array(await found.arrayBuffer())).toEqual(bytes);
    expect(Object.fromEntries(found.headers)).toMatchObject({
      'content-type': 'image/webp',
      'cache-control': 'private, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    expect(asked).toEqual([[hash, 96]]);

    const missing = await servePhoto(`app://curator/photos/96/${'cd'.repeat(32)}.webp`, source)!;
    expect([missing.status, missing.headers.get('cache-control')]).toEqual([404, 'no-store']);
    const refused = await servePhoto('app://curator/photos/96/..%2f..%2fcurator.db', source)!;
    expect(refused.status).toBe(404);
    expect(asked).toHaveLength(2);
    const failing = await servePhoto(`app://curator/photos/48/${hash}.webp`, () => Promise.reject(new Error('disk')))!;
    expect(failing.status).toBe(404);
  });

  it('leaves every other app:// request to the renderer files', () => {
    const never = () => Promise.reject(new Error('not a photo'));
    expect(servePhoto('app://curator/index.html', never)).toBeNull();
    expect(servePhoto('app://curator/assets/photos/x.js', never)).toBeNull();
    expect(servePhoto('garbage', never)).toBeNull();
  });
});

describe('attachments over app://', () => {
  const hash = 'ab'.repeat(32);
  const pdf = new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1'));

  it('reads exactly one hash, on our host, from the attachment path', () => {
    expect(resolveAttachmentRequest(`app://curator/attachments/${hash}`)).toBe(hash);
    for (const bad of [
      `app://other/attachments/${hash}`,
      `app://curator/attachments/${hash}/x`,
      `app://curator/attachments/${hash.toUpperCase()}`,
      'app://curator/attachments/..%2f..%2fcurator.db',
      `app://curator/photos/96/${hash}.webp`,
      'not a url',
    ]) {
      expect.soft(resolveAttachmentRequest(bad), bad).toBeNull();
    }
  });

  it('serves a stored document with its recorded type, inline, nosniff and the sandbox policy; 404 otherwise', async () => {
    const source = async (h: string) => (h === hash ? { bytes: pdf, mime: 'application/pdf' } : null);
    const found = await serveAttachment(`app://curator/attachments/${hash}`, source)!;
    expect(found.status).toBe(200);
    expect(Object.fromEntries(found.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': 'inline',
      'x-content-type-options': 'nosniff',
      'content-security-policy': ATTACHMENT_CSP,
    });
    expect(new Uint8Array(await found.arrayBuffer())).toEqual(pdf);
    expect((await serveAttachment(`app://curator/attachments/${'cd'.repeat(32)}`, source)!).status).toBe(404);
    expect((await serveAttachment('app://curator/attachments/..%2fcurator.db', source)!).status).toBe(404);
    // A blob that is not a document (a stored photo) is not served here.
    expect((await serveAttachment(`app://curator/attachments/${hash}`, async () => ({ bytes: pdf, mime: 'image/webp' }))!).status).toBe(404);
    expect((await serveAttachment(`app://curator/attachments/${hash}`, () => Promise.reject(new Error('disk')))!).status).toBe(404);
  });

  it('serves an interview recording with its audio type, and the byte range an <audio> element asks for (206)', async () => {
    const wav = new Uint8Array(makeWav(0.5));
    const hash = 'ef'.repeat(32);
    const source = async () => ({ bytes: wav, mime: 'audio/wav' });
    const whole = await serveAttachment(`app://curator/attachments/${hash}`, source)!;
    expect([whole.status, whole.headers.get('content-type'), whole.headers.get('accept-ranges'), whole.headers.get('x-content-type-options')]).toEqual([200, 'audio/wav', 'bytes', 'nosniff']);
    const part = await serveAttachment(`app://curator/attachments/${hash}`, source, 'bytes=44-')!;
    expect([part.status, part.headers.get('content-range'), part.headers.get('content-length'), part.headers.get('content-security-policy')]).toEqual([206, `bytes 44-${wav.length - 1}/${wav.length}`, String(wav.length - 44), ATTACHMENT_CSP]);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(wav.subarray(44));
    expect((await serveAttachment(`app://curator/attachments/${hash}`, source, `bytes=${wav.length}-`)!).status).toBe(416);
  });

  it('leaves other requests to the renderer files', () => {
    const never = () => Promise.reject(new Error('not called'));
    expect(serveAttachment('app://curator/index.html', never)).toBeNull();
  });
});
