// @vitest-environment jsdom
import '../../test/setup-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CoreBridge, coreWith, type ExpertSeed } from '../../test/coreBridge';
import { renderApp, setupUser } from '../../test/renderApp';
import { PAGE_SIZE } from './useDirectoryData';

const three: ExpertSeed[] = [
  { givenName: 'Văn An', familyName: 'Nguyễn', nameOrder: 'family-given', country: 'VN', agency: 'Ministry of Home Affairs', languages: [{ code: 'vi', proficiency: 'native' }] },
  { givenName: 'Siti', familyName: 'Rahayu', country: 'ID', agency: 'BKN', honorific: 'Dr.', expertise: ['hrm.recruitment', 'performance.appraisal'] },
  { givenName: 'Somchai', familyName: 'Phongsa', country: 'TH', agency: 'OCSC', status: 'archived' },
];

/** Experts "Expert 000" … in name order, all in Malaysia. */
const numbered = (n: number) => coreWith(Array.from({ length: n }, (_, i) => ({ givenName: `Expert ${String(i).padStart(3, '0')}`, country: 'MY' as const })));

const rows = () => screen.queryAllByTestId('expert-row');
const names = () => rows().map((r) => r.textContent ?? '');
const selected = () => screen.getAllByRole('option').filter((r) => r.getAttribute('aria-selected') === 'true');

describe('Experts directory', () => {
  it('lists experts with the total, and narrows as the curator types (diacritics folded)', async () => {
    const user = setupUser();
    renderApp({ bridge: await coreWith(three) });
    expect(await screen.findAllByTestId('expert-row')).toHaveLength(3);
    expect(screen.getByTestId('result-count').textContent).toContain('3 experts');
    const somchai = rows().find((r) => r.textContent?.includes('Somchai'))!;
    expect(within(somchai).getByText('Archived')).toBeTruthy();

    await user.type(screen.getByTestId('search-input'), 'nguyen');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByTestId('result-count').textContent).toContain('1 expert');
    expect(rows()[0]!.textContent).toContain('Nguyễn Văn An');
  });

  it("shows each row's top expertise areas by their taxonomy labels", async () => {
    renderApp({ bridge: await coreWith(three) });
    await screen.findAllByTestId('expert-row');
    const siti = rows().find((r) => r.textContent?.includes('Siti'))!;
    await waitFor(() => expect(within(siti).getByTestId('row-expertise').textContent).toBe('Recruitment and selection · Individual performance appraisal'));
  });

  it('names the expertise a row matched on once: as the match, not again among its top areas', async () => {
    const user = setupUser();
    renderApp({ bridge: await coreWith(three) });
    await screen.findAllByTestId('expert-row');
    await user.type(screen.getByTestId('search-input'), 'appraisal');
    await waitFor(() => expect(rows()).toHaveLength(1));
    const siti = rows()[0]!;
    await waitFor(() => expect(within(siti).getByTestId('row-match').textContent).toBe('expertise: Individual performance appraisal'));
    expect(within(siti).getByTestId('row-expertise').textContent).toBe('Recruitment and selection');
  });

  it('moves through results with the arrow keys and opens the active one with Enter', async () => {
    const user = setupUser();
    renderApp({ bridge: await coreWith(three) });
    await screen.findAllByTestId('expert-row');
    // Sorted by name: Nguyễn Văn An, Siti Rahayu, Somchai Phongsa.
    expect(names().map((n) => /Nguyễn|Siti|Somchai/.exec(n)?.[0])).toEqual(['Nguyễn', 'Siti', 'Somchai']);
    expect(rows().map((r) => r.getAttribute('aria-selected'))).toEqual(['false', 'false', 'false']);

    // `/` from outside any input focuses the search box.
    await user.click(document.body);
    await user.keyboard('/');
    const search = screen.getByTestId('search-input');
    expect(document.activeElement).toBe(search);
    expect((search as HTMLInputElement).value).toBe('');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(selected()).toHaveLength(1);
    expect(selected()[0]!.textContent).toContain('Siti Rahayu');
    expect(search.getAttribute('aria-activedescendant')).toBe(selected()[0]!.id);

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect(selected()[0]!.textContent).toContain('Siti Rahayu');

    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('expert-name')).textContent).toContain('Siti Rahayu');
    expect(window.location.hash).toMatch(/^#\/experts\/[0-9a-f-]{36}$/);
    // The row that had focus is gone; focus is on the expert's name, not lost to the page body.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Siti Rahayu' })));

    // Back: the list has focus on the same row, so the arrows carry on from there.
    await user.click(screen.getByRole('button', { name: 'Back to experts' }));
    const list = await screen.findByRole('listbox', { name: 'Search results' });
    await waitFor(() => expect(document.activeElement).toBe(list));
    expect(selected()[0]!.textContent).toContain('Siti Rahayu');
    await user.keyboard('{ArrowDown}');
    expect(selected()[0]!.textContent).toContain('Somchai Phongsa');
  });

  it('filters by a facet with counts, and clears it', async () => {
    const user = setupUser();
    const { bridge } = renderApp({ bridge: await coreWith(three) });
    const countries = await screen.findByTestId('facet-country');
    await waitFor(() => expect(within(countries).getByRole('checkbox', { name: 'Thailand' })).toBeTruthy());
    const thailand = within(countries).getByRole('checkbox', { name: 'Thailand' });
    expect(document.getElementById(thailand.getAttribute('aria-describedby')!)?.textContent).toContain('1');

    await user.click(thailand);
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(bridge.callsOf('experts.search').at(-1)).toMatchObject({ filters: { country: ['TH'] } });

    await user.click(within(countries).getByRole('button', { name: 'Clear Country filter' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('says so when a search finds nothing, and offers to clear it', async () => {
    const user = setupUser();
    renderApp({ bridge: await coreWith(three) });
    await screen.findAllByTestId('expert-row');
    await user.type(screen.getByTestId('search-input'), 'zzzz');
    expect(await screen.findByTestId('no-results')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('cuts a pasted text longer than a search may be, says so, and still searches', async () => {
    const user = setupUser();
    const { bridge } = renderApp({ bridge: await coreWith(three) });
    await screen.findAllByTestId('expert-row');
    const search = screen.getByTestId('search-input') as HTMLInputElement;
    await user.click(search);
    // 199 letters then an emoji: the cut at 200 would split its surrogate pair.
    await user.paste('nguyen ' + 'x'.repeat(192) + '😀' + 'y'.repeat(9800));
    expect(await screen.findByText('A search uses at most 200 characters; the rest was left out.')).toBeTruthy();
    expect(search.value).toBe('nguyen ' + 'x'.repeat(192));
    expect(search.getAttribute('aria-invalid')).toBe('true');
    // The search ran on the cut text (no error screen), and found nobody with that word.
    expect(await screen.findByTestId('no-results')).toBeTruthy();
    expect(screen.queryByText('The experts could not be loaded')).toBeNull();
    expect(bridge.callsOf('experts.search').every((input) => (input.query ?? '').length <= 200)).toBe(true);

    // The next edit within the limit clears the notice.
    await user.clear(search);
    await user.type(search, 'nguyen');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.queryByText(/at most 200 characters/)).toBeNull();
  });

  it('offers demo data on an empty database and shows the experts once loaded', async () => {
    const user = setupUser();
    const { bridge } = renderApp();
    expect(await screen.findByTestId('empty-directory')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Load demo data' }));
    await waitFor(() => expect(screen.getByTestId('result-count').textContent).toContain('500 experts'));
    expect(rows().length).toBeGreaterThan(0);
    expect(bridge.callsOf('demo.load')).toEqual([{ experts: 500 }]);
  });

  it('shows an error with a retry when the core cannot be reached', async () => {
    const user = setupUser();
    const bridge = await coreWith(three);
    bridge.failNext['experts.search'] = { code: 'INTERNAL', message: "The app's core cannot be reached. Check that A-EXPECS Curator is still running, then try again." };
    renderApp({ bridge });
    expect(await screen.findByText('The experts could not be loaded')).toBeTruthy();
    expect(screen.getByText(/cannot be reached/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('expert-row')).toHaveLength(3);
  });
});

describe('The list over the whole result', () => {
  it('sizes the scrollbar for every match and fetches rows by position as they come into view', async () => {
    const bridge = await numbered(120);
    renderApp({ bridge });
    await screen.findAllByTestId('expert-row');
    const list = screen.getByTestId('expert-list');
    // The scrolled content is as tall as all 120 rows, not just the first page.
    const content = list.firstElementChild as HTMLElement;
    expect(parseInt(content.style.height, 10)).toBeGreaterThanOrEqual(120 * 64);
    expect(bridge.callsOf('experts.search').map((c) => c.offset)).toEqual([0]);

    const rowHeight = parseInt(content.style.height, 10) / 120;
    act(() => list.scrollTo({ top: 105 * rowHeight }));
    await waitFor(() => expect(names().some((n) => n.includes('Expert 110'))).toBe(true));
    const offsets = bridge.callsOf('experts.search').map((c) => c.offset);
    expect(offsets).toContain(2 * PAGE_SIZE);
    expect(bridge.callsOf('experts.search').every((c) => c.cursor === undefined)).toBe(true);
    expect(screen.getByTestId('list-position').textContent).toBe('106 of 120');
  });

  it('End reaches the last expert without loading the rows between; Home goes back; PageDown moves a screenful', async () => {
    const user = setupUser();
    const bridge = await numbered(160);
    renderApp({ bridge });
    await screen.findAllByTestId('expert-row');
    const list = screen.getByTestId('expert-list');
    list.focus();

    await user.keyboard('{End}');
    await waitFor(() => expect(selected()[0]?.textContent).toContain('Expert 159'));
    expect(list.getAttribute('aria-activedescendant')).toBe(selected()[0]!.id);
    expect(screen.getByTestId('list-position').textContent).toBe('160 of 160');
    // Page 1 (rows 50–99) lies between and was never asked for.
    expect(bridge.callsOf('experts.search').map((c) => c.offset)).not.toContain(PAGE_SIZE);

    // Scrolled away from the active row, the position follows the rows in view.
    act(() => list.scrollTo({ top: 0 }));
    await waitFor(() => expect(screen.getByTestId('list-position').textContent).toBe('1 of 160'));

    await user.keyboard('{Home}');
    await waitFor(() => expect(selected()[0]?.textContent).toContain('Expert 000'));
    await user.keyboard('{PageDown}');
    const afterPage = Number(/Expert (\d+)/.exec(selected()[0]!.textContent ?? '')![1]);
    expect(afterPage).toBeGreaterThan(1);
    expect(screen.getByTestId('list-position').textContent).toBe(`${afterPage + 1} of 160`);
  });

  it('shows the position in the curator’s language, with its number format', async () => {
    const bridge = new CoreBridge();
    const loaded = await bridge.core.dispatch('demo.load', { experts: 1200 });
    expect(loaded.ok).toBe(true);
    renderApp({ bridge, locale: 'id' });
    await screen.findAllByTestId('expert-row');
    expect(screen.getByTestId('list-position').textContent).toBe('1 dari 1.200');
    expect(screen.getByTestId('result-count').textContent).toBe('1.200 pakar');
  });
});

describe('Typing', () => {
  it('searches on every keystroke, keeps the last results up meanwhile, and never shows a late answer over a newer one', async () => {
    const user = setupUser();
    const bridge = await coreWith(three);
    renderApp({ bridge });
    await screen.findAllByTestId('expert-row');
    // The answer for "s" is held back until after the answer for "so" is on screen.
    const release = bridge.hold('experts.search', (input) => input.query === 's');
    const search = screen.getByTestId('search-input');

    await user.type(search, 's');
    // While "s" is out, the previous rows stay on screen.
    expect(rows()).toHaveLength(3);
    await user.type(search, 'o');
    await waitFor(() => expect(names()).toHaveLength(1));
    expect(names()[0]).toContain('Somchai');
    expect(bridge.callsOf('experts.search').map((c) => c.query)).toEqual(['', 's', 'so']);

    await act(async () => release());
    // Let the late answer land: its call resolves, then the cache settles.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(names()).toHaveLength(1);
    expect(names()[0]).toContain('Somchai');
    expect(screen.getByTestId('result-count').textContent).toContain('1 expert');
  });
});

describe('Refreshing by entity', () => {
  it('a change to an expert refreshes the directory and leaves the taxonomy alone', async () => {
    const bridge = await coreWith(three);
    renderApp({ bridge });
    await screen.findAllByTestId('expert-row');
    await waitFor(() => expect(bridge.callsOf('taxonomy.list')).toHaveLength(1));
    const searches = bridge.callsOf('experts.search').length;
    const siti = (await bridge.core.dispatch('experts.search', { query: 'siti' })) as { ok: true; value: { items: { id: string }[] } };

    // A write from elsewhere (another window, a sync): only the core's `changed` event tells the screen.
    await bridge.core.dispatch('experts.update', { id: siti.value.items[0]!.id, patch: { agency: 'Badan Kepegawaian Negara' } });
    await waitFor(() => expect(names().some((n) => n.includes('Badan Kepegawaian Negara'))).toBe(true));
    expect(bridge.callsOf('experts.search').length).toBeGreaterThan(searches);
    expect(bridge.callsOf('taxonomy.list')).toHaveLength(1);
  });
});
