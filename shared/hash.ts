import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * SHA-256 (hex) of a text's UTF-8 bytes: vetting events' hashes (shared/model/vetting/events.ts)
 * and import keys (shared/import/key.ts). Shared code runs in the renderer too, so it hashes
 * with @noble/hashes (JavaScript) unless the platform gives a native one: the core installs
 * Node's (electron/core/hash.ts), several times faster — a bulk import hashes every row's event
 * and key. Both are SHA-256 of the same bytes (hash.test.ts), so which one ran never shows.
 */
let implementation = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));

export const sha256Hex = (text: string): string => implementation(text);

/** Replaces the implementation: only with one that gives the same digest for every text. */
export function useSha256Hex(fn: (text: string) => string): void {
  implementation = fn;
}
