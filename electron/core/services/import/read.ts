import { AppError } from '../../../../shared/contract/result';
import { readCsv } from '../../../../shared/import/csv';
import { MAX_IMPORT_BYTES } from '../../../../shared/import/limits';
import type { ImportTable } from '../../../../shared/import/table';
import { startsLikeZip } from '../attachments/zip';
import { readXlsx } from './xlsx';

/**
 * A sheet file from a focal point, read by what its bytes are (not by its name, which is often
 * wrong: a ".csv" saved as a workbook, a ".xls" that is really CSV): a ZIP is an XLSX, an OLE
 * compound file is an old Excel 97-2003 workbook (refused with what to do), anything else is
 * CSV text. Limits (shared/import/limits) refuse the whole file; nothing is written either way.
 */
export async function readImportFile(bytes: Uint8Array): Promise<ImportTable> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError(
      'IMPORT_TOO_LARGE',
      `The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; an import reads at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was imported. Split the sheet into smaller files and import each one.`,
      undefined,
      { what: 'bytes', bytes: bytes.length, limit: MAX_IMPORT_BYTES },
    );
  }
  if (bytes.length === 0) throw new AppError('IMPORT_UNREADABLE', 'The file is empty. Nothing was imported. Check that you chose the right file.', undefined, { reason: 'empty' });
  if (startsLikeZip(bytes)) return readXlsx(bytes);
  if ([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b)) {
    throw new AppError(
      'IMPORT_UNREADABLE',
      'This is an older Excel workbook (.xls) or a password-protected file, which the import cannot read. Nothing was imported. Open it in Excel, save it as XLSX (without a password) or CSV, and import that.',
      undefined,
      { reason: 'xls' },
    );
  }
  return readCsv(bytes);
}
