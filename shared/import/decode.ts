/**
 * Text of a CSV file in the encoding it was saved in. Focal points save sheets from Excel on
 * Windows (Windows-1252 or UTF-16 "Unicode text"), from LibreOffice or Google Sheets (UTF-8),
 * with or without a byte order mark. The rule, in order: a BOM says the encoding; bytes that are
 * valid UTF-8 are UTF-8 (Windows-1252 text with accents is almost never valid UTF-8); anything
 * else is Windows-1252, which every byte sequence decodes as.
 *
 * Windows-1252 is decoded here with its own table for 0x80-0x9F: Node's TextDecoder treats the
 * 'windows-1252' label as Latin-1 there (0x80 → U+0080 instead of €, 0x92 → U+0092 instead of ’).
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  const { encoding, bomLength } = detect(bytes);
  return { encoding, bomLength };
}

/** detectEncoding, with the text when finding the encoding decoded it already (valid UTF-8 without a BOM). */
function detect(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number; text?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  try {
    // No BOM here (checked above), so this is the text decodeText would decode again.
    return { encoding: 'utf-8', bomLength: 0, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { encoding: 'windows-1252', bomLength: 0 };
  }
}

/** The characters Windows-1252 puts at 0x80-0x9F; the five bytes it leaves undefined map to the C1 control of the same number (as WHATWG does). */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    let s = '';
    for (const b of chunk) s += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    parts.push(s);
  }
  return parts.join('');
}

function decodeUtf16be(bytes: Uint8Array): string {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return new TextDecoder('utf-16le').decode(swapped);
}

/** The text of `bytes` (without its BOM) and the encoding it was read as. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const { encoding, bomLength, text: decoded } = detect(bytes);
  // A sheet in UTF-8 is decoded once, not once to find its encoding and again to read it.
  if (decoded !== undefined) return { text: decoded, encoding };
  const body = bytes.subarray(bomLength);
  const text =
    encoding === 'windows-1252' ? decodeWindows1252(body) : encoding === 'utf-16be' ? decodeUtf16be(body) : new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  return { text, encoding };
}

/**
 * True when decoded text cannot be a sheet typed by a person: it holds NUL characters, or more
 * than one character in a hundred is a control character (other than tab and line ends) or a
 * replacement mark. Binary files decode "successfully" as Windows-1252, so this is what tells
 * them apart.
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\0')) return true;
  // eslint-disable-next-line no-control-regex -- counting control characters is the point.
  const controls = text.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/g)?.length ?? 0;
  return controls * 100 > text.length;
}
