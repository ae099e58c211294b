import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { layoutPdf, renderDocument } from '..';
import type { DocumentModel } from '../model';

/**
 * Tests read documents as a person would (issue 8, point 8): a DOCX is converted to PDF by
 * LibreOffice headless, every PDF's text is extracted by pdftotext and its pages rendered to
 * PNG by pdftoppm, so an assertion sees what a reader sees. Test code only.
 */

const run = promisify(execFile);

/** Whether a program is on PATH (LibreOffice is optional on a developer's machine; CI installs it). */
export async function hasProgram(name: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${name}`]);
    return true;
  } catch {
    return false;
  }
}

let libreOffice: Promise<boolean> | undefined;

/** Whether LibreOffice is here to convert DOCX files; said once when it is not (CI installs it). */
export function haveLibreOffice(): Promise<boolean> {
  libreOffice ??= hasProgram('libreoffice').then((have) => {
    if (!have) console.warn('LibreOffice is not installed: DOCX files are not converted and read back (CI installs it; apt-get install libreoffice-writer-nogui).');
    return have;
  });
  return libreOffice;
}

/**
 * Writes the model as `stem`.pdf and `stem`.docx in `dir` as an export does (the DOCX's
 * contents numbered from the PDF's layout, laid out once for both) and returns the PDFs a reader
 * reads: ours, then LibreOffice's of the DOCX when LibreOffice is installed.
 */
export async function writeBoth(model: DocumentModel, dir: string, stem: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const { bytes, tocPages } = await layoutPdf(model);
  const pdf = join(dir, `${stem}.pdf`);
  const docx = join(dir, `${stem}.docx`);
  writeFileSync(pdf, bytes);
  writeFileSync(docx, await renderDocument(model, 'docx', { tocPages }));
  return [pdf, ...((await haveLibreOffice()) ? await docxToPdf([docx], join(dir, 'from-docx')) : [])];
}

/**
 * Converts DOCX files to PDF with LibreOffice headless (one start for all of them); returns the
 * PDFs' paths in the same order. Each call gets its own LibreOffice profile, so tests
 * converting at once do not fight over one.
 */
export async function docxToPdf(docxPaths: string[], outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'lo-profile-'));
  try {
    await run('libreoffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...docxPaths], { timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return docxPaths.map((p) => join(outDir, basename(p).replace(/\.docx$/i, '.pdf')));
}

/** The PDF's text (pdftotext, reading order), with runs of white space made one space. */
export async function pdfText(pdfPath: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.replace(/\s+/gu, ' ');
}

/** Renders every page to PNG (pdftoppm); returns the files, page 1 first. */
export async function pdfPages(pdfPath: string, outPrefix: string, dpi = 80): Promise<string[]> {
  await run('pdftoppm', ['-png', '-r', String(dpi), pdfPath, outPrefix]);
  const dir = join(outPrefix, '..');
  const stem = basename(outPrefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
}

/** The number of pages, from pdfinfo. */
export async function pdfPageCount(pdfPath: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdfPath]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0);
}

/**
 * The text of one page (from 1), white space made one space. `layout` keeps each printed line
 * together (a table of contents' entry with its page number), as pdftotext -layout does.
 */
export async function pdfPageText(pdfPath: string, pageNumber: number, layout = false): Promise<string> {
  const args = ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), '-f', String(pageNumber), '-l', String(pageNumber), pdfPath, '-'];
  const { stdout } = await run('pdftotext', args, { maxBuffer: 16 * 1024 * 1024 });
  return stdout.replace(/\s+/gu, ' ');
}

/** The page (from 1) a table of contents gives for an entry: its text, dots or spaces, a number. */
export function tocPageOf(text: string, entry: string): number | null {
  const escaped = entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[\\s.…]*(\\d+)`, 'u').exec(text);
  return match ? Number(match[1]) : null;
}
