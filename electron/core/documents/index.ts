import { renderDocx, type DocxOptions } from './docx/render';
import { layoutPdf, renderPdf } from './pdf/render';
import { tocEntries, type DocumentModel } from './model';

/**
 * Documents (issue 7's letters, issue 8's case studies and stories): build a DocumentModel,
 * render it to DOCX or PDF. Both formats come out alike (layout.ts) with the Noto fonts.
 */
export * from './model';
export { splitScripts, scriptOf, type Script, type ScriptRun } from './scripts';
export { layoutPdf, renderDocx, renderPdf, type DocxOptions };

export type DocumentFormat = 'docx' | 'pdf';

export const documentMime: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * The document as a file of this format. A DOCX with a table of contents takes its page numbers
 * from the PDF's layout (docx/toc.ts says why), laid out first unless `tocPages` are given.
 */
export async function renderDocument(model: DocumentModel, format: DocumentFormat, options: DocxOptions = {}): Promise<Buffer> {
  if (format === 'pdf') return renderPdf(model);
  const tocPages = options.tocPages ?? (tocEntries(model).length ? (await layoutPdf(model)).tocPages : undefined);
  return renderDocx(model, { ...options, ...(tocPages ? { tocPages } : {}) });
}
