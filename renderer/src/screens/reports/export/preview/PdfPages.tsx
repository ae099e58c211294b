import { ActionIcon, Box, Group, Loader, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { formatNumber, useI18n } from '../../../../i18n';
import type { PageSize, PdfView } from './pdfView';

/** 100 %: a point is 96/72 CSS pixels, as a PDF reader shows a page at its actual size. */
const ACTUAL = 96 / 72;
const GAP = 16;
const PAD = 12;

type Zoom = 'fit' | 'actual';
type Drawn = 'drawing' | 'drawn' | 'failed';

/**
 * The document's pages on canvases, in a scrolling box. Only the pages within a screen of the
 * visible ones have a canvas and are drawn; the others are empty slots of the same size, so a
 * long document costs what three screens do. Every page of a document the app makes has the
 * same size (documents/layout.ts), so the slots take the first page's: which pages are near is
 * arithmetic on the scroll position. PageUp / PageDown (and Home / End) in the box, or the
 * buttons, move a page at a time; the page under the top third of the box is "the" page.
 */
export function PdfPages({ view }: { view: PdfView }) {
  const { t, locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [first, setFirst] = useState<PageSize | null>(null);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [area, setArea] = useState({ width: 0, height: 0, top: 0 });
  const [drawn, setDrawn] = useState<Record<number, Drawn>>({});
  const total = view.pages;

  useEffect(() => {
    let live = true;
    setDrawn({});
    void view.size(1).then((s) => live && setFirst(s));
    return () => {
      live = false;
    };
  }, [view]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setArea({ width: el.clientWidth, height: el.clientHeight, top: el.scrollTop });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
  }, []);

  const scale = first ? (zoom === 'fit' ? Math.max(0.3, (area.width - 2 * PAD) / first.width) : ACTUAL) : 0;
  const slot = first ? { width: Math.floor(first.width * scale), height: Math.floor(first.height * scale) } : null;
  const step = slot ? slot.height + GAP : 0;
  const clamp = (n: number) => Math.min(total, Math.max(1, n));
  const current = step ? clamp(Math.floor((area.top + area.height / 3) / step) + 1) : 1;
  const near = step ? { from: clamp(Math.floor((area.top - area.height) / step) + 1), to: clamp(Math.floor((area.top + 2 * area.height) / step) + 1) } : { from: 1, to: 0 };

  // A new zoom keeps the page in view that was.
  const shown = useRef(current);
  shown.current = current;
  useEffect(() => {
    if (step) box.current?.scrollTo({ top: (shown.current - 1) * step });
    // Only the zoom (or a new document) moves the view; scrolling changes `current`, never this.
  }, [zoom, first]);

  const go = (page: number) => {
    if (step) box.current?.scrollTo({ top: (clamp(page) - 1) * step });
  };
  const onKey = (e: KeyboardEvent) => {
    const to = { PageDown: current + 1, PageUp: current - 1, Home: 1, End: total }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    go(to);
  };
  const pageOf = (page: number) => t('reportExport.preview.pageOf', { page: formatNumber(locale, page), pages: formatNumber(locale, total) });
  const waiting = Object.entries(drawn).filter(([n, s]) => s === 'drawing' && Number(n) >= near.from && Number(n) <= near.to).map(([n]) => Number(n));

  return (
    <Box>
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Group gap={6} wrap="nowrap">
          <Tooltip label={t('reportExport.preview.previous')}>
            <ActionIcon variant="default" size="lg" aria-label={t('reportExport.preview.previous')} disabled={current <= 1} onClick={() => go(current - 1)}>
              ‹
            </ActionIcon>
          </Tooltip>
          <Text size="sm" role="status" aria-label={t('reportExport.preview.pageShown')} data-testid="preview-page" style={{ minWidth: 110, textAlign: 'center' }}>
            {pageOf(current)}
          </Text>
          <Tooltip label={t('reportExport.preview.next')}>
            <ActionIcon variant="default" size="lg" aria-label={t('reportExport.preview.next')} disabled={current >= total} onClick={() => go(current + 1)}>
              ›
            </ActionIcon>
          </Tooltip>
          {waiting.length > 0 && (
            <Group gap={6} wrap="nowrap" role="status">
              <Loader size="xs" />
              <Text size="xs" c="dimmed">
                {t('reportExport.preview.drawing', { page: formatNumber(locale, Math.min(...waiting)) })}
              </Text>
            </Group>
          )}
        </Group>
        <SegmentedControl
          size="xs"
          aria-label={t('reportExport.preview.zoom')}
          value={zoom}
          onChange={(v) => setZoom(v as Zoom)}
          data={[
            { value: 'fit', label: t('reportExport.preview.zoom.fit') },
            { value: 'actual', label: '100 %' },
          ]}
        />
      </Group>
      <Box
        ref={box}
        tabIndex={0}
        role="region"
        aria-label={t('reportExport.preview.pages')}
        aria-description={t('reportExport.preview.keys')}
        onKeyDown={onKey}
        style={{ height: 'max(320px, calc(100vh - 260px))', overflow: 'auto', background: 'var(--mantine-color-gray-2)', borderRadius: 'var(--mantine-radius-md)', padding: PAD }}
      >
        {slot &&
          Array.from({ length: total }, (_, i) => i + 1).map((page) => (
            <Box key={page} mx="auto" style={{ width: slot.width, height: slot.height, marginBottom: page < total ? GAP : Math.max(0, area.height - slot.height - 2 * PAD), background: 'white', boxShadow: '0 1px 4px rgba(0,0,0,.25)', position: 'relative' }}>
              {page >= near.from && page <= near.to ? (
                <PageCanvas view={view} page={page} scale={scale} label={pageOf(page)} size={slot} onState={(s) => setDrawn((d) => (d[page] === s ? d : { ...d, [page]: s }))} />
              ) : null}
              {drawn[page] === 'failed' && (
                <Text size="sm" c="red" p="md" style={{ position: 'absolute', inset: 0 }}>
                  {t('reportExport.preview.drawFailed', { page: formatNumber(locale, page) })}
                </Text>
              )}
            </Box>
          ))}
      </Box>
    </Box>
  );
}

/** One page's canvas, drawn at the device's pixel density; a drawing no longer wanted is cancelled. */
function PageCanvas({ view, page, scale, label, size, onState }: { view: PdfView; page: number; scale: number; label: string; size: { width: number; height: number }; onState(s: Drawn): void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const report = useRef(onState);
  report.current = onState;
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let live = true;
    report.current('drawing');
    const drawing = view.draw(page, el, scale * (window.devicePixelRatio || 1));
    drawing.done.then(
      () => live && report.current('drawn'),
      () => live && report.current('failed'),
    );
    return () => {
      live = false;
      drawing.cancel();
    };
  }, [view, page, scale]);
  return <canvas ref={canvas} role="img" aria-label={label} data-page={page} style={{ display: 'block', width: size.width, height: size.height }} />;
}
