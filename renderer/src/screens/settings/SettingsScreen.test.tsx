// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import pkg from '../../../../package.json' with { type: 'json' };
import type { MethodName } from '../../../../shared/contract';
import { CoreBridge, coreWith } from '../../test/coreBridge';
import { renderApp, setupUser } from '../../test/renderApp';

describe('Settings', () => {
  it('switches the whole app to Bahasa Indonesia and remembers the choice', async () => {
    const user = setupUser();
    renderApp({ hash: '#/settings' });
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Experts' })).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: 'Bahasa Indonesia' }));
    expect(await screen.findByRole('heading', { name: 'Pengaturan' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Pakar' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Pakar baru' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('id');
    expect(localStorage.getItem('curator.locale')).toBe('id');

    // Country and taxonomy names follow the language too.
    await user.click(screen.getByRole('link', { name: 'Pakar baru' }));
    expect(await screen.findByRole('heading', { name: 'Pakar baru' })).toBeTruthy();
    expect(screen.getByText('Nama dan identitas')).toBeTruthy();
  });

  it('chooses the colour scheme', async () => {
    const user = setupUser();
    renderApp({ hash: '#/settings' });
    await user.click(await screen.findByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('dark'));
    await user.click(screen.getByRole('radio', { name: 'Light' }));
    await waitFor(() => expect(document.documentElement.getAttribute('data-mantine-color-scheme')).toBe('light'));
  });

  it('shows what app.info says, and allows demo data only on an empty database', async () => {
    const bridge = await coreWith([{ givenName: 'Siti', country: 'ID' }]);
    renderApp({ bridge, hash: '#/settings' });
    const about = await screen.findByTestId('about-table');
    expect(within(about).getByText(pkg.version)).toBeTruthy();
    expect(within(about).getByText(bridge.core.nodeId)).toBeTruthy();
    expect(within(about).getByText('Test mode')).toBeTruthy();
    expect(screen.getByText('The database already holds experts, so demo data cannot be loaded.')).toBeTruthy();
    expect((await screen.findByRole('button', { name: 'Load demo data' })).hasAttribute('disabled')).toBe(true);
  });

  it('offers no demo data where the build does not allow it (a packaged app)', async () => {
    const bridge = new CoreBridge();
    const invoke = bridge.invoke.bind(bridge);
    // The answer a packaged app's core gives (electron/core/app.ts demoAllowed).
    bridge.invoke = (async (method: MethodName, input: never) => {
      const result = await invoke(method, input);
      return method === 'app.info' && result.ok ? { ok: true, value: { ...(result.value as object), demoAllowed: false } as never } : result;
    }) as CoreBridge['invoke'];
    renderApp({ bridge, hash: '#/settings' });
    await screen.findByTestId('about-table');
    expect(screen.queryByRole('region', { name: 'Demo data' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Load demo data' })).toBeNull();
  });

  it('shows the core’s refusal when demo data meets a database that filled up meanwhile', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    renderApp({ bridge, hash: '#/settings' });
    const button = await screen.findByRole('button', { name: 'Load demo data' });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    // Another process on the same data folder adds an expert; this window hears nothing of it.
    const added = await bridge.otherWriter().dispatch('experts.create', { expert: { givenName: 'Someone', country: 'SG' } });
    expect(added.ok).toBe(true);
    await user.click(button);
    expect(await screen.findByText(/Demo data can only be loaded into an empty directory/)).toBeTruthy();
  });
});
