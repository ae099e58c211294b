/** Two hex digits per byte value, worked out once. */
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
/**
 * Random bytes drawn from Web Crypto 4 KiB at a time: one call per 409 ids instead of one per
 * id (a bulk import mints two ids per row). Each byte is used once.
 */
const pool = new Uint8Array(4096);
let used = pool.length;

/** The last millisecond an id was minted in, and the 12-bit counter within it (RFC 9562, method 1). */
let lastMs = -1;
let counter = 0;
/** How far back a clock may step and still count on in the last millisecond (a counter run out moves it on). */
const SETTLE_MS = 1000;

/**
 * UUIDv7 ids: any node can mint them offline, and they sort by creation time, which keeps
 * B-tree inserts local. Uses Web Crypto, present in browsers and in Node 20.
 *
 * Ids minted in the same millisecond still sort in the order they were made: the 12 bits after
 * the version are a counter that starts at a random value below 2^11 each new millisecond and
 * counts up within it (when it runs out, the millisecond moves on by one). A clock that steps
 * back by up to a second counts on where it was; one corrected by more starts afresh at the
 * earlier time, so it never keeps stamping ids far in the future.
 */
export function uuidv7(now: number = Date.now()): string {
  if (used + 10 > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    used = 0;
  }
  const r = used;
  used += 10;
  if (now <= lastMs && lastMs - now <= SETTLE_MS) {
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = ((pool[r]! & 0x07) << 8) | pool[r + 1]!;
    }
  } else {
    lastMs = now;
    counter = ((pool[r]! & 0x07) << 8) | pool[r + 1]!;
  }
  // 48 bits of milliseconds, then version 7 with the counter, then the variant's two bits and 62 random bits.
  let ms = lastMs;
  let time = '';
  for (let i = 0; i < 6; i++) {
    time = HEX[ms % 256]! + time;
    ms = Math.floor(ms / 256);
  }
  const b = (i: number) => HEX[pool[r + i]!]!;
  return `${time.slice(0, 8)}-${time.slice(8)}-${HEX[0x70 | (counter >> 8)]}${HEX[counter & 0xff]}-${HEX[0x80 | (pool[r + 2]! & 0x3f)]}${b(3)}-${b(4)}${b(5)}${b(6)}${b(7)}${b(8)}${b(9)}`;
}
