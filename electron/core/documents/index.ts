import { renderDocx, type DocxOptions } from './docx/render';
import { renderPdf } from './pdf/render';
import type { DocumentModel } from './model';

/**
 * Documents (issue 7's letters, issue 8's case studies and stories): build a DocumentModel,
 * render it to DOCX or PDF. Both formats come out alike (layout.ts) with the Noto fonts.
 */
export * from './model';
export { splitScripts, scriptOf, type Script, type ScriptRun } from './scripts';
export { renderDocx, renderPdf, type DocxOptions };

export type DocumentFormat = 'docx' | 'pdf';

export const documentMime: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** The document as a file of this format. */
export function renderDocument(model: DocumentModel, format: DocumentFormat, options: DocxOptions = {}): Promise<Buffer> {
  return format === 'pdf' ? renderPdf(model) : renderDocx(model, options);
}
