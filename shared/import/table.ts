/**
 * A sheet as the reader hands it to the preview: the header row and the data rows, each with the
 * row number the curator sees in their spreadsheet program (the header is usually row 1). Empty
 * rows are left out but keep their numbers counted, so "row 14" is row 14 in Excel too.
 */

/** A cell's text; a spreadsheet formula is kept apart so it is never taken for a value. */
export type ImportCell = string | { formula: string };

export interface ImportRow {
  /** 1-based, as the sheet shows it. */
  number: number;
  cells: ImportCell[];
}

export interface ImportTable {
  format: 'csv' | 'xlsx';
  /** How a CSV's bytes were read; null for XLSX (always UTF-8 inside). */
  encoding: string | null;
  /** The worksheet read from an XLSX (the first one holding data). */
  sheetName: string | null;
  headers: string[];
  headerRow: number;
  rows: ImportRow[];
}

export const cellText = (cell: ImportCell | undefined): string => (typeof cell === 'string' ? cell : '');

export const isEmptyRow = (cells: readonly ImportCell[]) => cells.every((c) => typeof c === 'string' && c.trim() === '');

/** Column letters as spreadsheets show them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
