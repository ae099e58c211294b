import type { IncomingMessage, ServerResponse } from 'node:http';
import { ATTACHMENT_HASH, attachmentHeaders, attachmentResponse, isServedAttachmentMime, type AttachmentSource } from '../../shared/attachmentFiles';
import { answerKeyedFile, routeKey } from './keyed-route';
import { tokenMatches } from './security';

/**
 * Browser mode's attachment route: `GET /attachments/<key>/<hash>`, the documents of an
 * application shown in the page's frame (a PDF, an image) or saved (a DOCX), and interview
 * recordings played by an <audio> element (with byte ranges).
 *
 * Like photos (photos.ts), an <iframe> cannot send the Authorization header, so the URL
 * carries its own credential: the per-launch *attachment key*, HMAC-SHA256(token,
 * "curator-attachments/v1"), which the renderer derives from the token it holds
 * (renderer/src/api/attachments.ts). It opens attachments only, until the app restarts, and
 * cannot be turned back into the token. Anything but a well-formed path with the right key and
 * a stored document gets 404, so the route tells an outsider nothing.
 */

export const ATTACHMENT_ROUTE = '/attachments/';
const KEY_CONTEXT = 'curator-attachments/v1';

/** The attachment key for a launch token; renderer/src/api/attachments.ts computes the same value. */
export function attachmentKey(token: string): string {
  return routeKey(token, KEY_CONTEXT);
}

/** `/attachments/<key>/<hash>` → the hash, when the key is this launch's; else null. */
export function parseAttachmentRoute(pathname: string, token: string): string | null {
  if (!pathname.startsWith(ATTACHMENT_ROUTE)) return null;
  const [key, hash, ...rest] = pathname.slice(ATTACHMENT_ROUTE.length).split('/');
  if (rest.length > 0 || !key || !hash || !ATTACHMENT_HASH.test(hash)) return null;
  return tokenMatches(key, attachmentKey(token)) ? hash : null;
}

export function handleAttachmentRequest(req: IncomingMessage, res: ServerResponse, pathname: string, token: string, attachmentFile: AttachmentSource | undefined): Promise<void> {
  const hash = parseAttachmentRoute(pathname, token);
  // A stored blob of another kind (a photo) is not a document: not found here.
  const find = hash && attachmentFile ? () => attachmentFile(hash).then((file) => (file && isServedAttachmentMime(file.mime) ? file : null)) : null;
  // Replaces the page policy and X-Frame-Options: DENY set for every response (security.ts):
  // the app's own page may frame a document, and the document runs sandboxed.
  // An <audio> element asks for byte ranges (206) to stream and seek a recording.
  return answerKeyedFile(req, res, find, attachmentHeaders, (file, r) => attachmentResponse(file, r.headers.range));
}
