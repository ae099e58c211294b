// @vitest-environment jsdom
import '../../../test/setup-dom';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../api/client';
import { AppProviders } from '../../../App';
import { call } from '../../applications/testing';
import { RatingsMatrix } from './RatingsMatrix';
import { reportCore } from './testing';

const rated = (rating: 'not_evident' | 'emerging' | 'evident' | 'strong') => ({ rating, evidence: '', sections: [] });

describe('RatingsMatrix', () => {
  it('lays out the records reports.list gives, one row each, a cell per characteristic named by its level', async () => {
    const { bridge } = await reportCore({ type: 'case_study', fields: { title: 'Merit-based recruitment', r_people: rated('strong'), r_dynamic: rated('emerging'), r_success: rated('evident') } });
    await call(bridge, 'reports.create', { type: 'story', fields: { title: 'A midwife’s new post', r_inclusive: rated('not_evident') } });
    const { items } = await call(bridge, 'reports.list', {});
    expect(items).toHaveLength(2);

    render(
      <AppProviders api={createApi(bridge)} locale="en" testEnv>
        <RatingsMatrix records={items} />
      </AppProviders>,
    );
    const table = screen.getByRole('table', { name: 'Ratings against the Blueprint’s five characteristics' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    // The five characteristics only: a list mixes case studies and stories.
    expect(headers).toEqual(['Case study or story', 'Engages and benefits the people', 'Inclusive', 'Sustainable', 'Resilient', 'Dynamic']);
    const row = (title: string) => within(table).getByRole('rowheader', { name: title }).closest('tr')!;
    const cells = (title: string) => [...row(title).querySelectorAll('td')].map((td) => td.textContent);
    expect(cells('Merit-based recruitment')).toEqual(['Strong', 'Not rated', 'Not rated', 'Not rated', 'Emerging']);
    expect(cells('A midwife’s new post')).toEqual(['Not rated', 'Not evident', 'Not rated', 'Not rated', 'Not rated']);
  }, 60_000);

  it('shows one case study with its four dimensions, a mark in the level given, in Indonesian', async () => {
    const { bridge } = await reportCore({ type: 'case_study', fields: { title: 'x' } });
    render(
      <AppProviders api={createApi(bridge)} locale="id" testEnv>
        <RatingsMatrix type="case_study" ratings={{ people: 'strong', replicability: 'emerging', dynamic: null }} />
      </AppProviders>,
    );
    const table = screen.getByRole('table', { name: 'Ringkasan penilaian' });
    expect(within(table).getAllByRole('rowheader')).toHaveLength(9);
    const given = [...table.querySelectorAll('[data-given="true"]')].map((td) => `${td.closest('tr')!.getAttribute('data-criterion')}:${td.textContent}`);
    expect(given).toEqual(['people:●Kuat', 'replicability:●Mulai tampak']);
  }, 60_000);
});
