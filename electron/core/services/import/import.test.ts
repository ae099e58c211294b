import { createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract/result';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../../shared/import/limits';
import { buildZip } from '../attachments/testing';
import { startsLikeZip } from '../attachments/zip';
import { previewImportFile } from './preview';
import { readImportFile } from './read';

/** Windows-1252 bytes of text that fits it (Latin-1 where the two agree, plus ’ and –). */
const cp1252 = (text: string) => Buffer.from([...text].map((c) => ({ '’': 0x92, '–': 0x96 })[c] ?? c.charCodeAt(0)));
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

async function refusal(read: () => Promise<unknown>): Promise<AppError> {
  const error = await read().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function workbook(fill: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('Pelamar'), book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** `size` bytes of zeros, deflated as a stream (so the test never holds them): a zip bomb's payload. */
async function deflatedZeros(size: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let left = size; left > 0; left -= chunk.length) {
    if (!deflate.write(chunk.subarray(0, Math.min(chunk.length, left)))) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

describe('reading sheets in the encodings focal points send', () => {
  it('a CSV saved by Excel on Windows in Windows-1252, with ";" as delimiter', async () => {
    const file = cp1252('Nama depan;Nama keluarga;Surel;Negara;Instansi;Jenis pelamar\nJosé;Ramos-Horta;jose@gov.tl;Timor-Leste;Ministério da Administração Estatal;Praktisi\nÑora;Peña;nora@csc.gov.ph;Filipina;Civil Service Commission – Region I’s office;akademisi\n');
    const preview = await previewImportFile(file);
    expect(preview.encoding).toBe('windows-1252');
    expect(preview.summary).toEqual({ rows: 2, new: 2, alreadyImported: 0, withProblems: 0, problems: 0 });
    expect(preview.rows.map((r) => r.application?.applicantType)).toEqual(['practitioner', 'academic']);
    expect(preview.rows.map((r) => r.profile)).toMatchObject([
      { givenName: 'José', familyName: 'Ramos-Horta', country: 'TL', agency: 'Ministério da Administração Estatal' },
      { givenName: 'Ñora', familyName: 'Peña', country: 'PH', agency: 'Civil Service Commission – Region I’s office' },
    ]);
  });

  it('a UTF-16 LE tab-separated sheet (Excel\u2019s "Unicode text") with Thai names, and the same in UTF-16 BE', async () => {
    const text = 'Given name\tFamily name\tCountry\tAgency\r\nสมชาย\tใจดี\tThailand\tสำนักงาน ก.พ.\r\nสุดา\tศรีสุข\tTH\tOCSC\r\n';
    for (const [bytes, encoding] of [
      [utf16le(text), 'utf-16le'],
      [utf16be(text), 'utf-16be'],
    ] as const) {
      const preview = await previewImportFile(bytes, { applicantType: 'academic' });
      expect(preview.encoding).toBe(encoding);
      expect(preview.rows.map((r) => r.profile && [r.profile.givenName, r.profile.familyName, r.profile.country, r.profile.agency])).toEqual([
        ['สมชาย', 'ใจดี', 'TH', 'สำนักงาน ก.พ.'],
        ['สุดา', 'ศรีสุข', 'TH', 'OCSC'],
      ]);
    }
  });

  it('a UTF-8 CSV with a BOM, whose first header is not spoilt by it', async () => {
    const preview = await previewImportFile(Buffer.from('\ufeffGiven name,Country,E-mail\nNguyễn Văn An,Viet Nam,an@moha.gov.vn\n', 'utf8'), { applicantType: 'both' });
    expect(preview.mapping).toEqual(['givenName', 'country', 'email']);
    expect(preview.rows[0]!.profile).toMatchObject({ givenName: 'Nguyễn Văn An', country: 'VN' });
  });

  it('an XLSX with a title above the header: the header is the first row the app recognises, rows numbered as the sheet shows them', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['Daftar pelamar dari BKN, Oktober 2026']);
      sheet.addRow([]);
      sheet.addRow(['Nama depan', 'Nama keluarga', 'Surel', 'Negara']);
      sheet.addRow(['Dewi', 'Lestari', 'dewi@bkn.go.id', 'Indonesia']);
    });
    const preview = await previewImportFile(bytes, { applicantType: 'practitioner' });
    expect(preview).toMatchObject({ format: 'xlsx', sheetName: 'Pelamar', headers: ['Nama depan', 'Nama keluarga', 'Surel', 'Negara'] });
    expect(preview.rows.map((r) => [r.row, r.status])).toEqual([[4, 'new']]);
  });

  it('an XLSX with the header on row 1: values read, the formula cell named as its row\u2019s problem', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['Nama depan', 'Nama keluarga', 'Surel', 'Negara', 'Lama pengalaman', 'Keahlian']);
      sheet.addRow(['Siti', { richText: [{ text: 'Ra' }, { text: 'hayu', font: { bold: true } }] }, { text: 'siti@bkn.go.id', hyperlink: 'mailto:siti@bkn.go.id' }, 'ID', 15, 'Manajemen talenta']);
      sheet.addRow([]);
      sheet.addRow(['Budi', 'Santoso', { formula: 'CONCATENATE("budi","@bkn.go.id")', result: 'budi@bkn.go.id' }, 'ID', 9, '']);
    });
    const preview = await previewImportFile(bytes, { applicantType: 'practitioner' });
    expect(preview.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'new'],
      [4, 'problems'],
    ]);
    expect(preview.rows[0]!.profile).toMatchObject({ givenName: 'Siti', familyName: 'Rahayu', email: 'siti@bkn.go.id', country: 'ID', yearsExperience: 15, expertise: ['Manajemen talenta'] });
    expect(preview.rows[1]!.problems).toMatchObject([{ code: 'FORMULA', row: 4, column: 'C (Surel)', field: 'email' }]);
  });
});

describe('importing the same file twice adds nothing', () => {
  it('the second dry run finds every row already imported, for CSV and XLSX alike', async () => {
    const rows = [
      ['Given name', 'Family name', 'E-mail', 'Country'],
      ['Maria', 'Santos', 'maria@csc.gov.ph', 'PH'],
      ['Aung', 'Ko', '', 'Myanmar'],
    ];
    const files = [Buffer.from(rows.map((r) => r.join(',')).join('\r\n'), 'utf8'), await workbook((sheet) => rows.forEach((r) => sheet.addRow(r)))];
    for (const file of files) {
      const first = await previewImportFile(file, { applicantType: 'practitioner' });
      expect(first.summary).toMatchObject({ rows: 2, new: 2 });
      const imported = new Set(first.rows.map((r) => r.importKey));
      const second = await previewImportFile(file, { existingKeys: imported, applicantType: 'practitioner' });
      expect(second.summary).toEqual({ rows: 2, new: 0, alreadyImported: 2, withProblems: 0, problems: 0 });
      expect(second.rows.every((r) => r.profile === null)).toBe(true);
    }
    // The two formats of one sheet give the same keys: a focal point may send the CSV after the XLSX.
    const [csv, xlsx] = await Promise.all(files.map((f) => previewImportFile(f)));
    expect(csv!.rows.map((r) => r.importKey)).toEqual(xlsx!.rows.map((r) => r.importKey));
  });
});

describe('hostile or mistaken files are refused whole, with a code and a sentence', () => {
  it('a 50 MB file, before anything reads it', async () => {
    const error = await refusal(() => readImportFile(Buffer.alloc(50 * 1024 * 1024, 0x41)));
    expect(error.code).toBe('IMPORT_TOO_LARGE');
    expect(error.message).toBe('The file is 50.0 MB; an import reads at most 20 MB. Nothing was imported. Split the sheet into smaller files and import each one.');
  });

  it('binary garbage, an empty file, an old .xls, a ZIP that is not a workbook', async () => {
    let seed = 11;
    const garbage = Buffer.from(Array.from({ length: 64 * 1024 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff));
    expect((await refusal(() => readImportFile(garbage))).details).toEqual({ reason: 'binary' });
    expect((await refusal(() => readImportFile(Buffer.alloc(0)))).details).toEqual({ reason: 'empty' });
    expect((await refusal(() => readImportFile(Buffer.from('\n\n ,, \n', 'utf8')))).details).toEqual({ reason: 'empty' });
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    const old = await refusal(() => readImportFile(xls));
    expect(old.code).toBe('IMPORT_UNREADABLE');
    expect(old.message).toContain('save it as XLSX (without a password) or CSV');
    const docx = buildZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]);
    expect((await refusal(() => readImportFile(docx))).details).toEqual({ reason: 'not_xlsx' });
    const truncated = (await workbook((s) => s.addRow(['Given name']))).subarray(0, 300);
    expect((await refusal(() => readImportFile(truncated))).details).toEqual({ reason: 'zip' });
  });

  it('a CSV quote that never closes', async () => {
    const error = await refusal(() => readImportFile(Buffer.from('Given name,Country\n"Ana,TL\nBudi,ID\n')));
    expect(error).toMatchObject({ code: 'IMPORT_UNREADABLE', details: { reason: 'quotes' } });
  });

  it('a huge cell, in a CSV or an XLSX, naming the cell', async () => {
    const csv = await refusal(() => readImportFile(Buffer.from(`Given name,Career summary\nAna,${'x'.repeat(40_000)}\n`)));
    expect(csv).toMatchObject({ code: 'IMPORT_CELL_TOO_LONG', details: { row: 2, column: 'B', length: 40_000 } });
    expect(csv.message).toContain('Cell B2 holds 40,000 characters');
    const xlsx = await workbook((s) => {
      s.addRow(['Given name', 'Career summary']);
      s.addRow(['Ana', 'y'.repeat(33_000)]);
    });
    expect(await refusal(() => readImportFile(xlsx))).toMatchObject({ code: 'IMPORT_CELL_TOO_LONG', details: { row: 2, column: 'B' } });
  });

  it(`more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows, in a CSV or an XLSX`, async () => {
    const lines = ['Given name,Country', ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `Person ${i},ID`)];
    expect(await refusal(() => readImportFile(Buffer.from(lines.join('\n'))))).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', details: { count: MAX_IMPORT_ROWS + 1 } });
    const xlsx = await workbook((s) => lines.forEach((l) => s.addRow(l.split(','))));
    expect(await refusal(() => readImportFile(xlsx))).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', details: { count: MAX_IMPORT_ROWS + 1 } });
    // A sheet of 100,001 (empty) rows is refused from its XML, before exceljs builds it in memory.
    const huge = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData>${'<row/>'.repeat(5 * MAX_IMPORT_ROWS + 1)}</sheetData></worksheet>`) },
    ]);
    expect(await refusal(() => readImportFile(huge))).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', details: { count: 5 * MAX_IMPORT_ROWS + 1 } });
    // Exactly the limit is read.
    expect((await readImportFile(Buffer.from(lines.slice(0, -1).join('\n')))).rows).toHaveLength(MAX_IMPORT_ROWS);
  });

  it('an XLSX zip bomb (a sheet unpacking to 300 MB), and one whose part lies about its size, refused at the cap or at the lie', async () => {
    const payload = await deflatedZeros(300 * 1024 * 1024);
    const entries = [
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    ];
    const honest = buildZipWithRaw(entries, { name: 'xl/worksheets/sheet1.xml', deflated: payload, size: 300 * 1024 * 1024 });
    const liar = buildZipWithRaw(entries, { name: 'xl/worksheets/sheet1.xml', deflated: payload, size: 2048 });
    for (const [file, code, reason] of [
      [honest, 'IMPORT_TOO_LARGE', undefined],
      [liar, 'IMPORT_UNREADABLE', 'size_mismatch'],
    ] as const) {
      expect(file.length).toBeLessThan(MAX_IMPORT_BYTES);
      expect(startsLikeZip(file)).toBe(true);
      const error = await refusal(() => readImportFile(file));
      expect(error.code).toBe(code);
      if (reason) expect(error.details).toEqual({ reason });
      else expect(error.message).toContain('unpacks to more than 200 MB');
    }
  });
});

/** A ZIP whose last entry is given as already-deflated bytes with a chosen declared size (buildZip deflates for itself). */
function buildZipWithRaw(entries: { name: string; data: Buffer }[], raw: { name: string; deflated: Buffer; size: number }): Buffer {
  const base = buildZip([...entries, { name: raw.name, data: raw.deflated, method: 0, declaredSize: raw.size }]);
  // Mark the last entry as deflated (method 8) in its local header and central directory record: its bytes already are.
  const nameBytes = Buffer.from(raw.name);
  const local = base.indexOf(Buffer.concat([nameBytes, raw.deflated.subarray(0, 16)])) - 30;
  base.writeUInt16LE(8, local + 8);
  const central = base.lastIndexOf(nameBytes) - 46;
  base.writeUInt16LE(8, central + 10);
  return base;
}
