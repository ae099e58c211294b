/** Two hex digits per byte value, worked out once. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/**
 * Random bytes drawn from Web Crypto 4 KiB at a time: one call per 409 ids instead of one per
 * id (a bulk import mints two ids per row). Each byte is used once.
 */
const pool = new Uint8Array(4096);
let used = pool.length;

/**
 * UUIDv7 ids: any node can mint them offline, and they sort by creation time, which keeps
 * B-tree inserts local. Uses Web Crypto, present in browsers and in Node 20.
 */
export function uuidv7(now: number = Date.now()): string {
  if (used + 10 > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    used = 0;
  }
  const r = used;
  used += 10;
  // 48 bits of milliseconds, then version 7 and 74 random bits with the variant's two.
  let ms = now;
  let time = '';
  for (let i = 0; i < 6; i++) {
    time = HEX[ms % 256]! + time;
    ms = Math.floor(ms / 256);
  }
  const b = (i: number) => HEX[pool[r + i]!]!;
  return `${time.slice(0, 8)}-${time.slice(8)}-${HEX[0x70 | (pool[r]! & 0x0f)]}${b(1)}-${HEX[0x80 | (pool[r + 2]! & 0x3f)]}${b(3)}-${b(4)}${b(5)}${b(6)}${b(7)}${b(8)}${b(9)}`;
}
