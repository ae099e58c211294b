// @vitest-environment jsdom
import '../../../../test/setup-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupUser } from '../../../../test/renderApp';
import { call } from '../../../applications/testing';
import { renderPanel, reportCore } from '../../panels/testing';
import type { PanelProps } from '../../panels/types';
import { PreviewPanel } from '../PreviewPanel';
import type { PdfView } from './pdfView';

/**
 * The Preview tab's states over a real core: making, the pages, a failure with what to do,
 * Refresh, the language, a record changed since, the page keys. Two parts cannot run under
 * jsdom and are stood in for: pdf.js draws no canvas here (pdfView.ts is replaced by a stand-in
 * that counts the PDF's page objects and "draws" at once), and the core's PDF layout cannot load
 * its fonts in jsdom's realm, so `reports.preview` answers with a small PDF of as many pages as
 * the language's name has letters, stamped with the record's real updatedAt. The core method
 * itself is reports-export/preview.test.ts's; the real pages in the browser are
 * e2e/reports-preview.spec.ts's.
 */

const opened: { bytes: Uint8Array; drawn: number[] }[] = [];
vi.mock('./pdfView', () => ({
  openPdf: async (bytes: Uint8Array): Promise<PdfView> => {
    const text = new TextDecoder('latin1').decode(bytes);
    if (!text.startsWith('%PDF-')) throw new Error('Not a PDF.');
    const doc = { bytes, drawn: [] as number[] };
    opened.push(doc);
    return {
      // pdfkit writes each page as an object of /Type /Page (the tree's root is /Type /Pages).
      pages: text.match(/\/Type \/Page\b/g)!.length,
      size: async () => ({ width: 595.28, height: 841.89 }),
      draw: (page) => {
        doc.drawn.push(page);
        return { done: Promise.resolve(), cancel() {} };
      },
      close() {},
    };
  },
}));

/** jsdom has no IntersectionObserver: here everything observed is on screen (the tab is open). */
class ShownObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(target: Element) {
    this.callback([{ isIntersecting: true, target } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
  disconnect() {}
  unobserve() {}
}
beforeEach(() => {
  opened.length = 0;
  vi.stubGlobal('IntersectionObserver', ShownObserver);
});
afterEach(() => vi.unstubAllGlobals());

const Preview = (p: PanelProps) => <PreviewPanel {...p} onOpenTab={() => {}} />;
const slow = { timeout: 60_000 };

const fakePdf = (pages: number) => btoa(`%PDF-1.7\n${Array.from({ length: pages }, (_, i) => `${i + 3} 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n`).join('')}2 0 obj\n<< /Type /Pages /Count ${pages} >>\nendobj\n%%EOF`);
const pagesFor = { en: 'English'.length, id: 'Indonesia'.length };

async function caseStudy() {
  const core = await reportCore({ type: 'case_study', fields: { title: 'Shared payroll in Brunei', countries: ['BN'] } });
  const dispatch = core.bridge.core.dispatch.bind(core.bridge.core);
  core.bridge.core.dispatch = (async (method: string, input: unknown) => {
    if (method !== 'reports.preview') return dispatch(method as never, input as never);
    const { id, lang } = input as { id: string; lang: 'en' | 'id' };
    const record = await dispatch('reports.get', { id });
    if (!record.ok) return record;
    return { ok: true, value: { pdfBase64: fakePdf(pagesFor[lang]), pages: pagesFor[lang], madeAt: Date.now(), recordUpdatedAt: (record.value as { updatedAt: number }).updatedAt } };
  }) as typeof dispatch;
  await call(core.bridge, 'reports.writeSection', { id: core.report.id, section: 's_problem', text: 'Every ministry now pays its staff from one payroll, checked by one team at the Treasury.', base: null });
  return core;
}

describe('PreviewPanel: the document’s pages (real core, pdf.js stood in)', () => {
  it('says it is making the document, then shows page 1 of N, when it was made, and moves by the page keys', async () => {
    const { bridge, report } = await caseStudy();
    const release = bridge.hold('reports.preview');
    await renderPanel(Preview, { bridge, report: await call(bridge, 'reports.get', { id: report.id }) });
    expect((await screen.findByTestId('preview-loading')).textContent).toContain('Laying out the document…');
    release();
    const where = await screen.findByTestId('preview-page', {}, slow);
    const pages = pagesFor.en;
    expect(where.textContent).toBe(`Page 1 of ${pages}`);
    expect(bridge.callsOf('reports.preview')).toEqual([{ id: report.id, lang: 'en' }]);
    expect(screen.getByTestId('preview-made').textContent).toMatch(new RegExp(`^Made from the saved record at .+: ${pages} pages\\.$`));
    expect(screen.getByRole('img', { name: `Page 1 of ${pages}` })).toBeTruthy();
    expect(opened[0]!.drawn).toContain(1);
    // Not every page has a canvas: only those near the view.
    expect(screen.queryByRole('img', { name: `Page ${pages} of ${pages}` })).toBeNull();
    const box = screen.getByRole('region', { name: 'Pages of the document' });
    fireEvent.keyDown(box, { key: 'PageDown' });
    await waitFor(() => expect(where.textContent).toBe(`Page 2 of ${pages}`));
    await waitFor(() => expect(opened[0]!.drawn).toContain(2));
    fireEvent.keyDown(box, { key: 'End' });
    await waitFor(() => expect(where.textContent).toBe(`Page ${pages} of ${pages}`));
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
  }, 120_000);

  it('shows a failure with what to do, and Refresh makes it again', async () => {
    const user = setupUser();
    const { bridge, report } = await caseStudy();
    bridge.failNext['reports.preview'] = { code: 'INTERNAL', message: 'The document fonts (resources/fonts) are missing from this installation, so no document can be made. Reinstall the app.' };
    await renderPanel(Preview, { bridge, report: await call(bridge, 'reports.get', { id: report.id }) });
    const failed = await screen.findByTestId('preview-error', {}, slow);
    expect(failed.textContent).toContain('The preview could not be made');
    expect(failed.textContent).toContain('Reinstall the app.');
    expect(failed.textContent).toContain('export the document as PDF and open it in a PDF reader');
    await user.click(within(failed).getByRole('button', { name: 'Refresh' }));
    expect((await screen.findByTestId('preview-page', {}, slow)).textContent).toMatch(/^Page 1 of \d+$/);
    expect(bridge.callsOf('reports.preview')).toHaveLength(2);
  }, 120_000);

  it('makes the document in the language chosen (the app’s first), says when the record changed since, and refreshes', async () => {
    const user = setupUser();
    const { bridge, report } = await caseStudy();
    await renderPanel(Preview, { bridge, report: await call(bridge, 'reports.get', { id: report.id }), locale: 'id' });
    expect((await screen.findByTestId('preview-page', {}, slow)).textContent).toBe(`Halaman 1 dari ${pagesFor.id}`);
    expect(bridge.callsOf('reports.preview')).toEqual([{ id: report.id, lang: 'id' }]);
    await user.click(screen.getByRole('radio', { name: 'Bahasa Inggris' }));
    await waitFor(() => expect(screen.getByTestId('preview-page').textContent).toBe(`Halaman 1 dari ${pagesFor.en}`));
    await waitFor(() => expect(bridge.callsOf('reports.preview')).toEqual([{ id: report.id, lang: 'id' }, { id: report.id, lang: 'en' }]));
    expect(screen.queryByTestId('preview-stale')).toBeNull();

    // Another save: the preview stays as made, and says so.
    await call(bridge, 'reports.writeSection', { id: report.id, section: 's_lessons', text: 'Start with one ministry.', base: null });
    const stale = await screen.findByTestId('preview-stale', {}, slow);
    expect(stale.textContent).toContain('Catatan telah berubah sejak pratinjau ini dibuat.');
    expect(bridge.callsOf('reports.preview')).toHaveLength(2);
    await user.click(within(stale).getByRole('button', { name: 'Muat ulang' }));
    await waitFor(() => expect(screen.queryByTestId('preview-stale')).toBeNull(), slow);
    expect(bridge.callsOf('reports.preview').at(-1)).toEqual({ id: report.id, lang: 'en' });
    expect(bridge.callsOf('reports.preview')).toHaveLength(3);
  }, 120_000);

  it('keeps the text outline a click away, for a screen reader', async () => {
    const user = setupUser();
    const { bridge, report } = await caseStudy();
    await renderPanel(Preview, { bridge, report: await call(bridge, 'reports.get', { id: report.id }) });
    await user.click(screen.getByRole('radio', { name: 'Text outline' }));
    const outline = screen.getByRole('article', { name: 'Preview' });
    expect(within(outline).getByRole('heading', { name: 'Shared payroll in Brunei' })).toBeTruthy();
    expect(within(outline).getByRole('region', { name: 'Problem' }).textContent).toContain('Every ministry now pays its staff');
  }, 120_000);
});
