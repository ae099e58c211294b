import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
// The worker is the app's own file (bundled by Vite next to the renderer), so the CSP's
// `worker-src 'self'` admits it: no blob: worker, nothing fetched from elsewhere.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * pdf.js behind the few calls the Preview tab makes, so a test (jsdom draws no canvas) can put
 * a stand-in in its place. Sizes are in PDF points; a scale of 1 draws one point as one canvas
 * pixel.
 */

GlobalWorkerOptions.workerSrc = workerUrl;

export interface PageSize {
  width: number;
  height: number;
}

export interface Drawing {
  done: Promise<void>;
  /** Stops a drawing no longer wanted (the page scrolled away, the zoom changed); `done` then rejects. */
  cancel(): void;
}

export interface PdfView {
  pages: number;
  /** The size of a page (from 1) in points. */
  size(page: number): Promise<PageSize>;
  /** Draws a page (from 1) onto the canvas at this scale, resizing the canvas to fit. */
  draw(page: number, canvas: HTMLCanvasElement, scale: number): Drawing;
  close(): void;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfView> {
  // isEvalSupported: false — the CSP has no 'unsafe-eval', so pdf.js must not compile its
  // font programs with new Function(); it interprets them instead.
  const doc: PDFDocumentProxy = await getDocument({ data: bytes, isEvalSupported: false, enableXfa: false }).promise;
  return {
    pages: doc.numPages,
    async size(n) {
      const vp = (await doc.getPage(n)).getViewport({ scale: 1 });
      return { width: vp.width, height: vp.height };
    },
    draw(n, canvas, scale) {
      let task: ReturnType<Awaited<ReturnType<typeof doc.getPage>>['render']> | null = null;
      let cancelled = false;
      const done = doc.getPage(n).then((page) => {
        if (cancelled) throw new Error('cancelled');
        const viewport = page.getViewport({ scale });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        task = page.render({ canvas, viewport });
        return task.promise;
      });
      return {
        done,
        cancel() {
          cancelled = true;
          task?.cancel();
        },
      };
    },
    close() {
      void doc.destroy();
    },
  };
}
