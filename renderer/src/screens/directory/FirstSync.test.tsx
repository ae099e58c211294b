// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { runServer, type RunningServer } from '../../../../electron/core/sync/testing';
import { coreWith, CoreBridge } from '../../test/coreBridge';
import { renderApp, setupUser } from '../../test/renderApp';
import { signedInStatus } from '../../test/syncStatus';

let servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const firstSync = (done: number, total: number) => signedInStatus({ state: 'syncing', progress: { phase: 'snapshot', done, total } });
const countryBox = (name: string) => within(screen.getByTestId('facet-country')).queryByRole('checkbox', { name });

describe('The directory during and after a first sync', () => {
  it('says a first sync is under way, with its progress, instead of offering demo data; once it ends, the usual empty state', async () => {
    const bridge = new CoreBridge();
    renderApp({ bridge });
    expect(await screen.findByRole('button', { name: 'Load demo data' })).toBeTruthy();

    bridge.emit('sync', firstSync(43_832, 170_012));
    const state = await screen.findByTestId('first-sync-directory');
    expect(within(state).getByRole('heading', { name: 'First sync under way' })).toBeTruthy();
    expect(state.textContent).toContain('43,832 of 170,012 changes received');
    expect(within(state).getByRole('progressbar', { name: 'First sync progress' }).getAttribute('aria-valuenow')).toBe('26');
    expect(screen.queryByRole('button', { name: 'Load demo data' })).toBeNull();
    expect(screen.queryByTestId('empty-directory')).toBeNull();

    // A sync that has not said how much yet: the notice without numbers.
    bridge.emit('sync', signedInStatus({ state: 'syncing', progress: null }));
    await waitFor(() => expect(within(screen.getByTestId('first-sync-directory')).queryByRole('progressbar')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Load demo data' })).toBeNull();

    bridge.emit('sync', signedInStatus({ lastSyncedAt: Date.now() }));
    expect(await screen.findByTestId('empty-directory')).toBeTruthy();
    expect(screen.queryByTestId('first-sync-directory')).toBeNull();
  });

  it('says the same in Indonesian', async () => {
    const bridge = new CoreBridge();
    renderApp({ bridge, locale: 'id' });
    await screen.findByTestId('empty-directory');
    bridge.emit('sync', firstSync(43_832, 170_012));
    const state = await screen.findByTestId('first-sync-directory');
    expect(within(state).getByRole('heading', { name: 'Sinkronisasi pertama sedang berjalan' })).toBeTruthy();
    expect(state.textContent).toContain('43.832 dari 170.012 perubahan diterima');
    expect(within(state).getByRole('progressbar', { name: 'Kemajuan sinkronisasi pertama' })).toBeTruthy();
  });

  it('refreshes facet counts first counted over an empty directory when experts arrive, and again while they are shown', async () => {
    const bridge = new CoreBridge();
    renderApp({ bridge });
    await screen.findByTestId('empty-directory');
    const askedEmpty = bridge.callsOf('experts.facets').length;
    // The core announces the write with a 'changed' event, as sync does for what it applies.
    await bridge.insert({ givenName: 'Siti', familyName: 'Rahayu', country: 'ID' });
    await waitFor(() => expect(screen.getAllByTestId('expert-row')).toHaveLength(1));
    await waitFor(() => expect(countryBox('Indonesia')).toBeTruthy());
    expect(bridge.callsOf('experts.facets').length).toBeGreaterThan(askedEmpty);

    // With the panel on screen: the next change refreshes the counts in place.
    await bridge.insert({ givenName: 'Somchai', familyName: 'Phongsa', country: 'TH' });
    await waitFor(() => expect(countryBox('Thailand')).toBeTruthy());
  });

  it('says the counts are on their way, not "Nothing to filter by", while new counts load over those of an empty directory', async () => {
    const bridge = new CoreBridge();
    renderApp({ bridge });
    await screen.findByTestId('empty-directory');
    const release = bridge.hold('experts.facets');
    await bridge.insert({ givenName: 'Siti', familyName: 'Rahayu', country: 'ID' });
    await waitFor(() => expect(screen.getAllByTestId('expert-row')).toHaveLength(1));
    const country = await screen.findByTestId('facet-country');
    await waitFor(() => expect(country.textContent).toContain('Counting…'));
    expect(country.textContent).not.toContain('Nothing to filter by');
    release();
    await waitFor(() => expect(countryBox('Indonesia')).toBeTruthy());
  });

  it('says when the counts could not be refreshed, and refreshes them on Try again', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    renderApp({ bridge });
    await screen.findByTestId('empty-directory');
    // The counts asked while the list loaded have been asked: the next ask is the refresh.
    await waitFor(() => expect(bridge.callsOf('experts.facets').length).toBeGreaterThan(0));
    bridge.failNext['experts.facets'] = { code: 'INTERNAL', message: "The app's core cannot be reached. Check that A-EXPECS Curator is still running, then try again." };
    await bridge.insert({ givenName: 'Siti', familyName: 'Rahayu', country: 'ID' });
    expect(await screen.findByText('The filter counts could not be updated', undefined, { timeout: 5000 })).toBeTruthy();
    const filters = screen.getByRole('region', { name: 'Filters' });
    await user.click(within(filters).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(countryBox('Indonesia')).toBeTruthy());
    expect(screen.queryByText('The filter counts could not be updated')).toBeNull();
  });

  it('shows the experts and their facets once a real first sync from a real server brings them', async () => {
    const central = await runServer();
    servers.push(central);
    const ana = await central.user({ name: 'Ana Reyes' });
    const budi = await central.user({ name: 'Budi Santoso' });
    const source = await coreWith([]);
    expect((await source.core.dispatch('sync.enroll', { serverUrl: central.url, code: ana.code })).ok).toBe(true);
    for (const [givenName, country] of [['Siti', 'ID'], ['Somchai', 'TH'], ['An', 'VN']] as const) await source.insert({ givenName, familyName: 'Test', country });
    expect((await source.core.dispatch('sync.now', {})).ok).toBe(true);

    const { bridge } = renderApp({ bridge: new CoreBridge() });
    expect(await screen.findByTestId('empty-directory')).toBeTruthy();
    expect((await bridge.core.dispatch('sync.enroll', { serverUrl: central.url, code: budi.code })).ok).toBe(true);
    // (Generous waits: a real server and two cores share the machine's CPU.)
    await waitFor(() => expect(screen.getAllByTestId('expert-row')).toHaveLength(3), { timeout: 15_000 });
    for (const country of ['Indonesia', 'Thailand', 'Viet Nam']) await waitFor(() => expect(countryBox(country)).toBeTruthy(), { timeout: 15_000 });
  });
});
