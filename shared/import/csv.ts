import Papa from 'papaparse';
import { AppError } from '../contract/result';
import { decodeText, looksBinary } from './decode';
import { checkCellLength, tableFromRows } from './sheet';
import type { ImportRow, ImportTable } from './table';

/**
 * A CSV sheet from its bytes: decoded (decode.ts), refused if it is not text, parsed by
 * papaparse with the delimiter guessed from the header (Excel in an Indonesian or Vietnamese locale writes ";").
 * A CSV holds values only (Excel writes a formula's result), so a cell starting with "=" was typed
 * as a formula by hand or planted: it is kept apart as a formula, and the preview names it as its
 * row's problem, as for an XLSX formula. "+", "-" and "@" starts stay text ("+62 21 …" is a phone).
 */
/**
 * The delimiter the header row uses most (outside quotes): ",", ";", tab or "|". Judged on the
 * header alone, because data rows may be ragged or empty, which misleads a guess over all rows.
 */
export function guessDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
  let quoted = false;
  for (const ch of text.replace(/^[\r\n]+/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export function readCsv(bytes: Uint8Array): ImportTable {
  const { text, encoding } = decodeText(bytes);
  if (looksBinary(text)) {
    throw new AppError(
      'IMPORT_UNREADABLE',
      'This file is not a text sheet: it holds binary data. Nothing was imported. Open it in Excel or LibreOffice, save it as CSV (UTF-8) or XLSX, and import that.',
      undefined,
      { reason: 'binary' },
    );
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: guessDelimiter(text) });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    const row = (broken.row ?? 0) + 1;
    throw new AppError(
      'IMPORT_UNREADABLE',
      `Row ${row} opens a quotation mark (") that is never closed, so the rows after it cannot be told apart. Nothing was imported. Fix the quotes in that row and import again.`,
      undefined,
      { reason: 'quotes', row },
    );
  }
  const rows: ImportRow[] = parsed.data.map((cells, i) => {
    cells.forEach((cell, c) => checkCellLength(cell, i + 1, c));
    return { number: i + 1, cells: cells.map((cell) => (cell.trimStart().startsWith('=') ? { formula: cell.trimStart().slice(1) } : cell)) };
  });
  return tableFromRows({ format: 'csv', encoding, sheetName: null }, rows);
}
