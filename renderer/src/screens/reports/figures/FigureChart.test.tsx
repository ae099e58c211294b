// @vitest-environment jsdom
import '../../../test/setup-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OTHER_ROW_KEY, type Figure } from '../../../../../shared/model/reports/figure';
import { createApi } from '../../../api/client';
import { AppProviders } from '../../../App';
import type { Locale } from '../../../i18n';
import { CoreBridge } from '../../../test/coreBridge';
import { setupUser } from '../../../test/renderApp';
import { FigureChart } from './FigureChart';

const figure: Figure = {
  id: '0192f3a4-5b6c-7d8e-9f01-23456789abcd',
  metric: 'experts_by_expertise',
  filters: { countries: ['TH', 'LA'], languages: ['th'] },
  title: 'Where our Thai-speaking experts work',
  chart: 'bar',
  takenAt: Date.UTC(2026, 10, 29, 14, 2),
  total: 1234,
  // Taken in English; shown in the screen's language by key.
  rows: [
    { key: 'hrm', label: 'Human resource management', count: 1100 },
    { key: 'digital', label: 'Digital government', count: 640 },
    { key: OTHER_ROW_KEY, label: 'Other', count: 12 },
  ],
  section: 's_results',
};

function renderChart(f: Figure, locale: Locale = 'en') {
  render(
    <AppProviders api={createApi(new CoreBridge())} locale={locale} testEnv>
      <FigureChart figure={f} />
    </AppProviders>,
  );
}

const cells = () =>
  within(screen.getByTestId('figure-table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.children].map((c) => c.textContent));

describe('FigureChart', () => {
  it('draws the bars for the eye, keeps the same numbers in a table for everyone, and shows the source under it', async () => {
    const user = setupUser();
    renderChart(figure);
    expect(screen.getByRole('figure', { name: 'Where our Thai-speaking experts work' })).toBeTruthy();
    expect(screen.getByTestId('figure-bars').getAttribute('aria-hidden')).toBe('true');
    await waitFor(() => expect(cells()).toEqual([['Human resource management', '1,100'], ['Digital government', '640'], ['Other', '12']]));
    expect(screen.getByTestId('figure-source').textContent).toBe(
      'Source: A-EXPECS directory, experts by expertise area; filters: country Thailand or Lao PDR, language Thai, active experts only; taken 29 Nov 2026 14:02 UTC.',
    );
    expect(screen.getByTestId('figure-total').textContent).toBe('1,234 experts counted. An expert counts once in each row they belong to, so the rows can add up to more.');
    const toggle = screen.getByRole('button', { name: 'Show the numbers as a table' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide the table' }).getAttribute('aria-expanded')).toBe('true');
  });

  it('names the rows and the source in Bahasa Indonesia, whatever language the figure was taken in', async () => {
    renderChart(figure, 'id');
    await waitFor(() => expect(cells()).toEqual([['Manajemen sumber daya manusia', '1.100'], ['Pemerintahan digital', '640'], ['Lainnya', '12']]));
    expect(screen.getByTestId('figure-source').textContent).toBe(
      'Sumber: direktori A-EXPECS, pakar menurut bidang keahlian; filter: negara Thailand atau Laos, bahasa Thai, hanya pakar aktif; diambil 29 Nov 2026 14.02 UTC.',
    );
  });

  it('shows a table figure as a table alone, and an empty one as a sentence', () => {
    renderChart({ ...figure, chart: 'table', metric: 'experts_by_country', filters: {}, rows: [{ key: 'TH', label: 'Thailand', count: 3 }], total: 3 });
    expect(screen.queryByTestId('figure-bars')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show the numbers as a table' })).toBeNull();
    expect(cells()).toEqual([['Thailand', '3']]);
    expect(screen.getByTestId('figure-total').textContent).toBe('3 experts counted.');
  });

  it('says when nothing matched', () => {
    renderChart({ ...figure, rows: [], total: 0 });
    expect(screen.getByTestId('figure-empty').textContent).toBe('No expert matches these filters, so there is nothing to draw.');
    expect(screen.queryByTestId('figure-table')).toBeNull();
  });
});
