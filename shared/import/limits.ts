/**
 * Limits of one bulk import, checked before and while a file is read, so a hostile or mistaken
 * file (a database dump, a zip bomb, a sheet of a million rows) is refused with a clear error
 * instead of filling memory. The largest real sheet from a focal point is a few hundred rows.
 */

/** Largest file accepted, in bytes, before anything reads it. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Most data rows (not counting the header and empty rows) in one file. */
export const MAX_IMPORT_ROWS = 20_000;
/** Most columns in the header row. */
export const MAX_IMPORT_COLUMNS = 200;
/** Longest cell, in characters: Excel's own limit, so more can only come from a crafted file. */
export const MAX_IMPORT_CELL_CHARS = 32_767;
/** Most bytes all the parts of an XLSX may unpack to, checked with a capped inflate before the workbook is parsed. */
export const MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Most parts an XLSX package may list; a workbook with one sheet has about a dozen. */
export const MAX_XLSX_ENTRIES = 1_000;
