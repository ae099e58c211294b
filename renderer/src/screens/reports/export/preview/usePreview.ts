import { useEffect, useState } from 'react';
import type { AppErrorShape, Output } from '../../../../../../shared/contract';
import { useApi } from '../../../../api/ApiProvider';
import { base64Bytes } from '../../../../lib/saveFile';
import type { PdfView } from './pdfView';

export type PreviewLang = 'en' | 'id';
export type Made = Omit<Output<'reports.preview'>, 'pdfBase64'>;

export type PreviewState =
  | { phase: 'idle' }
  /** The core is laying the document out. */
  | { phase: 'making' }
  /** pdf.js is reading the PDF the core made. */
  | { phase: 'opening'; made: Made }
  | { phase: 'ready'; made: Made; view: PdfView }
  | { phase: 'error'; error: AppErrorShape };

/**
 * The Preview tab's document: `reports.preview` made in the core, then opened by pdf.js. A
 * snapshot of the saved record, made when `enabled` first holds (the tab is shown), again for
 * another language, and on `refresh()` — deliberately not a TanStack query, which every
 * `changed` event (each autosave) would make again. An answer for an older request is dropped;
 * a document no longer shown is closed (pdf.js frees its worker's copy).
 */
export function usePreview(id: string, lang: PreviewLang, enabled: boolean): { state: PreviewState; refresh(): void } {
  const api = useApi();
  const [state, setState] = useState<PreviewState>({ phase: 'idle' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    let view: PdfView | null = null;
    setState({ phase: 'making' });
    void (async () => {
      const result = await api.call('reports.preview', { id, lang });
      if (!current) return;
      if (!result.ok) return setState({ phase: 'error', error: result.error });
      const { pdfBase64, ...made } = result.value;
      setState({ phase: 'opening', made });
      try {
        // pdf.js is loaded when a preview is first opened, not with the app.
        const { openPdf } = await import('./pdfView');
        const opened = await openPdf(base64Bytes(pdfBase64));
        if (!current) return opened.close();
        view = opened;
        setState({ phase: 'ready', made, view: opened });
      } catch (e) {
        // pdf.js could not read the file: said as the core's errors are, with a stable code.
        if (current) setState({ phase: 'error', error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e), details: { stage: 'open' } } });
      }
    })();
    return () => {
      current = false;
      view?.close();
    };
  }, [api, id, lang, enabled, round]);

  return { state, refresh: () => setRound((r) => r + 1) };
}
