import { AppError } from '../contract/result';
import { MAX_IMPORT_CELL_CHARS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from './limits';
import { suggestMapping } from './mapping';
import { cellText, columnLetter, isEmptyRow, type ImportCell, type ImportRow, type ImportTable } from './table';

/**
 * Shapes the rows a reader found (CSV or XLSX) into an ImportTable, enforcing the limits the
 * same way for both: the header is the first of the first rows in which the app recognises at
 * least two column names (a title such as "Applicants from BKN, October 2026" often sits above
 * it), or else the first non-empty row; rows above the header are not data. More columns, rows or characters
 * than allowed refuse the whole file (nothing is previewed, nothing written).
 */

/** How many non-empty rows from the top may hold the header. */
const HEADER_SEARCH_ROWS = 10;

export function checkCellLength(cell: ImportCell, row: number, column: number): void {
  const length = typeof cell === 'string' ? cell.length : cell.formula.length;
  if (length > MAX_IMPORT_CELL_CHARS) {
    throw new AppError(
      'IMPORT_CELL_TOO_LONG',
      `Cell ${columnLetter(column)}${row} holds ${length.toLocaleString('en')} characters; a cell may hold at most ${MAX_IMPORT_CELL_CHARS.toLocaleString('en')}. Nothing was imported. Shorten that cell and import the file again.`,
      undefined,
      { row, column: columnLetter(column), length, limit: MAX_IMPORT_CELL_CHARS },
    );
  }
}

export function tableFromRows(source: Pick<ImportTable, 'format' | 'encoding' | 'sheetName'>, found: ImportRow[]): ImportTable {
  const nonEmpty = found.filter((r) => !isEmptyRow(r.cells));
  const recognised = nonEmpty.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => suggestMapping(r.cells.map(cellText)).filter(Boolean).length >= 2);
  const headerAt = Math.max(0, recognised);
  const header = nonEmpty[headerAt];
  if (!header) {
    throw new AppError('IMPORT_UNREADABLE', 'The sheet is empty: it has no header row and no data. Nothing was imported. Check that you chose the right file.', undefined, { reason: 'empty' });
  }
  const rows = nonEmpty.slice(headerAt + 1);
  const width = Math.max(...nonEmpty.map((r) => r.cells.length));
  if (width > MAX_IMPORT_COLUMNS) {
    throw new AppError('IMPORT_TOO_LARGE', `The sheet has ${width} columns; an import reads at most ${MAX_IMPORT_COLUMNS}. Nothing was imported. Remove the columns you do not need and import again.`, undefined, {
      what: 'columns',
      count: width,
      limit: MAX_IMPORT_COLUMNS,
    });
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError(
      'IMPORT_TOO_MANY_ROWS',
      `The sheet has ${rows.length.toLocaleString('en')} rows; one import reads at most ${MAX_IMPORT_ROWS.toLocaleString('en')}. Nothing was imported. Split the sheet into smaller files and import each one.`,
      undefined,
      { count: rows.length, limit: MAX_IMPORT_ROWS },
    );
  }
  const headers = Array.from({ length: width }, (_, i) => cellText(header.cells[i]).trim());
  return { ...source, headers, headerRow: header.number, rows: rows.map((r) => ({ number: r.number, cells: cellsOfWidth(r.cells, width) })) };
}

/** A row's cells padded (or cut) to the sheet's width, an empty cell as ''. A loop: this runs for every row of a sheet. */
function cellsOfWidth(cells: ImportRow['cells'], width: number): ImportRow['cells'] {
  const out: ImportRow['cells'] = [];
  for (let i = 0; i < width; i++) out.push(cells[i] ?? '');
  return out;
}
