import ExcelJS from 'exceljs';
import { AppError } from '../../../../shared/contract/result';
import { MAX_IMPORT_ROWS, MAX_XLSX_ENTRIES, MAX_XLSX_UNPACKED_BYTES } from '../../../../shared/import/limits';
import { checkCellLength, tableFromRows } from '../../../../shared/import/sheet';
import type { ImportCell, ImportRow, ImportTable } from '../../../../shared/import/table';
import { inflateEntry, InflateLimitError, readCentralDirectory, ZipError, type ZipEntry } from '../attachments/zip';

/**
 * An XLSX sheet from its bytes. exceljs unpacks the whole package in memory, so before it runs
 * the package is checked from its central directory (no path tricks, a bounded number of parts)
 * and every part is inflated once, never past its declared size, with a cap on the declared total
 * (attachments/zip.ts): a zip bomb is refused unread, a part that lies about its size having cost
 * at most what it declared. Only then
 * does exceljs parse it. The first worksheet holding data is read; formulas are kept apart as
 * formulas (never their cached result), so the preview names them as problems.
 */

const unreadable = (message: string, reason: string) => new AppError('IMPORT_UNREADABLE', message, undefined, { reason });

function checkPackage(bytes: Uint8Array): void {
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(bytes, MAX_XLSX_ENTRIES);
  } catch {
    throw unreadable('This file is not a readable Excel workbook (XLSX): it is damaged or not what its name says. Nothing was imported. Open it in Excel or LibreOffice, save it as XLSX again, and import that.', 'zip');
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw unreadable('This file is a ZIP archive but not an Excel workbook (XLSX). Nothing was imported. Choose the sheet itself, saved as XLSX or CSV.', 'not_xlsx');
  }
  let budget = MAX_XLSX_UNPACKED_BYTES;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    try {
      const part = inflateEntry(bytes, entry, budget);
      budget -= part.length;
      if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) checkRowElements(part);
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof InflateLimitError) {
        throw new AppError(
          'IMPORT_TOO_LARGE',
          `This workbook unpacks to more than ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB, far more than any sheet of applicants needs. Nothing was imported. Copy the rows you need into a new workbook and import that.`,
          undefined,
          { what: 'unpacked', limit: MAX_XLSX_UNPACKED_BYTES },
        );
      }
      if (error instanceof ZipError && error.problem === 'size_mismatch') {
        throw unreadable('This Excel workbook (XLSX) is damaged or crafted: a part of it unpacks to more than it declares. Nothing was imported. Open it in Excel or LibreOffice, save it again, and import the new file.', 'size_mismatch');
      }
      throw unreadable('This Excel workbook (XLSX) is damaged: a part of it cannot be unpacked. Nothing was imported. Open it in Excel or LibreOffice, save it again, and import the new file.', 'damaged');
    }
  }
}

/**
 * exceljs builds every sheet of the workbook in memory, so a sheet of a million rows must be
 * refused before it runs: <row> elements are counted in each sheet's XML. The bound is generous
 * (Excel writes a <row> for every formatted empty row too); the exact count is checked on the
 * sheet that is read.
 */
const ROW_ELEMENTS_LIMIT = 5 * MAX_IMPORT_ROWS;
function checkRowElements(xml: Buffer): void {
  let count = 0;
  for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) {
    if (++count > ROW_ELEMENTS_LIMIT) {
      throw new AppError(
        'IMPORT_TOO_MANY_ROWS',
        `A sheet in this workbook has more than ${ROW_ELEMENTS_LIMIT.toLocaleString('en')} rows; one import reads at most ${MAX_IMPORT_ROWS.toLocaleString('en')}. Nothing was imported. Copy the rows you need into a new workbook and import that.`,
        undefined,
        { count, limit: MAX_IMPORT_ROWS },
      );
    }
  }
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The text a person sees in a cell, or the formula a cell holds. */
function cellOf(value: ExcelJS.CellValue): ImportCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return isoDate(value);
  if ('sharedFormula' in value) return { formula: value.formula ?? value.sharedFormula };
  if ('formula' in value) return { formula: value.formula };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    if (text && typeof text === 'object' && 'richText' in text) return (text as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    return String(text ?? value.hyperlink);
  }
  if ('error' in value) return String(value.error);
  return '';
}

export async function readXlsx(bytes: Uint8Array): Promise<ImportTable> {
  checkPackage(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('This Excel workbook (XLSX) could not be read. Nothing was imported. Open it in Excel or LibreOffice, save it again as XLSX or CSV, and import the new file.', 'parse');
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw unreadable('The workbook has no rows on any sheet. Nothing was imported. Check that you chose the right file.', 'empty');
  // Refused before the rows are copied: the header plus the most rows one import reads.
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) {
    throw new AppError(
      'IMPORT_TOO_MANY_ROWS',
      `The sheet has ${(sheet.actualRowCount - 1).toLocaleString('en')} rows; one import reads at most ${MAX_IMPORT_ROWS.toLocaleString('en')}. Nothing was imported. Split the sheet into smaller files and import each one.`,
      undefined,
      { count: sheet.actualRowCount - 1, limit: MAX_IMPORT_ROWS },
    );
  }
  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: ImportCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const value = cellOf(cell.value);
      checkCellLength(value, number, column - 1);
      cells[column - 1] = value;
    });
    rows.push({ number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return tableFromRows({ format: 'xlsx', encoding: null, sheetName: sheet.name }, rows);
}
