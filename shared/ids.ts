/** The character codes of the hex digits. */
const HEX_DIGIT = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/**
 * The id's 36 characters, as codes, written in place and made into one string at the end: a
 * bulk import mints two ids per row, and building them from a dozen pieces of text made a
 * dozen short-lived strings each.
 */
const text = new Uint8Array(36);
text[8] = text[13] = text[18] = text[23] = 0x2d; // '-'
const hexByte = (at: number, byte: number) => {
  text[at] = HEX_DIGIT[byte >> 4]!;
  text[at + 1] = HEX_DIGIT[byte & 0x0f]!;
};
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
  // 48 bits of milliseconds (12 hex digits around the first dash), then version 7 with the
  // counter, then the variant's two bits and 62 random bits.
  let ms = lastMs;
  for (let digit = 11; digit >= 0; digit--) {
    const d = ms % 16;
    text[digit < 8 ? digit : digit + 1] = HEX_DIGIT[d]!;
    ms = (ms - d) / 16;
  }
  hexByte(14, 0x70 | (counter >> 8));
  hexByte(16, counter & 0xff);
  hexByte(19, 0x80 | (pool[r + 2]! & 0x3f));
  hexByte(21, pool[r + 3]!);
  for (let i = 4; i < 10; i++) hexByte(24 + 2 * (i - 4), pool[r + i]!);
  return String.fromCharCode.apply(null, text as unknown as number[]);
}
