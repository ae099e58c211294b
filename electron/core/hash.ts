import { createHash } from 'node:crypto';
import { useSha256Hex } from '../../shared/hash';

/** Node's SHA-256 for shared code's hashing (shared/hash.ts); installed when the core is loaded (app.ts). */
export const nodeSha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function installNodeHashing(): void {
  useSha256Hex(nodeSha256Hex);
}
