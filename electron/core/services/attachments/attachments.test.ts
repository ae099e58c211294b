import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachmentRefSchema, cleanAttachmentName, DOCX_MIME, MAX_ATTACHMENT_BYTES, syncedBlobMimes } from '../../../../shared/attachments';
import { AppError } from '../../../../shared/contract/result';
import { openDatabase, type Db } from '../../db/open';
import { putAttachment, readAttachment } from './index';
import { buildZip, DOCX_CONTENT_TYPES, minimalPdf } from './testing';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'curator-attach-'));
  db = openDatabase(join(dir, 'curator.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const stored = () => db.prepare('SELECT COUNT(*) FROM attachments').pluck().get() as number;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Runs `put` and returns its AppError, asserting that nothing reached the store. */
async function refused(put: () => Promise<unknown>): Promise<AppError> {
  const before = stored();
  const error = await put().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(stored()).toBe(before);
  return error as AppError;
}

const png = () => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 30, b: 60 } } }).png().toBuffer();
const jpeg = () => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 20, g: 130, b: 60 } } }).jpeg().toBuffer();
const realDocx = () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Curriculum vitae — José Ramos-Horta')] }] }));
const docxWith = (entries: { name: string; data: string | Buffer }[]) => buildZip(entries.map((e) => ({ name: e.name, data: Buffer.from(e.data) })));

describe('putAttachment accepts real files and keeps their bytes', () => {
  it('stores a PDF by the SHA-256 of its bytes, once however often it is attached', async () => {
    const pdf = minimalPdf();
    const ref = await putAttachment(db, 'Recommendation letter.pdf', pdf);
    expect(ref).toEqual({ hash: sha(pdf), name: 'Recommendation letter.pdf', mime: 'application/pdf', bytes: pdf.length });
    expect(attachmentRefSchema.parse(ref)).toEqual(ref);
    expect(readAttachment(db, ref.hash)).toEqual({ mime: 'application/pdf', bytes: pdf });
    await putAttachment(db, 'copy.pdf', pdf);
    expect(stored()).toBe(1);
  });

  it('accepts a DOCX written by Word-compatible software, a PNG and a JPEG (with .jpg or .jpeg)', async () => {
    const docx = await realDocx();
    expect((await putAttachment(db, 'cv.docx', docx)).mime).toBe(DOCX_MIME);
    const image = await png();
    const ref = await putAttachment(db, 'certificate.PNG', image);
    expect(ref.mime).toBe('image/png');
    // Unlike a photo, an attachment is not re-encoded: the stored bytes are the uploaded ones.
    expect(readAttachment(db, ref.hash)!.bytes.equals(image)).toBe(true);
    expect((await putAttachment(db, 'scan.jpg', await jpeg())).mime).toBe('image/jpeg');
    expect((await putAttachment(db, 'scan.jpeg', await jpeg())).mime).toBe('image/jpeg');
    expect(stored()).toBe(3);
  });

  it('keeps only the last segment of a path as the name, without control or direction characters', async () => {
    expect(cleanAttachmentName('C:\\Users\\ana\\Documents\\cv\u202e.pdf')).toBe('cv.pdf');
    expect(cleanAttachmentName('../../etc/passwd.pdf')).toBe('passwd.pdf');
    expect(cleanAttachmentName(`${'a'.repeat(300)}.docx`)).toHaveLength(200);
    expect(cleanAttachmentName(`${'a'.repeat(300)}.docx`).endsWith('.docx')).toBe(true);
    expect((await putAttachment(db, '/home/ana/letter.pdf', minimalPdf())).name).toBe('letter.pdf');
  });

  it('lets sync move every attachment type, and nothing the app would not show', () => {
    for (const mime of ['application/pdf', DOCX_MIME, 'image/png', 'image/jpeg', 'image/webp']) expect(syncedBlobMimes.has(mime)).toBe(true);
    for (const mime of ['text/html', 'image/svg+xml', 'application/zip', 'application/octet-stream']) expect(syncedBlobMimes.has(mime)).toBe(false);
  });
});

describe('putAttachment refuses, with a stable code and a sentence, and stores nothing', () => {
  it('a PNG renamed .pdf: ATTACHMENT_TYPE, saying what it really is', async () => {
    const error = await refused(async () => putAttachment(db, 'cv.pdf', await png()));
    expect(error.code).toBe('ATTACHMENT_TYPE');
    expect(error.message).toBe('The file cv.pdf is named as a PDF, but its contents are a PNG file. It may be damaged or renamed: attach the real PDF, or save the file as PDF again.');
    expect(error.details).toEqual({ claimed: 'pdf', found: 'png' });
  });

  it('a 50 MB file: ATTACHMENT_TOO_LARGE before anything reads it', async () => {
    const error = await refused(() => putAttachment(db, 'scan.pdf', Buffer.alloc(50 * 1024 * 1024, 0x25)));
    expect(error.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(error.message).toContain('50.0 MB; the limit is 10.0 MB');
    expect((await refused(() => putAttachment(db, 'scan.pdf', Buffer.concat([minimalPdf(), Buffer.alloc(MAX_ATTACHMENT_BYTES)])))).code).toBe('ATTACHMENT_TOO_LARGE');
  });

  it('bytes that are none of the accepted kinds, an empty file, or a name without an accepted extension', async () => {
    expect((await refused(() => putAttachment(db, 'cv.pdf', Buffer.from('<html><script>alert(1)</script></html>')))).details).toEqual({ claimed: 'pdf', found: null });
    expect((await refused(() => putAttachment(db, 'cv.pdf', Buffer.alloc(0)))).message).toBe('The file cv.pdf is empty. Attach the PDF file again.');
    const wrongName = await refused(() => putAttachment(db, 'cv.txt', minimalPdf()));
    expect(wrongName.code).toBe('ATTACHMENT_TYPE');
    expect(wrongName.message).toContain('only PDF, Word (DOCX), PNG and JPEG files can');
    expect((await refused(() => putAttachment(db, '', minimalPdf()))).code).toBe('ATTACHMENT_TYPE');
  });

  it('a PDF cut short (no %%EOF), with a bad version line, or encrypted', async () => {
    const pdf = minimalPdf();
    expect((await refused(() => putAttachment(db, 'cv.pdf', pdf.subarray(0, pdf.length - 200)))).details).toEqual({ claimed: 'pdf', problem: 'damaged' });
    expect((await refused(() => putAttachment(db, 'cv.pdf', Buffer.from('%PDF-hello\n%%EOF\n')))).code).toBe('ATTACHMENT_TYPE');
    const locked = await refused(() => putAttachment(db, 'cv.pdf', minimalPdf('/Encrypt 4 0 R ')));
    expect(locked.code).toBe('ATTACHMENT_ENCRYPTED');
    expect(locked.message).toContain('Save or print it as an unprotected PDF');
  });

  it('an image whose header is right but whose body is not an image, and a JPEG renamed .png', async () => {
    expect((await refused(() => putAttachment(db, 'photo.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not a jpeg at all')])))).details).toEqual({
      claimed: 'jpeg',
      problem: 'damaged',
    });
    expect((await refused(async () => putAttachment(db, 'photo.png', await jpeg()))).details).toEqual({ claimed: 'png', found: 'jpeg' });
  });

  it('an old .doc or password-protected Office file renamed .docx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const error = await refused(() => putAttachment(db, 'cv.docx', ole));
    expect(error.code).toBe('ATTACHMENT_TYPE');
    expect(error.message).toContain('save it as DOCX or PDF without a password');
  });

  it('a ZIP that is not a Word document: no main part, a workbook, or a macro-enabled document', async () => {
    const noMain = docxWith([{ name: '[Content_Types].xml', data: DOCX_CONTENT_TYPES }]);
    expect((await refused(() => putAttachment(db, 'cv.docx', noMain))).details).toEqual({ claimed: 'docx', problem: 'not_docx' });
    const workbookTypes = DOCX_CONTENT_TYPES.replace('wordprocessingml.document.main', 'spreadsheetml.sheet.main');
    const workbook = docxWith([
      { name: '[Content_Types].xml', data: workbookTypes },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect((await refused(() => putAttachment(db, 'cv.docx', workbook))).details).toEqual({ claimed: 'docx', problem: 'not_docx' });
    const docm = docxWith([
      { name: '[Content_Types].xml', data: DOCX_CONTENT_TYPES.replace('document.main+xml', 'document.macroEnabled.main+xml') },
      { name: 'word/document.xml', data: '<w:document/>' },
      { name: 'word/vbaProject.bin', data: Buffer.alloc(64, 1) },
    ]);
    const macros = await refused(() => putAttachment(db, 'cv.docx', docm));
    expect(macros.details).toEqual({ claimed: 'docx', problem: 'macros' });
    expect(macros.message).toContain('with macros');
  });

  it('path tricks in a DOCX: "../", an absolute path, a drive letter, a backslash, a repeated name', async () => {
    for (const trick of ['../../../home/ana/.bashrc', '/etc/cron.d/x', 'C:/Windows/x.dll', 'word\\..\\..\\x', 'word/document.xml']) {
      const zip = docxWith([
        { name: '[Content_Types].xml', data: DOCX_CONTENT_TYPES },
        { name: 'word/document.xml', data: '<w:document/>' },
        { name: trick, data: 'x' },
      ]);
      expect((await refused(() => putAttachment(db, 'cv.docx', zip))).details, trick).toEqual({ claimed: 'docx', problem: 'hostile' });
    }
  });

  it('zip bombs in a DOCX: a content-types part that unpacks far past its cap or lies about its size, and parts declaring gigabytes', async () => {
    // 8 MB of spaces deflate to about 8 KB; inflating stops at the 256 KB cap.
    const padded = Buffer.concat([Buffer.from(DOCX_CONTENT_TYPES), Buffer.alloc(8 * 1024 * 1024, 0x20)]);
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: padded },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    expect(bomb.length).toBeLessThan(MAX_ATTACHMENT_BYTES);
    expect((await refused(() => putAttachment(db, 'cv.docx', bomb))).details).toEqual({ claimed: 'docx', problem: 'hostile' });
    const liar = buildZip([
      { name: '[Content_Types].xml', data: padded, declaredSize: 1000 },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    expect((await refused(() => putAttachment(db, 'cv.docx', liar))).details).toEqual({ claimed: 'docx', problem: 'hostile' });
    const declared = buildZip([
      { name: '[Content_Types].xml', data: Buffer.from(DOCX_CONTENT_TYPES) },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>'), declaredSize: 0xfffffff0 },
    ]);
    expect((await refused(() => putAttachment(db, 'cv.docx', declared))).details).toEqual({ claimed: 'docx', problem: 'hostile' });
  });

  it('a DOCX cut short (no central directory)', async () => {
    const docx = await realDocx();
    expect((await refused(() => putAttachment(db, 'cv.docx', docx.subarray(0, docx.length - 30)))).details).toEqual({ claimed: 'docx', problem: 'not_docx' });
  });
});
