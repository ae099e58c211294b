// @vitest-environment jsdom
import '../../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExpertCreate } from '../../../../../shared/model/expert';
import type { CoreBridge } from '../../../test/coreBridge';
import { setupUser } from '../../../test/renderApp';
import { FiguresPanel } from './FiguresPanel';
import { reportCore, renderPanel, stored } from './testing';

type User = ReturnType<typeof setupUser>;
const slow = { timeout: 10_000 };

async function choose(user: User, within_: HTMLElement, label: RegExp | string, option: string) {
  await user.click(within(within_).getByLabelText(label, { selector: 'input' }));
  await user.click(await screen.findByRole('option', { name: option }));
}

const person = (givenName: string, country: ExpertCreate['country']): ExpertCreate => ({ givenName, familyName: 'Test', country });

async function figuresOf(bridge: CoreBridge, id: string) {
  const r = await stored(bridge, id);
  if (r.type !== 'case_study') throw new Error('not a case study');
  return r.fields.figures;
}

describe('FiguresPanel (real core)', () => {
  it('inserts a figure after the chosen section, refreshes it with the same filters, moves and removes it', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Regional talent pool' } });
    await bridge.insert(person('Somchai', 'TH'));
    await bridge.insert(person('Suda', 'TH'));
    await bridge.insert(person('Linh', 'VN'));
    await renderPanel(FiguresPanel, { bridge, report });
    expect(screen.getByTestId('figures-empty')).toBeTruthy();

    await choose(user, screen.getByTestId('figures-panel'), 'Insert after the section', 'Context');
    await user.click(screen.getByRole('button', { name: 'Insert a figure…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Insert a figure from the directory' });
    await choose(user, dialog, 'Countries', 'Thailand');
    await waitFor(() => expect(within(dialog).getByText('2 experts counted.')).toBeTruthy(), slow);
    await user.click(within(dialog).getByRole('button', { name: 'Insert the figure' }));

    await waitFor(async () => expect(await figuresOf(bridge, report.id)).toHaveLength(1), slow);
    const [first] = await figuresOf(bridge, report.id);
    expect(first).toMatchObject({ metric: 'experts_by_country', filters: { countries: ['TH'] }, total: 2, section: 's_context' });
    const card = await screen.findByTestId('report-figure');
    // Drawn with its source note.
    expect(card.textContent).toContain('Source: A-EXPECS directory, experts by country; filters: country Thailand');

    // A new Thai expert: refreshing counts the same filters now, with a new takenAt.
    await bridge.insert(person('Anong', 'TH'));
    await bridge.insert(person('Dewi', 'ID'));
    await user.click(within(card).getByRole('button', { name: `Refresh the numbers of ${first!.title}` }));
    await waitFor(async () => expect((await figuresOf(bridge, report.id))[0]).toMatchObject({ id: first!.id, filters: { countries: ['TH'] }, total: 3, section: 's_context' }), slow);
    expect((await figuresOf(bridge, report.id))[0]!.takenAt).toBeGreaterThanOrEqual(first!.takenAt);
    expect(bridge.callsOf('figures.compute').at(-1)).toMatchObject({ metric: 'experts_by_country', filters: { countries: ['TH'] } });

    await choose(user, screen.getByTestId('report-figure'), /^Follows the section/, 'Results');
    await waitFor(async () => expect((await figuresOf(bridge, report.id))[0]!.section).toBe('s_results'));

    await user.click(within(screen.getByTestId('report-figure')).getByRole('button', { name: `Remove ${first!.title}` }));
    await waitFor(async () => expect(await figuresOf(bridge, report.id)).toEqual([]));
    expect(await screen.findByTestId('figures-empty')).toBeTruthy();
  }, 120_000);

  it('shows the figures without the means to change them when read-only', async () => {
    const { bridge, report } = await reportCore({
      type: 'case_study',
      fields: {
        title: 'Regional talent pool',
        figures: [{ id: '0190a0b0-0000-7000-8000-000000000001', metric: 'experts_by_country', filters: {}, title: 'Experts by country', chart: 'table', takenAt: Date.UTC(2026, 10, 29, 14, 2), total: 4, rows: [{ key: 'TH', label: 'Thailand', count: 4 }], section: 's_results' }],
      },
    });
    await renderPanel(FiguresPanel, { bridge, report, readOnly: true, locale: 'id' });
    const card = screen.getByTestId('report-figure');
    expect(card.textContent).toContain('diambil 29 Nov 2026 14.02 UTC');
    expect(within(card).queryByRole('button', { name: /Perbarui/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sisipkan angka…' })).toBeNull();
  }, 60_000);
});
