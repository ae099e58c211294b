// @vitest-environment jsdom
import '../../test/setup-dom';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../../App';
import { createApi } from '../../api/client';
import { CoreBridge } from '../../test/coreBridge';
import type { Dashboard } from './dashboardModel';
import { LoadSection, MedianSection } from './DashboardSections';

const renderSections = (data: Dashboard) =>
  render(
    <AppProviders api={createApi(new CoreBridge())} locale="en" testEnv>
      <MedianSection data={data} />
      <LoadSection data={data} />
    </AppProviders>,
  );

const headings = (table: HTMLElement) => within(table).getAllByRole('columnheader').map((c) => c.textContent);
const cells = (table: HTMLElement) => within(table).getAllByRole('row').slice(1).map((r) => [...r.children].map((c) => c.textContent));

describe('the dashboard’s median and load sections', () => {
  it('show each figure in a table under its heading, the chart hidden from assistive technology', () => {
    renderSections({
      byStageCountry: [],
      medianDaysPerStage: [
        { stage: 'submitted', medianDays: 2.25, count: 3 },
        { stage: 'in_review', medianDays: null, count: 1 },
        { stage: 'eligible', medianDays: 4, count: 0 },
      ],
      reviewerLoad: [{ reviewerId: 'r1', name: 'Maria Santos', open: 2, submitted: 5 }],
      total: 4,
    });
    const median = screen.getByRole('region', { name: 'Median days per stage' });
    // A stage nobody has been through yet has no row.
    expect(cells(within(median).getByTestId('median-table'))).toEqual([
      ['Awaiting screening', '2.3', '3'],
      ['In review', '—', '1'],
    ]);
    const load = screen.getByRole('region', { name: 'Reviewer load' });
    expect(cells(within(load).getByTestId('load-table'))).toEqual([['Maria Santos', '2', '5']]);
    // Each column named; each row named by its first cell.
    expect(headings(within(median).getByTestId('median-table'))).toEqual(['Stage', 'Median days', 'Applications']);
    expect(headings(within(load).getByTestId('load-table'))).toEqual(['Reviewer', 'Open', 'Submitted']);
    expect(within(load).getByRole('rowheader').textContent).toBe('Maria Santos');
    for (const section of [median, load]) expect(section.querySelector('[aria-hidden="true"]')).not.toBeNull();
  });

  it('say so in a sentence when there is nothing to draw', () => {
    renderSections({ byStageCountry: [], medianDaysPerStage: [{ stage: 'submitted', medianDays: null, count: 0 }], reviewerLoad: [], total: 0 });
    expect(within(screen.getByRole('region', { name: 'Median days per stage' })).queryByRole('table')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Reviewer load' })).queryByRole('table')).toBeNull();
    expect(screen.getByText('No application has moved through a stage yet.')).toBeTruthy();
    expect(screen.getByText('No reviewer has an assignment yet.')).toBeTruthy();
  });
});
