// @vitest-environment jsdom
import '../../test/setup-dom';
import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../shared/contract';
import { createApi } from '../../api/client';
import { AppProviders } from '../../App';
import type { Locale } from '../../i18n';
import { CoreBridge } from '../../test/coreBridge';
import { ResultList } from './ResultList';

const hit = (n: number, extra: Partial<SearchHit>): SearchHit => ({
  id: `0190a4c0-0000-7000-8000-${String(n).padStart(12, '0')}`,
  displayName: `Expert ${n}`,
  honorific: '',
  country: 'PH',
  agency: 'Civil Service Commission',
  position: 'Director',
  status: 'active',
  expertise: [],
  photo: null,
  updatedAt: 0,
  match: null,
  ...extra,
});

const hits = [
  hit(1, { match: { field: 'portfolio', text: 'Dangal ng Bayan Award' }, expertise: ['hrm.recruitment', 'leadership.coaching', 'digital.ai', 'performance'] }),
  hit(2, { match: null, expertise: [] }),
];

function renderList(locale: Locale) {
  render(
    <AppProviders api={createApi(new CoreBridge())} locale={locale} testEnv>
      <ResultList total={3} rowAt={(i) => hits[i]} searchKey="" activeIndex={-1} onOpen={() => {}} onKeyDown={() => {}} onRangeChange={() => {}} initialOffset={0} onScroll={() => {}} />
    </AppProviders>,
  );
}

describe('Result rows', () => {
  it('say why a row matched when not by name, and show its top three expertise areas', async () => {
    renderList('en');
    const [first, second] = screen.getAllByTestId('expert-row');
    expect(within(first!).getByTestId('row-match').textContent).toBe('portfolio: Dangal ng Bayan Award');
    await waitFor(() => expect(within(first!).getByTestId('row-expertise').textContent).toBe('Recruitment and selection · Coaching and mentoring · Artificial intelligence in government'));
    expect(within(second!).queryByTestId('row-match')).toBeNull();
    expect(within(second!).queryByTestId('row-expertise')).toBeNull();
    // A row not loaded yet holds its place, with the same height.
    expect(screen.getAllByTestId('expert-row-placeholder')).toHaveLength(1);
  });

  it('name the field in Bahasa Indonesia', async () => {
    renderList('id');
    const [first] = screen.getAllByTestId('expert-row');
    expect(within(first!).getByTestId('row-match').textContent).toBe('portofolio: Dangal ng Bayan Award');
    await waitFor(() => expect(within(first!).getByTestId('row-expertise').textContent).toContain('Rekrutmen dan seleksi'));
  });
});
