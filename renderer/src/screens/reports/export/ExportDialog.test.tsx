// @vitest-environment jsdom
import '../../../test/setup-dom';
import { Notifications } from '@mantine/notifications';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportDetail } from '../../../../../shared/contract/reports';
import { createApi } from '../../../api/client';
import { AppProviders } from '../../../App';
import type { CoreBridge } from '../../../test/coreBridge';
import { renderApp, setupUser } from '../../../test/renderApp';
import { CoreBridge as RealCore } from '../../../test/coreBridge';
import { call } from '../../applications/testing';
import { noCriteria } from '../ReportFilters';
import { reportCore } from '../panels/testing';
import { CompileMtrDialog } from './CompileMtrDialog';
import { ExportDialog } from './ExportDialog';
import { PreviewPanel } from './PreviewPanel';

/**
 * The export dialogs and the preview against a real core: the files the curator is handed
 * (through lib/saveFile: a blob behind an object URL, clicked as a download) are the core's
 * real DOCX and PDF; the refusals for want of consent are the core's.
 */

let saved: Blob[] = [];
beforeEach(() => {
  saved = [];
  // jsdom has no object URLs; keep the blobs saveFile hands over to read them back.
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (saved.push(b), `blob:test/${saved.length}`), revokeObjectURL: () => {} }));
});
afterEach(() => vi.unstubAllGlobals());

/** The first bytes of a blob (jsdom's Blob has no arrayBuffer(); its FileReader reads it). */
const head = (b: Blob, n: number) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new TextDecoder('latin1').decode(new Uint8Array(reader.result as ArrayBuffer).slice(0, n)));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(b);
  });

function show(bridge: CoreBridge, ui: React.ReactNode) {
  render(
    <AppProviders api={createApi(bridge)} locale="en" testEnv>
      <Notifications />
      {ui}
    </AppProviders>,
  );
}

const slow = { timeout: 60_000 };

describe('ExportDialog (real core)', () => {
  it('exports the case study as DOCX in Bahasa Indonesia and hands the file over', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Merit-based recruitment in Lao PDR' } });
    await call(bridge, 'reports.writeSection', { id: report.id, section: 's_context', text: 'The ministry recruited by merit for the first time.', base: null });
    show(bridge, <ExportDialog report={report} onOpenTab={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export “Merit-based recruitment in Lao PDR”' });
    await user.click(within(dialog).getByRole('radio', { name: 'DOCX' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Bahasa Indonesia' }));
    await user.click(within(dialog).getByRole('button', { name: 'Export DOCX' }));
    expect(await screen.findByText(/\.docx is ready/, {}, slow)).toBeTruthy();
    expect(bridge.callsOf('reports.export')).toEqual([{ mode: 'one', id: report.id, format: 'docx', lang: 'id' }]);
    expect(saved).toHaveLength(1);
    expect(await head(saved[0]!, 2)).toBe('PK');
    expect(saved[0]!.size).toBeGreaterThan(5_000);
  }, 120_000);

  it('shows a story without consent refused, naming it, with a button to its Consent tab', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'story', fields: { title: 'A midwife’s new post' } });
    const opened: string[] = [];
    show(bridge, <ExportDialog report={report} onOpenTab={(tab) => opened.push(tab)} />);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('button', { name: 'Export PDF' }));
    const alert = await screen.findByRole('alert', {}, slow);
    expect(alert.textContent).toContain('The story “A midwife’s new post” has no recorded consent');
    expect(alert.textContent).toContain('Nothing was exported.');
    expect(saved).toHaveLength(0);
    await user.click(within(alert).getByRole('button', { name: 'Open the consent of “A midwife’s new post”' }));
    expect(opened).toEqual(['consent']);
  }, 60_000);
});

describe('ExportDialog without a profile (real core)', () => {
  it('says in the dialog, in Indonesian, that a profile must be chosen first, and leads to it; nothing is downloaded', async () => {
    const user = setupUser();
    // A fresh data folder with demo data: case studies and stories, and no profile chosen yet.
    const bridge = new RealCore();
    await bridge.core.dispatch('demo.load', { experts: 1 });
    const { items } = await call(bridge, 'reports.list', {});
    const first = items.find((r) => r.type === 'case_study')!;
    renderApp({ bridge, hash: `#/reports/${first.id}`, locale: 'id' });
    await user.click(await screen.findByRole('button', { name: 'Ekspor' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Ekspor PDF' }));
    const alert = await within(dialog).findByRole('alert', {}, slow);
    expect(alert.textContent).toContain('Tidak diekspor: belum ada profil yang dipilih');
    expect(alert.textContent).toContain('Pilih atau buat profil Anda (Pengaturan → Profil)');
    expect(bridge.callsOf('reports.export')).toHaveLength(1);
    expect(saved).toHaveLength(0);
    await user.click(within(alert).getByRole('button', { name: 'Pilih atau buat profil Anda' }));
    await waitFor(() => expect(window.location.hash).toBe('#/settings'));
    expect(await screen.findByTestId('profile-section')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  }, 120_000);
});

describe('ExportDialog: a quote without consent (real core)', () => {
  it('names the speaker whose interview does not consent to be quoted, and sends the curator to Sources & quotes; the preview warns first', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Pension reform in Thailand' } });
    const somchai = await call(bridge, 'interviews.create', { fields: { name: 'Somchai Phongsa', role: 'Retired teacher', consentToQuote: false } });
    const quote = { id: '0190a4c0-0000-7000-8000-0000000000a1', text: 'For the first time I knew what I would receive.', speaker: 'Somchai Phongsa', interviewId: somchai.id, section: 's_results' as const };
    const quoted = (await call(bridge, 'reports.update', { id: report.id, type: 'case_study', patch: { interviewIds: [somchai.id], quotes: [quote] } })) as ReportDetail;
    const opened: string[] = [];
    show(bridge, <PreviewPanel report={quoted} readOnly={false} onPatch={async () => {}} onOpenTab={(tab) => opened.push(`preview:${tab}`)} />);
    // The preview says so before any export is asked, without an alert.
    const warning = screen.getByTestId('export-refusal');
    expect(warning.textContent).toContain('This document cannot be exported yet');
    expect(warning.textContent).toContain('“Pension reform in Thailand” quotes “Somchai Phongsa” from an interview without consent to be quoted');
    await user.click(within(warning).getByRole('button', { name: 'Open the sources and quotes of “Pension reform in Thailand”' }));
    expect(opened).toEqual(['preview:sources']);
    cleanup();

    show(bridge, <ExportDialog report={quoted} onOpenTab={(tab) => opened.push(tab)} />);

    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('button', { name: 'Export PDF' }));
    const alert = await screen.findByRole('alert', {}, slow);
    expect(alert.textContent).toContain('quotes “Somchai Phongsa” from an interview without consent to be quoted');
    await user.click(within(alert).getByRole('button', { name: 'Open the sources and quotes of “Pension reform in Thailand”' }));
    expect(opened).toEqual(['preview:sources', 'sources']);
    expect(saved).toHaveLength(0);
  }, 60_000);
});

describe('CompileMtrDialog (real core)', () => {
  // The compiled PDF itself is checked in e2e/reports-export.spec.ts (the real app): under jsdom
  // the PDF layout cannot load its embedded fonts, so here the dialog's choices and refusal are.
  it('starts from the list’s filters, counts what they choose, and names the story that blocks the compilation', async () => {
    const user = setupUser();
    const { bridge } = await reportCore({ type: 'case_study', fields: { title: 'Digital payroll in Cambodia', countries: ['KH'] } });
    await call(bridge, 'reports.create', { type: 'story', fields: { title: 'A clerk learns to code' } });
    show(bridge, <CompileMtrDialog initial={{ ...noCriteria, type: 'case_study' }} />);
    await user.click(screen.getByRole('button', { name: 'Compile MTR submission' }));
    const dialog = await screen.findByRole('dialog', { name: 'Compile an MTR submission' });
    await waitFor(() => expect(within(dialog).getByTestId('mtr-count').textContent).toBe('1 document'));
    await user.click(within(dialog).getByRole('radio', { name: 'All' }));
    await waitFor(() => expect(within(dialog).getByTestId('mtr-count').textContent).toBe('2 documents'));
    await user.click(within(dialog).getByRole('radio', { name: 'DOCX' }));
    await user.click(within(dialog).getByRole('button', { name: 'Compile DOCX' }));
    const alert = await within(dialog).findByRole('alert', {}, slow);
    await waitFor(() => expect(alert.textContent).toContain('The story “A clerk learns to code” has no recorded consent'));
    expect(within(alert).getByRole('button', { name: 'Open the consent of “A clerk learns to code”' })).toBeTruthy();
    expect(bridge.callsOf('reports.export')).toEqual([{ mode: 'mtr', format: 'docx', lang: 'en', filters: expect.objectContaining({ type: [], removed: false }) }]);
    expect(saved).toHaveLength(0);
  }, 60_000);
});

describe('PreviewPanel (real core)', () => {
  it('outlines the document in its text outline: sections in order, empty ones marked, the figure with its source note, the ratings', async () => {
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Shared services in Viet Nam', countries: ['VN'] } });
    await call(bridge, 'reports.writeSection', { id: report.id, section: 's_problem', text: 'Each agency ran its own payroll.', base: null });
    const data = await call(bridge, 'figures.compute', { metric: 'experts_by_country', filters: {}, lang: 'en' });
    const figure = { ...data, id: '0190a4c0-0000-7000-8000-0000000000f1', title: 'Experts by country', chart: 'table' as const, section: 's_problem' };
    await call(bridge, 'reports.update', { id: report.id, type: 'case_study', patch: { figures: [figure], r_inclusive: { rating: 'strong', evidence: 'All ten countries.', sections: ['s_problem'] } } });
    const detail = (await call(bridge, 'reports.get', { id: report.id })) as ReportDetail;
    show(bridge, <PreviewPanel report={detail} readOnly={false} onPatch={async () => {}} onOpenTab={() => {}} />);
    // The outline is the pages' text alternative (the pages themselves: preview/PreviewPanel.test.tsx).
    await setupUser().click(screen.getByRole('radio', { name: 'Text outline' }));
    const preview = await screen.findByTestId('report-preview');
    expect(within(preview).getByRole('heading', { name: 'Shared services in Viet Nam' })).toBeTruthy();
    const problem = within(preview).getByRole('region', { name: 'Problem' });
    expect(problem.textContent).toContain('Each agency ran its own payroll.');
    expect(within(problem).getByText(/Source: A-EXPECS directory, experts by country/)).toBeTruthy();
    expect(within(preview).getByRole('region', { name: 'Context' }).textContent).toContain('Not written yet');
    expect(within(preview).getByTestId('ratings-matrix').textContent).toContain('Strong');
    // The level given is marked on its criterion's row (the column headers name every level anyway).
    const given = [...within(preview).getByTestId('ratings-matrix').querySelectorAll('[data-given="true"]')].map((td) => `${td.closest('tr')!.getAttribute('data-criterion')}:${td.textContent}`);
    expect(given).toEqual(['inclusive:●Strong']);
    expect(screen.queryByTestId('export-refusal')).toBeNull();
  }, 60_000);
});
