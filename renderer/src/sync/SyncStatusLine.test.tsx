// @vitest-environment jsdom
import '../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CoreBridge } from '../test/coreBridge';
import { renderApp, setupUser } from '../test/renderApp';
import { signedInStatus } from '../test/syncStatus';

const line = () => screen.getByTestId('sync-status');
const live = () => within(line()).getByRole('status');
const text = () => screen.getByTestId('sync-status-text').textContent;
const MINUTE = 60_000;

describe('Sync status in the app shell', () => {
  it('says how long ago the last sync was', async () => {
    const bridge = new CoreBridge();
    renderApp({ bridge });
    bridge.emit('sync', signedInStatus({ lastSyncedAt: Date.now() - 5 * MINUTE }));
    await waitFor(() => expect(text()).toBe('Synced 5 minutes ago'));
    expect(live().textContent).toBe('Synced');
    expect(live().getAttribute('aria-live')).toBe('polite');
  });

  it('says the same in Indonesian, with the changes waiting', async () => {
    const bridge = new CoreBridge();
    renderApp({ bridge, locale: 'id' });
    bridge.emit('sync', signedInStatus({ lastSyncedAt: Date.now() - 5 * MINUTE, waiting: 2 }));
    await waitFor(() => expect(text()).toBe('Tersinkron 5 menit yang lalu · 2 perubahan menunggu'));
  });

  it('shows how far a sync has come, and announces only that it is syncing', async () => {
    const bridge = new CoreBridge();
    renderApp({ bridge });
    bridge.emit('sync', signedInStatus({ state: 'syncing', progress: { phase: 'snapshot', done: 12000, total: 50000 } }));
    await waitFor(() => expect(text()).toBe('Syncing… · First sync: 12,000 of 50,000 changes received'));
    const bar = within(line()).getByRole('progressbar', { name: 'Sync progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('24');
    const announced = live();
    bridge.emit('sync', signedInStatus({ state: 'syncing', progress: { phase: 'snapshot', done: 36000, total: 50000 } }));
    await waitFor(() => expect(text()).toBe('Syncing… · First sync: 36,000 of 50,000 changes received'));
    // The live region is the same node with the same words: nothing new to announce per step.
    expect(live()).toBe(announced);
    expect(announced.textContent).toBe('Syncing…');
  });

  it('says offline with the changes waiting and when it tries again', async () => {
    const bridge = new CoreBridge();
    renderApp({ bridge, locale: 'id' });
    bridge.emit('sync', signedInStatus({ state: 'offline', waiting: 3, nextAttemptAt: Date.now() + 2 * MINUTE + 5000 }));
    await waitFor(() => expect(live().textContent).toBe('Luring — 3 perubahan menunggu'));
    expect(text()).toBe('Luring — 3 perubahan menunggu · dicoba lagi dalam 2 menit');
  });

  it('offers "Sign in again" after the server revoked the token, leading to Settings with the reason', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    renderApp({ bridge });
    bridge.emit('sync', signedInStatus({ state: 'error', problem: { code: 'TOKEN_REVOKED', message: 'The server has withdrawn this computer’s access (token 4f2a).' } }));
    await waitFor(() => expect(live().textContent).toBe('Sync stopped'));
    await user.click(within(line()).getByRole('link', { name: 'Sign in again' }));
    expect(await screen.findByRole('heading', { name: 'Settings', level: 1 })).toBeTruthy();
    const section = screen.getByTestId('sync-settings');
    expect(within(section).getByText('The server has withdrawn this computer’s access (token 4f2a).')).toBeTruthy();
    expect(within(section).getByRole('textbox', { name: /Enrollment code/ })).toBeTruthy();
  });

  it('can be reached and followed with the keyboard', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    renderApp({ bridge });
    bridge.emit('sync', signedInStatus({ state: 'error', problem: { code: 'UNAUTHENTICATED', message: 'Unknown token.' } }));
    const link = await within(line()).findByRole('link', { name: 'Sign in again' });
    for (let i = 0; i < 10 && document.activeElement !== link; i++) await user.tab();
    expect(document.activeElement).toBe(link);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Settings', level: 1 })).toBeTruthy();
  });

  it('links to Settings while sync is not set up', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    renderApp({ bridge });
    bridge.emit('sync', { ...signedInStatus(), configured: false, serverUrl: null, user: null, state: 'off' });
    await waitFor(() => expect(live().textContent).toBe('Sync not set up'));
    await user.click(within(line()).getByRole('link', { name: 'Set up sync' }));
    expect(await screen.findByRole('heading', { name: 'Settings', level: 1 })).toBeTruthy();
  });

  it('counts sync problems and leads to their screen', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    renderApp({ bridge });
    bridge.emit('sync', signedInStatus({ lastSyncedAt: Date.now(), problems: 2 }));
    const link = await within(line()).findByRole('link', { name: '2 sync problems' });
    expect(screen.getByRole('navigation').textContent).toContain('Sync problems2');
    await user.click(link);
    expect(await screen.findByRole('heading', { name: 'Sync problems', level: 1 })).toBeTruthy();
  });

  it('with a workshop hub and central, says where sync stands with each', async () => {
    const bridge = new CoreBridge();
    renderApp({ bridge });
    const hub = { id: 'hub' as const, url: 'https://192.168.1.20:8765', state: 'idle' as const, lastSyncedAt: Date.now() - 2 * MINUTE, waiting: 0, progress: null, problem: null };
    const central = { id: 'central' as const, url: 'https://sync.accsm.example', state: 'offline' as const, lastSyncedAt: null, waiting: 3, progress: null, problem: { code: 'OFFLINE', message: 'No answer.' } };
    bridge.emit('sync', signedInStatus({ state: 'offline', waiting: 0, remotes: [hub, central] }));
    await waitFor(() => expect(screen.getAllByTestId('sync-status-text').map((e) => e.textContent)).toEqual(['Hub: Synced 2 minutes ago', 'Central: Offline — 3 changes waiting']));
    expect(within(line()).getAllByRole('status').map((e) => e.textContent)).toEqual(['Hub: Synced', 'Central: Offline — 3 changes waiting']);

    bridge.emit('sync', signedInStatus({ state: 'syncing', remotes: [{ ...hub, state: 'syncing', progress: { phase: 'pull', done: 40, total: 160 } }, central] }));
    await waitFor(() => expect(screen.getAllByTestId('sync-status-text')[0]!.textContent).toBe('Hub: Syncing… · Receiving changes: 40 of 160'));
    expect(within(line()).getByRole('progressbar', { name: 'Sync progress' }).getAttribute('aria-valuenow')).toBe('25');
  });

  it('names both servers in Indonesian too', async () => {
    const bridge = new CoreBridge();
    renderApp({ bridge, locale: 'id' });
    const remote = { url: 'https://x.example', lastSyncedAt: null, waiting: 1, progress: null, problem: null };
    bridge.emit('sync', signedInStatus({ state: 'error', remotes: [{ ...remote, id: 'hub', state: 'idle' }, { ...remote, id: 'central', state: 'error', problem: { code: 'SERVER_ERROR', message: 'x' } }] }));
    await waitFor(() => expect(screen.getAllByTestId('sync-status-text').map((e) => e.textContent)).toEqual(['Hub: Belum pernah tersinkron · 1 perubahan menunggu', 'Pusat: Sinkronisasi terhenti · 1 perubahan menunggu']));
  });
});
