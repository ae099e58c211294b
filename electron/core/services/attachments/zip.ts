import { inflateRawSync } from 'node:zlib';

/**
 * A ZIP archive's table of contents, read from its central directory only, so a DOCX or XLSX
 * can be judged without unpacking it. Nothing here writes a file, so entry names are data, not
 * paths; names that try to leave a folder ("../", "/etc", "C:\") are still reported, because an
 * honest Office file never has them. Inflating is opt-in, per entry, and capped (`inflateEntry`),
 * so a zip bomb costs at most the cap.
 */

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated; anything else is refused by `inflateEntry`. */
  method: number;
  /** As the central directory declares them: a hostile archive may lie, so inflating re-checks. */
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

export type ZipProblem = 'not_zip' | 'damaged' | 'zip64' | 'multi_disk' | 'too_many_entries' | 'unsafe_name' | 'duplicate_name' | 'size_mismatch';

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`ZIP archive refused: ${problem}`);
    this.name = 'ZipError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;

export const startsLikeZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** True for names an extractor could be tricked with; Office files use plain relative names. */
export function isUnsafeEntryName(name: string): boolean {
  return (
    name === '' ||
    name.startsWith('/') ||
    name.includes('\\') ||
    name.includes('\0') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((segment) => segment === '..')
  );
}

/** Lists the entries of the archive in `bytes`, or throws ZipError saying why it cannot be trusted. */
export function readCentralDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!startsLikeZip(bytes) || bytes.length < EOCD_SIZE) throw new ZipError('not_zip');
  // The end record sits in the last 22 bytes plus an optional comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - EOCD_SIZE; i >= Math.max(0, bytes.length - EOCD_SIZE - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('damaged');
  const disk = view.getUint16(end + 4, true);
  const cdDisk = view.getUint16(end + 6, true);
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new ZipError('zip64');
  if (disk !== 0 || cdDisk !== 0 || view.getUint16(end + 8, true) !== count) throw new ZipError('multi_disk');
  if (count > maxEntries) throw new ZipError('too_many_entries');
  if (cdOffset + cdSize > end) throw new ZipError('damaged');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  const utf8 = new TextDecoder('utf-8', { fatal: false });
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw new ZipError('damaged');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > end) throw new ZipError('damaged');
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      encrypted: (flags & 1) === 1,
    };
    if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff) throw new ZipError('zip64');
    if (isUnsafeEntryName(name)) throw new ZipError('unsafe_name');
    if (names.has(name)) throw new ZipError('duplicate_name');
    names.add(name);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Thrown by `inflateEntry` when an entry would unpack to more than the cap it was given. */
export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`A ZIP entry unpacks to more than ${limit} bytes.`);
    this.name = 'InflateLimitError';
  }
}

/**
 * The unpacked bytes of one entry. An entry declaring more than `maxBytes` is refused unread
 * (InflateLimitError); otherwise inflating stops one byte past the declared size (zlib's
 * maxOutputLength), so an entry that lies about its size (the classic bomb) is refused as
 * 'size_mismatch' having cost at most what it declared.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Buffer {
  if (entry.encrypted || (entry.method !== 0 && entry.method !== 8)) throw new ZipError('damaged');
  if (entry.size > maxBytes) throw new InflateLimitError(maxBytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) throw new ZipError('damaged');
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipError('damaged');
  const data = bytes.subarray(start, start + entry.compressedSize);
  let out: Buffer;
  if (entry.method === 0) {
    out = Buffer.from(data);
  } else {
    try {
      out = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    } catch (error) {
      throw new ZipError(error instanceof RangeError ? 'size_mismatch' : 'damaged');
    }
  }
  if (out.length !== entry.size) throw new ZipError('size_mismatch');
  return out;
}
