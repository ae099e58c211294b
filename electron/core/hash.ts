import * as crypto from 'node:crypto';
import { useSha256Hex } from '../../shared/hash';

/**
 * Node's SHA-256 for shared code's hashing (shared/hash.ts); installed when the core is loaded
 * (app.ts). crypto.hash (Node 20.12 and later, Electron's included) is the one-shot form: no Hash
 * object per call, about half the time for the short texts hashed here (an import hashes each
 * row's key and event); createHash where it is missing. Both hash the text's UTF-8 bytes.
 */
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : null;

export const nodeSha256Hex = oneShot
  ? (text: string): string => oneShot('sha256', text, 'hex')
  : (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

export function installNodeHashing(): void {
  useSha256Hex(nodeSha256Hex);
}
