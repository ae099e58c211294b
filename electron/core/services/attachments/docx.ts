import { MAX_DOCX_ENTRIES } from '../../../../shared/attachments';
import { inflateEntry, InflateLimitError, readCentralDirectory, ZipError, type ZipEntry } from './zip';

/**
 * Whether a ZIP archive is a Word document (DOCX) the reviewers can open safely. Only the central
 * directory is read, plus [Content_Types].xml (capped at CONTENT_TYPES_CAP), which says what the
 * package is: a macro-enabled document (DOCM) renamed .docx, a workbook or a presentation is
 * refused. Nothing else is unpacked, so a zip bomb costs at most the cap.
 */

export type DocxProblem = 'not_docx' | 'macros' | 'hostile';

const CONTENT_TYPES = '[Content_Types].xml';
const MAIN_PART = 'word/document.xml';
const CONTENT_TYPES_CAP = 256 * 1024;
/** What all entries may declare unpacked: a 10 MB document that claims more is a bomb for whoever opens it. */
const MAX_DECLARED_UNPACKED = 200 * 1024 * 1024;
const MAIN_DOCUMENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

export function docxProblem(bytes: Uint8Array): DocxProblem | null {
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(bytes, MAX_DOCX_ENTRIES);
  } catch (error) {
    if (error instanceof ZipError && (error.problem === 'unsafe_name' || error.problem === 'too_many_entries' || error.problem === 'duplicate_name')) return 'hostile';
    return 'not_docx';
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const types = byName.get(CONTENT_TYPES);
  if (!types || !byName.has(MAIN_PART)) return 'not_docx';
  if (entries.some((e) => e.encrypted)) return 'not_docx';
  if (entries.reduce((sum, e) => sum + e.size, 0) > MAX_DECLARED_UNPACKED) return 'hostile';
  if (entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name))) return 'macros';
  let xml: string;
  try {
    xml = inflateEntry(bytes, types, CONTENT_TYPES_CAP).toString('utf8');
  } catch (error) {
    return error instanceof InflateLimitError || (error instanceof ZipError && error.problem === 'size_mismatch') ? 'hostile' : 'not_docx';
  }
  if (/macroEnabled/i.test(xml)) return 'macros';
  return xml.includes(MAIN_DOCUMENT_TYPE) ? null : 'not_docx';
}
