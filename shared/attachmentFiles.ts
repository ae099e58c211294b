import { attachmentMimes } from './attachments';

/**
 * Documents attached to applications (CV, letter, evidence) as the two transports serve them
 * to the window, shared so the desktop's app:// route and browser mode's HTTP route send the
 * same headers:
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

/** Only documents of the accepted kinds are served; a stored photo or any other blob is not. */
export const isServedAttachmentMime = (mime: string): boolean => (attachmentMimes as readonly string[]).includes(mime);

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
    // Inline: shown in the page's frame; a DOCX the browser cannot show is saved instead.
    'Content-Disposition': 'inline',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': ATTACHMENT_CSP,
    'X-Frame-Options': 'SAMEORIGIN',
    // Content-addressed, but personal data: kept out of shared caches and off the disk cache.
    'Cache-Control': 'private, no-store',
  };
}
