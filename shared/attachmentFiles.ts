import { attachmentMimes, recordingMimes } from './attachments';

/**
 * Documents attached to applications (CV, letter, evidence) and reports (consent forms), and
 * interviews' audio recordings, as the two transports serve them to the window, shared so the
 * desktop's app:// route and browser mode's HTTP route send the same headers and byte ranges:
 *   Electron:      app://curator/attachments/<hash>
 *   browser mode:  /attachments/<per-launch key>/<hash>
 * The bytes are untrusted (an applicant sent them), so every response pins the type the core
 * recorded after checking the bytes, forbids sniffing, shows them inline only inside the app's
 * own frames, and runs them under a CSP sandbox (no script, no same-origin access, no forms).
 */

/** A stored attachment as the core hands it to a transport. */
export interface AttachmentFile {
  bytes: Uint8Array;
  mime: string;
}
export type AttachmentSource = (hash: string) => Promise<AttachmentFile | null>;

/** The one shape of an attachment's hash in a URL: nothing else (no `..`, no escapes, no slash) can match. */
export const ATTACHMENT_HASH = /^[0-9a-f]{64}$/;

const served: ReadonlySet<string> = new Set<string>([...attachmentMimes, ...recordingMimes]);
/** Only documents of the accepted kinds and interview recordings are served; a stored photo or any other blob is not. */
export const isServedAttachmentMime = (mime: string): boolean => served.has(mime);

/**
 * The policy of a served document: a sandbox with no allowances (scripts, forms, popups and
 * same-origin access all off), nothing loaded from anywhere, and framed only by the app.
 * Chromium's PDF viewer still draws a sandboxed PDF (checked on Chromium 156); it is the
 * iframe `sandbox` attribute, not this header, that stops it.
 */
export const ATTACHMENT_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'";

/** The headers of a served attachment (its type as recorded, its length). */
export function attachmentHeaders(file: AttachmentFile): Record<string, string> {
  return {
    'Content-Type': file.mime,
    'Content-Length': String(file.bytes.byteLength),
    // An <audio> element seeks by asking for byte ranges (attachmentResponse answers them).
    'Accept-Ranges': 'bytes',
    // Inline: shown in the page's frame; a DOCX the browser cannot show is saved instead.
    'Content-Disposition': 'inline',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': ATTACHMENT_CSP,
    'X-Frame-Options': 'SAMEORIGIN',
    // Content-addressed, but personal data: kept out of shared caches and off the disk cache.
    'Cache-Control': 'private, no-store',
  };
}

/** What a transport sends for a stored attachment: the status, the headers and the bytes (all, or the range asked for). */
export interface AttachmentReply {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * One `bytes=` range of a file of `size` bytes (RFC 9110 §14.1.2): `{ start, end }` inclusive,
 * 'unsatisfiable' when it lies past the end, or null when the header is absent, malformed or
 * asks for several ranges (then the whole file is sent, as the RFC allows).
 */
export function parseRange(header: string | null | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    // A suffix: the last N bytes.
    const n = Number(m[2]);
    if (n === 0) return 'unsatisfiable';
    return size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (!Number.isSafeInteger(start) || start >= size) return 'unsatisfiable';
  return end < start ? null : { start, end };
}

/**
 * The reply to a GET of a stored attachment, shared by both transports: 200 with the whole file,
 * 206 with the one range asked for (how Chromium's media player streams and seeks), or 416 for a
 * range past the end. Every reply carries the same hardening headers.
 */
export function attachmentResponse(file: AttachmentFile, rangeHeader?: string | null): AttachmentReply {
  const headers = attachmentHeaders(file);
  const size = file.bytes.byteLength;
  const range = parseRange(rangeHeader, size);
  if (range === null) return { status: 200, headers, body: file.bytes };
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...headers, 'Content-Length': '0', 'Content-Range': `bytes */${size}` }, body: new Uint8Array(0) };
  }
  const body = file.bytes.subarray(range.start, range.end + 1);
  return { status: 206, headers: { ...headers, 'Content-Length': String(body.byteLength), 'Content-Range': `bytes ${range.start}-${range.end}/${size}` }, body };
}
