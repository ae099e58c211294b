import { previewImport, type ImportPreview, type PreviewOptions } from '../../../../shared/import/preview';
import { readImportFile } from './read';

/**
 * The dry run of a bulk import: reads the file, maps its columns, checks every row and returns
 * the preview with each row's import key and problems. Writes nothing: the applications are
 * written through the change funnel by the import step that follows a curator's confirmation.
 */
export async function previewImportFile(bytes: Uint8Array, options: PreviewOptions = {}): Promise<ImportPreview> {
  return previewImport(await readImportFile(bytes), options);
}
