// @vitest-environment jsdom
import '../../test/setup-dom';
import { Notifications } from '@mantine/notifications';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../api/client';
import { AppProviders } from '../../App';
import { CoreBridge } from '../../test/coreBridge';
import { setupUser } from '../../test/renderApp';
import { ExportLetters } from './ExportLetters';

function renderExport(locale: 'en' | 'id') {
  const bridge = new CoreBridge();
  render(
    <AppProviders api={createApi(bridge)} locale={locale} testEnv>
      <Notifications />
      <ExportLetters />
    </AppProviders>,
  );
  return bridge;
}

describe('ExportLetters', () => {
  it('asks the real core for every letter in the chosen format and language, and shows its refusal', async () => {
    const bridge = renderExport('en');
    const user = setupUser();
    await user.click(screen.getByRole('radio', { name: 'DOCX' }));
    await user.click(screen.getByRole('radio', { name: 'Bahasa Indonesia' }));
    await user.click(screen.getByRole('button', { name: 'Export all letters' }));
    expect(bridge.callsOf('letters.export')).toEqual([{ format: 'docx', lang: 'id' }]);
    // No profile on this device yet: the core says so, and nothing is saved.
    expect(await screen.findByText(/Choose or create your profile first/)).toBeTruthy();
  });

  it('speaks Bahasa Indonesia and starts with the screen’s language for the letters', async () => {
    const bridge = renderExport('id');
    const user = setupUser();
    await user.click(screen.getByRole('button', { name: 'Ekspor semua surat' }));
    expect(bridge.callsOf('letters.export')).toEqual([{ format: 'pdf', lang: 'id' }]);
  });
});
