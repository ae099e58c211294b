// @vitest-environment jsdom
import '../../../test/setup-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ExpertCreate } from '../../../../../shared/model/expert';
import { figureSchema, type Figure } from '../../../../../shared/model/reports/figure';
import { createApi } from '../../../api/client';
import { AppProviders } from '../../../App';
import type { Locale } from '../../../i18n';
import { CoreBridge } from '../../../test/coreBridge';
import { setupUser } from '../../../test/renderApp';
import { FigureDialog } from './FigureDialog';

type User = ReturnType<typeof setupUser>;
/** The core answers within milliseconds; a machine busy with other work may take seconds. */
const slow = { timeout: 8000 };

async function choose(user: User, label: RegExp | string, option: string) {
  await user.click(screen.getByLabelText(label, { selector: 'input' }));
  await user.click(await screen.findByRole('option', { name: option }));
}

const person = (givenName: string, country: ExpertCreate['country'], languages: string[], expertise: string[]): ExpertCreate => ({
  givenName,
  familyName: 'Test',
  country,
  languages: languages.map((code) => ({ code, proficiency: 'fluent' as const })),
  expertise,
});

/** A directory of five: two in Thailand, two in Viet Nam (one archived), one in Indonesia. */
async function seeded() {
  const bridge = new CoreBridge();
  const create = async (e: ExpertCreate) => {
    const r = await bridge.core.dispatch('experts.create', { expert: e });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { id: string }).id;
  };
  await create(person('Somchai', 'TH', ['th', 'en'], ['hrm.recruitment']));
  await create(person('Suda', 'TH', ['th'], ['digital']));
  await create(person('Linh', 'VN', ['vi', 'en'], ['hrm']));
  const archived = await create(person('Minh', 'VN', ['vi'], ['digital']));
  await create(person('Dewi', 'ID', ['id', 'en'], ['hrm.recruitment']));
  const r = await bridge.core.dispatch('experts.archive', { id: archived, reason: 'Retired from service' });
  if (!r.ok) throw new Error(r.error.message);
  return { bridge, create };
}

function renderDialog(bridge: CoreBridge, props: { initial?: Figure; locale?: Locale } = {}) {
  const onInsert = vi.fn<(f: Figure) => void>();
  const onClose = vi.fn();
  render(
    <AppProviders api={createApi(bridge)} locale={props.locale ?? 'en'} testEnv>
      <FigureDialog opened initial={props.initial} section="s_results" onClose={onClose} onInsert={onInsert} />
    </AppProviders>,
  );
  return { onInsert, onClose };
}

const tableRows = async () => {
  const preview = await screen.findByTestId('figure-preview');
  const table = within(preview).getByTestId('figure-table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.children].map((c) => c.textContent));
};

describe('FigureDialog (real core)', () => {
  it('previews the count of the directory, follows the filters, and inserts the figure with its source', async () => {
    const { bridge } = await seeded();
    const user = setupUser();
    const { onInsert } = renderDialog(bridge);
    // Active experts only: Minh (archived) is left out.
    await waitFor(async () => expect(await tableRows()).toEqual([['Thailand', '2'], ['Indonesia', '1'], ['Viet Nam', '1']]), slow);
    expect(screen.getByTestId('figure-source').textContent).toMatch(/^Source: A-EXPECS directory, experts by country; filters: active experts only; taken \d{1,2} \w{3} \d{4} \d{2}:\d{2} UTC\.$/);
    expect(bridge.callsOf('figures.compute')).toContainEqual({ metric: 'experts_by_country', filters: {}, lang: 'en' });

    await user.click(screen.getByRole('checkbox', { name: 'Count archived experts too' }));
    await waitFor(async () => expect(await tableRows()).toContainEqual(['Viet Nam', '2']), slow);
    await choose(user, 'What to count', 'Experts by language');
    await choose(user, 'Countries', 'Viet Nam');
    await waitFor(async () => expect(await tableRows()).toEqual([['Vietnamese', '2'], ['English', '1']]), slow);
    expect(screen.getByLabelText(/^Title/, { selector: 'input' })).toHaveProperty('value', 'Experts by language');
    expect(screen.getByTestId('figure-source').textContent).toContain('filters: country Viet Nam, archived experts included;');

    await user.click(screen.getByRole('radio', { name: 'Table' }));
    await user.click(screen.getByRole('button', { name: 'Insert the figure' }));
    expect(onInsert).toHaveBeenCalledTimes(1);
    const figure = onInsert.mock.calls[0]![0];
    expect(figureSchema.parse(figure)).toEqual(figure);
    expect(figure).toMatchObject({
      metric: 'experts_by_language',
      filters: { countries: ['VN'], includeArchived: true },
      title: 'Experts by language',
      chart: 'table',
      total: 2,
      section: 's_results',
      rows: [
        { key: 'vi', label: 'Vietnamese', count: 2 },
        { key: 'en', label: 'English', count: 1 },
      ],
    });
  });

  it('shows an edited figure with the numbers it was taken with until refreshed, then counts now and keeps its id', async () => {
    const { bridge, create } = await seeded();
    const user = setupUser();
    const initial: Figure = {
      id: '0192f3a4-5b6c-7d8e-9f01-23456789abcd',
      metric: 'experts_by_expertise',
      filters: { expertise: ['hrm'] },
      title: 'HRM experts',
      chart: 'bar',
      takenAt: Date.UTC(2026, 0, 5, 9, 30),
      total: 40,
      rows: [{ key: 'hrm', label: 'Human resource management', count: 40 }],
      section: 's_context',
    };
    const { onInsert } = renderDialog(bridge, { initial, locale: 'id' });
    expect((await screen.findByTestId('figure-stored')).textContent).toBe('Angka sebagaimana diambil pada 5 Jan 2026 09.30 UTC. Perbarui untuk menghitung direktori sekarang.');
    expect(await tableRows()).toEqual([['Manajemen sumber daya manusia', '40']]);
    expect(bridge.callsOf('figures.compute')).toEqual([]);

    await create(person('Budi', 'ID', ['id'], ['hrm.workforce-planning']));
    await user.click(screen.getByRole('button', { name: 'Perbarui angka' }));
    // Somchai, Linh, Dewi and Budi: hrm or a term under it, all active.
    await waitFor(async () => expect(await tableRows()).toEqual([['Manajemen sumber daya manusia', '4']]), slow);
    expect(screen.queryByTestId('figure-stored')).toBeNull();
    // Counted now (a change event may count once more), and only with the figure's own settings.
    expect(new Set(bridge.callsOf('figures.compute').map((c) => JSON.stringify(c)))).toEqual(new Set([JSON.stringify({ metric: 'experts_by_expertise', filters: { expertise: ['hrm'] }, lang: 'id' })]));

    await user.click(screen.getByRole('button', { name: 'Simpan data' }));
    const saved = onInsert.mock.calls[0]![0];
    expect(saved).toMatchObject({ id: initial.id, title: 'HRM experts', section: 's_context', total: 4, rows: [{ key: 'hrm', count: 4 }] });
    expect(saved.takenAt).toBeGreaterThan(initial.takenAt);
  });

  it('refuses a figure without a title, and says why a count failed', async () => {
    const { bridge } = await seeded();
    const user = setupUser();
    const { onInsert } = renderDialog(bridge);
    await waitFor(async () => expect((await tableRows()).length).toBe(3), slow);
    await user.clear(screen.getByLabelText(/^Title/, { selector: 'input' }));
    await user.click(screen.getByRole('button', { name: 'Insert the figure' }));
    expect(await screen.findByText('Give the figure a title.')).toBeTruthy();
    expect(onInsert).not.toHaveBeenCalled();

    bridge.failNext['figures.compute'] = { code: 'BUSY', message: 'The data file is busy with other work. Try again in a moment.' };
    await user.click(screen.getByRole('button', { name: 'Refresh the numbers' }));
    expect(await screen.findByText('The figure could not be counted', {}, slow)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Insert the figure' })).toHaveProperty('disabled', true);
  });

  it('says so when no expert matches, and inserts an empty figure only with its zero total', async () => {
    const { bridge } = await seeded();
    const user = setupUser();
    const { onInsert } = renderDialog(bridge);
    await waitFor(async () => expect((await tableRows()).length).toBe(3), slow);
    await choose(user, 'Languages', 'Khmer (km)');
    expect(await screen.findByTestId('figure-empty', {}, slow)).toBeTruthy();
    expect(screen.getByTestId('figure-total').textContent).toBe('0 experts counted.');
    await user.click(screen.getByRole('button', { name: 'Insert the figure' }));
    expect(onInsert.mock.calls[0]![0]).toMatchObject({ total: 0, rows: [], filters: { languages: ['km'] } });
  });
});
