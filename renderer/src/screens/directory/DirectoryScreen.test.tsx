// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from '../../test/fakeBridge';
import { renderApp, setupUser } from '../../test/renderApp';

const seeds = () =>
  new FakeBridge([
    { givenName: 'Văn An', familyName: 'Nguyễn', nameOrder: 'family-given', country: 'VN', agency: 'Ministry of Home Affairs', languages: [{ code: 'vi', proficiency: 'native' }] },
    { givenName: 'Siti', familyName: 'Rahayu', country: 'ID', agency: 'BKN', honorific: 'Dr.', expertise: ['hrm.recruitment'] },
    { givenName: 'Somchai', familyName: 'Phongsa', country: 'TH', agency: 'OCSC', status: 'archived' },
  ]);

describe('Experts directory', () => {
  it('lists experts with the total, and narrows instantly as the curator types (diacritics folded)', async () => {
    const user = setupUser();
    renderApp({ bridge: seeds() });
    expect(await screen.findAllByTestId('expert-row')).toHaveLength(3);
    expect((screen.getByTestId('result-count'))?.textContent).toContain('3 experts');
    const somchai = screen.getAllByTestId('expert-row').find((r) => r.textContent?.includes('Somchai'))!;
    expect(within(somchai).getByText('Archived')).toBeTruthy();

    await user.type(screen.getByTestId('search-input'), 'nguyen');
    await waitFor(() => expect(screen.getAllByTestId('expert-row')).toHaveLength(1));
    expect((screen.getByTestId('result-count'))?.textContent).toContain('1 expert');
    expect((screen.getByTestId('expert-row'))?.textContent).toContain('Nguyễn Văn An');
  });

  it('moves through results with the arrow keys and opens the active one with Enter', async () => {
    const user = setupUser();
    renderApp({ bridge: seeds() });
    const rows = await screen.findAllByTestId('expert-row');
    // Sorted by name: Nguyễn Văn An, Siti Rahayu, Somchai Phongsa.
    expect(rows.map((r) => r.getAttribute('aria-selected'))).toEqual(['false', 'false', 'false']);

    // `/` from outside any input focuses the search box.
    await user.click(document.body);
    await user.keyboard('/');
    const search = screen.getByTestId('search-input');
    expect(document.activeElement).toBe(search);
    expect((search as HTMLInputElement).value).toBe('');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    const selected = () => screen.getAllByTestId('expert-row').filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected()).toHaveLength(1);
    expect((selected()[0])?.textContent).toContain('Siti Rahayu');
    expect(search.getAttribute('aria-activedescendant')).toBe(selected()[0]!.id);

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    expect((selected()[0])?.textContent).toContain('Siti Rahayu');

    await user.keyboard('{Enter}');
    expect((await screen.findByTestId('expert-name'))?.textContent).toContain('Siti Rahayu');
    expect(window.location.hash).toMatch(/^#\/experts\/[0-9a-f-]{36}$/);
  });

  it('filters by a facet with counts, and clears it', async () => {
    const user = setupUser();
    const { bridge } = renderApp({ bridge: seeds() });
    const countries = await screen.findByTestId('facet-country');
    await waitFor(() => expect(within(countries).getByRole('checkbox', { name: 'Thailand' })).toBeTruthy());
    const thailand = within(countries).getByRole('checkbox', { name: 'Thailand' });
    expect((document.getElementById(thailand.getAttribute('aria-describedby')!))?.textContent).toContain('1');

    await user.click(thailand);
    await waitFor(() => expect(screen.getAllByTestId('expert-row')).toHaveLength(1));
    expect(bridge.callsOf('experts.search').at(-1)).toMatchObject({ filters: { country: ['TH'] } });

    await user.click(within(countries).getByRole('button', { name: 'Clear Country filter' }));
    await waitFor(() => expect(screen.getAllByTestId('expert-row')).toHaveLength(3));
  });

  it('says when the core sorted by name because there were too many matches to rank', async () => {
    const user = setupUser();
    const bridge = seeds();
    bridge.rankLimit = 1;
    renderApp({ bridge });
    await screen.findAllByTestId('expert-row');
    expect(screen.queryByTestId('sort-fallback')).toBeNull();
    await user.type(screen.getByTestId('search-input'), 'a');
    expect((await screen.findByTestId('sort-fallback')).textContent).toContain('sorted by name');
    await user.type(screen.getByTestId('search-input'), 'n an');
    await waitFor(() => expect(screen.queryByTestId('sort-fallback')).toBeNull());
  });

  it('says so when a search finds nothing, and offers to clear it', async () => {
    const user = setupUser();
    renderApp({ bridge: seeds() });
    await screen.findAllByTestId('expert-row');
    await user.type(screen.getByTestId('search-input'), 'zzzz');
    expect(await screen.findByTestId('no-results')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(screen.getAllByTestId('expert-row')).toHaveLength(3));
  });

  it('offers demo data on an empty database and shows the experts once loaded', async () => {
    const user = setupUser();
    const { bridge } = renderApp();
    expect(await screen.findByTestId('empty-directory')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Load demo data' }));
    await waitFor(() => expect(screen.getAllByTestId('expert-row').length).toBeGreaterThan(0));
    expect(bridge.callsOf('demo.load')).toEqual([{ experts: 500 }]);
    expect((screen.getByTestId('result-count'))?.textContent).toContain('500 experts');
  });

  it('loads the next page as the list scrolls, using the cursor', async () => {
    const bridge = new FakeBridge(Array.from({ length: 120 }, (_, i) => ({ givenName: `Expert ${String(i).padStart(3, '0')}`, country: 'MY' as const })));
    renderApp({ bridge });
    await screen.findAllByTestId('expert-row');
    const list = screen.getByTestId('expert-list');
    list.scrollTop = 50 * 64 - 640;
    list.dispatchEvent(new Event('scroll'));
    await waitFor(() => expect(bridge.callsOf('experts.search').some((c) => (c as { cursor: string | null }).cursor === '50')).toBe(true));
    expect((screen.getByTestId('result-count'))?.textContent).toContain('120 experts');
  });

  it('shows an error with a retry when the core cannot be reached', async () => {
    const user = setupUser();
    const bridge = seeds();
    bridge.failNext['experts.search'] = { code: 'INTERNAL', message: "The app's core cannot be reached. Check that A-EXPECS Curator is still running, then try again." };
    renderApp({ bridge });
    expect(await screen.findByText('The experts could not be loaded')).toBeTruthy();
    expect(screen.getByText(/cannot be reached/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findAllByTestId('expert-row')).toHaveLength(3);
  });
});

describe('isTypingTarget', () => {
  it('treats text fields as typing, checkboxes and lists as not', async () => {
    const { isTypingTarget } = await import('./DirectoryScreen');
    const input = (type: string) => Object.assign(document.createElement('input'), { type });
    expect(isTypingTarget(input('text'))).toBe(true);
    expect(isTypingTarget(input('search'))).toBe(true);
    expect(isTypingTarget(document.createElement('textarea'))).toBe(true);
    expect(isTypingTarget(input('checkbox'))).toBe(false);
    expect(isTypingTarget(document.createElement('div'))).toBe(false);
  });
});
