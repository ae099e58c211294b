import sharp from 'sharp';
import {
  attachmentKindLabel,
  attachmentMimeOf,
  kindFromName,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENT_PIXELS,
  type AttachmentKind,
  type AttachmentMime,
} from '../../../../shared/attachments';
import { AppError } from '../../../../shared/contract/result';
import { docxProblem } from './docx';
import { startsLikeZip } from './zip';

/**
 * Decides by its bytes what an attached file is, and refuses it unless it is really the kind its
 * name says and one the app accepts (PDF, DOCX, PNG, JPEG). Unlike photos, attachments are kept
 * byte for byte (a CV or a signed letter must stay what the applicant sent), so these checks are
 * the only gate: header and trailer for PDF, the package's table of contents for DOCX, the
 * image decoder's header reading for PNG and JPEG.
 *
 * Choice: a PDF with an /Encrypt dictionary is refused (ATTACHMENT_ENCRYPTED). Reviewers must be
 * able to open every document in the app, now and years later for the audit trail, without a
 * password nobody recorded; the applicant can save an unprotected copy.
 */

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const ascii = (b: Uint8Array, from: number, to: number) => Buffer.from(b.subarray(from, to)).toString('latin1');

/** What the first bytes say; the per-kind checks below have the last word. */
function sniff(bytes: Uint8Array): AttachmentKind | 'ole' | null {
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (startsLikeZip(bytes)) return 'docx';
  // An OLE compound file: a Word 97-2003 .doc, or any Office file protected with a password.
  if (bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b)) return 'ole';
  return null;
}

const typeError = (message: string, details: Record<string, unknown>) => new AppError('ATTACHMENT_TYPE', message, undefined, details);

function pdfProblem(bytes: Uint8Array): 'damaged' | 'encrypted' | null {
  if (!/^%PDF-[12]\.\d/.test(ascii(bytes, 0, 8))) return 'damaged';
  // %%EOF ends the file, give or take line ends and the stray bytes some writers append.
  if (!ascii(bytes, Math.max(0, bytes.length - 1024), bytes.length).includes('%%EOF')) return 'damaged';
  // /Encrypt names the encryption dictionary in the trailer or in an (uncompressed) xref stream's dictionary.
  if (/\/Encrypt[\s/<\d]/.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'))) return 'encrypted';
  return null;
}

async function imageProblem(bytes: Uint8Array, kind: 'png' | 'jpeg'): Promise<'damaged' | 'too_many_pixels' | null> {
  try {
    const meta = await sharp(bytes, { failOn: 'error', limitInputPixels: false }).metadata();
    if (meta.format !== kind || !meta.width || !meta.height) return 'damaged';
    return meta.width * meta.height > MAX_ATTACHMENT_PIXELS ? 'too_many_pixels' : null;
  } catch {
    return 'damaged';
  }
}

/** The kind and type of `bytes` named `name`, or an AppError (ATTACHMENT_TOO_LARGE, ATTACHMENT_TYPE, ATTACHMENT_ENCRYPTED). */
export async function checkAttachment(name: string, bytes: Uint8Array): Promise<{ kind: AttachmentKind; mime: AttachmentMime }> {
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      'ATTACHMENT_TOO_LARGE',
      `The file ${name} is ${mb(bytes.length)}; the limit is ${mb(MAX_ATTACHMENT_BYTES)}. Attach a smaller file (for a scan, a lower resolution or fewer pages).`,
      undefined,
      { bytes: bytes.length, limit: MAX_ATTACHMENT_BYTES },
    );
  }
  const claimed = kindFromName(name);
  if (!claimed) {
    throw typeError(`The file ${name} cannot be attached: only PDF, Word (DOCX), PNG and JPEG files can. Save it in one of those formats and attach it again.`, { claimed: null });
  }
  const label = attachmentKindLabel[claimed];
  if (bytes.length === 0) throw typeError(`The file ${name} is empty. Attach the ${label} file again.`, { claimed });
  const found = sniff(bytes);
  if (found === 'ole') {
    throw typeError(
      `The file ${name} is an older Word document (.doc) or a password-protected Office file, not a ${label}. Open it in Word, save it as DOCX or PDF without a password, and attach that.`,
      { claimed, found },
    );
  }
  if (found !== claimed) {
    const what = found ? `its contents are a ${attachmentKindLabel[found]} file` : 'its contents are not one';
    throw typeError(`The file ${name} is named as a ${label}, but ${what}. It may be damaged or renamed: attach the real ${label}, or save the file as ${label} again.`, {
      claimed,
      found,
    });
  }
  const problem = found === 'pdf' ? pdfProblem(bytes) : found === 'docx' ? docxProblem(bytes) : await imageProblem(bytes, found);
  if (problem === 'encrypted') {
    throw new AppError('ATTACHMENT_ENCRYPTED', `The PDF ${name} is protected with a password or encryption, so reviewers could not open it. Save or print it as an unprotected PDF and attach that.`, undefined, {
      claimed,
    });
  }
  if (problem === 'too_many_pixels') {
    throw new AppError('ATTACHMENT_TOO_LARGE', `The image ${name} has more than ${MAX_ATTACHMENT_PIXELS / 1_000_000} megapixels. Reduce its size and attach it again.`, undefined, {
      limit: MAX_ATTACHMENT_PIXELS,
    });
  }
  if (problem === 'macros') {
    throw typeError(`The file ${name} is a Word document with macros, which the app does not accept. Save it as a plain Word document (DOCX) or PDF and attach that.`, {
      claimed,
      problem,
    });
  }
  if (problem) {
    throw typeError(`The file ${name} is named as a ${label}, but it is damaged or not a complete ${label}. Open it, save it as ${label} again, and attach the new file.`, {
      claimed,
      problem,
    });
  }
  return { kind: found, mime: attachmentMimeOf[found] };
}
