import { describe, expect, it } from 'vitest';
import { buildZip } from './testing';
import { inflateEntry, InflateLimitError, isUnsafeEntryName, readCentralDirectory, ZipError } from './zip';

const problem = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    if (error instanceof ZipError) return error.problem;
    if (error instanceof InflateLimitError) return 'limit';
    throw error;
  }
  return null;
};

describe('readCentralDirectory', () => {
  const zip = buildZip([
    { name: 'a.txt', data: Buffer.from('hello hello hello') },
    { name: 'dir/b.bin', data: Buffer.alloc(100, 7), method: 0 },
  ]);

  it('lists the entries with their declared sizes, and inflates one on request', () => {
    const entries = readCentralDirectory(zip, 10);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['a.txt', 8, 17],
      ['dir/b.bin', 0, 100],
    ]);
    expect(inflateEntry(zip, entries[0]!, 1000).toString()).toBe('hello hello hello');
    expect(inflateEntry(zip, entries[1]!, 1000)).toEqual(Buffer.alloc(100, 7));
    expect(problem(() => inflateEntry(zip, entries[1]!, 99))).toBe('limit');
  });

  it('refuses what is not a ZIP, a cut archive, too many entries, ZIP64 and split archives', () => {
    expect(problem(() => readCentralDirectory(Buffer.from('not a zip at all, just text'), 10))).toBe('not_zip');
    expect(problem(() => readCentralDirectory(zip.subarray(0, zip.length - 10), 10))).toBe('damaged');
    expect(problem(() => readCentralDirectory(zip, 1))).toBe('too_many_entries');
    const zip64 = Buffer.from(zip);
    zip64.writeUInt32LE(0xffffffff, zip64.length - 22 + 16);
    expect(problem(() => readCentralDirectory(zip64, 10))).toBe('zip64');
    const split = Buffer.from(zip);
    split.writeUInt16LE(1, split.length - 22 + 4);
    expect(problem(() => readCentralDirectory(split, 10))).toBe('multi_disk');
  });

  it('refuses entries that lie about their size and names meant to escape a folder', () => {
    const liar = buildZip([{ name: 'x.xml', data: Buffer.alloc(10_000), declaredSize: 10 }]);
    expect(problem(() => inflateEntry(liar, readCentralDirectory(liar, 10)[0]!, 1_000_000))).toBe('size_mismatch');
    for (const name of ['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\\b', '']) expect(isUnsafeEntryName(name), name).toBe(true);
    for (const name of ['word/document.xml', '[Content_Types].xml', 'a..b/c', 'xl/_rels/workbook.xml.rels']) expect(isUnsafeEntryName(name), name).toBe(false);
    expect(problem(() => readCentralDirectory(buildZip([{ name: '../evil', data: Buffer.from('x') }]), 10))).toBe('unsafe_name');
    expect(problem(() => readCentralDirectory(buildZip([{ name: 'a', data: Buffer.from('x') }, { name: 'a', data: Buffer.from('y') }]), 10))).toBe('duplicate_name');
  });
});
