import { describe, expect, it } from 'vitest';
import { attachmentResponse, isServedAttachmentMime, parseRange } from './attachmentFiles';

describe('byte ranges of a served attachment', () => {
  it('reads one range, an open end, a suffix; clamps the end to the file', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
  });

  it('sends the whole file for no, malformed or multiple ranges, and 416 past the end', () => {
    for (const h of [undefined, null, '', 'bytes=', 'bytes=-', 'items=0-1', 'bytes=0-1,4-5', 'bytes=9-2', 'bytes=a-b']) expect(parseRange(h, 1000), String(h)).toBeNull();
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
  });

  it('answers 200, 206 with Content-Range, or 416, always with the hardening headers', () => {
    const file = { bytes: Uint8Array.from({ length: 10 }, (_, i) => i), mime: 'audio/wav' };
    expect(attachmentResponse(file).status).toBe(200);
    const part = attachmentResponse(file, 'bytes=2-4');
    expect([part.status, [...part.body], part.headers['Content-Range'], part.headers['Content-Length']]).toEqual([206, [2, 3, 4], 'bytes 2-4/10', '3']);
    for (const reply of [part, attachmentResponse(file, 'bytes=10-')]) expect(reply.headers).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
    expect(attachmentResponse(file, 'bytes=10-').status).toBe(416);
  });

  it('serves documents and recordings, nothing else', () => {
    for (const mime of ['application/pdf', 'image/png', 'audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/wav', 'audio/webm']) expect(isServedAttachmentMime(mime), mime).toBe(true);
    for (const mime of ['image/webp', 'text/html', 'video/mp4', 'image/svg+xml']) expect(isServedAttachmentMime(mime), mime).toBe(false);
  });
});
