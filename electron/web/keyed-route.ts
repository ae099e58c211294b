import { createHmac } from 'node:crypto';

/**
 * A per-launch route key, HMAC-SHA256(token, context) in base64url: the credential of a URL an
 * <img> or <iframe> loads without the Authorization header (photos.ts, attachments.ts). It opens
 * that route only, until the app restarts, and cannot be turned back into the token;
 * renderer/src/api/token.ts computes the same value.
 */
export function routeKey(token: string, context: string): string {
  return createHmac('sha256', token).update(context).digest('base64url');
}
