import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../shared/contract/result';
import type { Script } from './scripts';

/**
 * The Noto fonts documents are written with (resources/fonts, SIL Open Font License): the PDF
 * embeds subsets of them, the DOCX names them per run and embeds the faces it uses, so a
 * letter shows Vietnamese, Thai, Lao, Khmer and Myanmar names on a machine that has none.
 */

export type FaceStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

interface Family {
  name: string;
  /** File stem per style; a style the family lacks (no Thai italic) falls back as faceFor says. */
  files: Partial<Record<FaceStyle, string>> & { regular: string; bold: string };
}

export const families: Record<Script, Family> = {
  latin: { name: 'Noto Sans', files: { regular: 'NotoSans-Regular', bold: 'NotoSans-Bold', italic: 'NotoSans-Italic', boldItalic: 'NotoSans-BoldItalic' } },
  thai: { name: 'Noto Sans Thai', files: { regular: 'NotoSansThai-Regular', bold: 'NotoSansThai-Bold' } },
  lao: { name: 'Noto Sans Lao', files: { regular: 'NotoSansLao-Regular', bold: 'NotoSansLao-Bold' } },
  khmer: { name: 'Noto Sans Khmer', files: { regular: 'NotoSansKhmer-Regular', bold: 'NotoSansKhmer-Bold' } },
  myanmar: { name: 'Noto Sans Myanmar', files: { regular: 'NotoSansMyanmar-Regular', bold: 'NotoSansMyanmar-Bold' } },
};

/** The style of a run's face: italic falls back to upright where the script has no italic. */
export function faceFor(script: Script, bold: boolean, italic: boolean): { file: string; style: FaceStyle } {
  const files = families[script].files;
  const wanted: FaceStyle = bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
  const style: FaceStyle = files[wanted] ? wanted : bold ? 'bold' : 'regular';
  return { file: files[style]!, style };
}

const MARKER = join('resources', 'fonts', 'NotoSans-Regular.ttf');

/**
 * Where the fonts are: resources/fonts of the checkout (source, tests, a build run from the
 * checkout), or of the installed app, where electron-builder copies them next to app.asar
 * (extraResources, `resources/fonts` under the resources folder). Found by walking up from
 * this module, so no caller has to pass a path and the core stays free of Electron.
 */
export function fontsDir(start = dirname(fileURLToPath(import.meta.url))): string {
  const roots: string[] = [];
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) roots.push(resourcesPath);
  for (let dir = start; ; dir = dirname(dir)) {
    roots.push(dir);
    if (dirname(dir) === dir) break;
  }
  for (const root of roots) if (existsSync(join(root, MARKER))) return join(root, 'resources', 'fonts');
  throw new AppError('INTERNAL', 'The document fonts (resources/fonts) are missing from this installation, so no document can be made. Reinstall the app.');
}

const cache = new Map<string, Buffer>();

/** The bytes of a font file by its stem (e.g. 'NotoSansThai-Bold'), read once. */
export function fontBytes(stem: string): Buffer {
  let bytes = cache.get(stem);
  if (!bytes) {
    bytes = readFileSync(join(fontsDir(), `${stem}.ttf`));
    cache.set(stem, bytes);
  }
  return bytes;
}
