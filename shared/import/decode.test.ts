import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, detectEncoding, looksBinary } from './decode';

/** Windows-1252 bytes for text that fits it: Latin-1 where they agree, the table for € ’ “ ” – —. */
function encode1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, 'Š': 0x8a, 'š': 0x9a };
  return Uint8Array.from([...text].map((c) => high[c] ?? (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f)));
}
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

describe('decodeText', () => {
  const sample = 'Nama depan;Negara\nJosé Ramos-Horta;Timor-Leste\nÑuñez “Ana” – €5’s;Filipina\n';

  it('reads Windows-1252 (no BOM, not valid UTF-8), including the characters Latin-1 lacks', () => {
    const { text, encoding } = decodeText(encode1252(sample));
    expect(encoding).toBe('windows-1252');
    expect(text).toBe(sample);
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x92, 0xe9, 0x81]))).toBe('€’é\u0081');
  });

  it('reads UTF-8 with and without a BOM, and drops the BOM', () => {
    const thai = 'ชื่อ,ประเทศ\nสมชาย,ไทย\nNguyễn Văn An,Việt Nam\n';
    expect(decodeText(Buffer.from(thai, 'utf8'))).toEqual({ text: thai, encoding: 'utf-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(thai, 'utf8')]))).toEqual({ text: thai, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE by their BOM (Excel\u2019s "Unicode text")', () => {
    const thai = 'ชื่อ\tประเทศ\nสมชาย\tไทย\n';
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(thai, 'utf16le')]))).toEqual({ text: thai, encoding: 'utf-16le' });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(thai)]))).toEqual({ text: thai, encoding: 'utf-16be' });
  });

  it('reads back sheets of names and words that Windows-1252 can hold, whichever of the two byte forms they are in', () => {
    // Known limit of the rule: a letter such as Ç directly followed by € is also valid UTF-8 (C7 80), and is read as
    // such; in names and sentences an accented letter is followed by a letter, a space or punctuation below 0x80.
    const words = fc.constantFrom('José', 'Ramos-Horta', 'Ñuñez', 'façade', '€5', '“Ana”', 'it’s', '—', 'Müller', 'x', '12');
    const sheet = fc.array(fc.tuple(words, fc.constantFrom(' ', ',', ';', '\n')), { maxLength: 30 }).map((parts) => parts.map(([w, sep]) => w + sep).join(''));
    fc.assert(
      fc.property(sheet, (s) => {
        expect(decodeText(encode1252(s)).text).toBe(s);
        expect(decodeText(Buffer.from(s, 'utf8')).text).toBe(s);
      }),
    );
  });

  it('says which encoding a BOM or the bytes announce', () => {
    expect(detectEncoding(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(Uint8Array.from([0x41, 0xe9, 0x42]))).toEqual({ encoding: 'windows-1252', bomLength: 0 });
    expect(detectEncoding(Uint8Array.from([0x41, 0xc3, 0xa9]))).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });
});

describe('looksBinary', () => {
  it('tells binary data from typed text', () => {
    let seed = 7;
    const garbage = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    expect(looksBinary(decodeText(garbage).text)).toBe(true);
    expect(looksBinary('a,b\n1,\u0000\n')).toBe(true);
    expect(looksBinary('Given name,Country\nJosé,TL\n\tindented,\r\n')).toBe(false);
  });
});
