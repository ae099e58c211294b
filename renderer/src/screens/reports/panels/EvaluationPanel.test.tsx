// @vitest-environment jsdom
import '../../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fill, setupUser } from '../../../test/renderApp';
import { EvaluationPanel } from './EvaluationPanel';
import { reportCore, renderPanel, stored } from './testing';

// user-event walks a radio group by name with CSS.escape, which jsdom lacks (the names here are plain ids).
if (!('CSS' in globalThis) || !globalThis.CSS?.escape) {
  Object.defineProperty(globalThis, 'CSS', { configurable: true, value: { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) } });
}

const ratingOf = (field: string, report: { fields: unknown }) => (report.fields as Record<string, unknown>)[field];

describe('EvaluationPanel (real core)', () => {
  it('rates a characteristic by pointer and by arrow keys, each level saved at once and shown in the matrix', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Merit-based recruitment in Lao PDR' } });
    await renderPanel(EvaluationPanel, { bridge, report });

    // Four dimensions besides the five characteristics for a case study.
    expect(screen.getByTestId('rating-r_replicability')).toBeTruthy();
    const card = screen.getByTestId('rating-r_inclusive');
    const group = within(card).getByRole('radiogroup', { name: 'Inclusive' });
    expect((within(group).getByRole('radio', { name: 'Not rated' }) as HTMLInputElement).checked).toBe(true);

    await user.click(within(group).getByRole('radio', { name: 'Emerging' }));
    await waitFor(async () => expect(ratingOf('r_inclusive', await stored(bridge, report.id))).toMatchObject({ rating: 'emerging' }));
    // The levels are one radio group: the arrow keys move to the next level, which is saved.
    await user.keyboard('{ArrowRight}');
    await waitFor(async () => expect(ratingOf('r_inclusive', await stored(bridge, report.id))).toMatchObject({ rating: 'evident' }));

    const matrix = screen.getByTestId('ratings-matrix');
    const row = within(matrix).getByRole('rowheader', { name: /^Inclusive/ }).closest('tr')!;
    await waitFor(() => expect(row.querySelector('[data-given="true"]')?.textContent).toContain('Evident'));
  }, 90_000);

  it('saves the evidence when the field is left, and the sections it draws on', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Merit-based recruitment in Lao PDR' } });
    await renderPanel(EvaluationPanel, { bridge, report });
    const card = screen.getByTestId('rating-r_inclusive');
    const evidence = within(card).getByRole('textbox', { name: 'Evidence' });
    await fill(user, evidence, 'Women held 48% of the posts filled through the open competition.');
    // Not saved while typing.
    expect(ratingOf('r_inclusive', await stored(bridge, report.id))).toBeNull();
    await user.tab();
    await waitFor(async () => expect(ratingOf('r_inclusive', await stored(bridge, report.id))).toMatchObject({ rating: null, evidence: 'Women held 48% of the posts filled through the open competition.' }));

    await user.click(within(card).getByLabelText('Draws on the sections', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Results' }));
    await waitFor(async () => expect(ratingOf('r_inclusive', await stored(bridge, report.id))).toMatchObject({ sections: ['s_results'], evidence: 'Women held 48% of the posts filled through the open competition.' }));
  }, 90_000);

  it('refuses evidence over the limit without writing it, and a story has only the five characteristics', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'story', fields: { title: 'A midwife’s new post', consent: null } });
    await renderPanel(EvaluationPanel, { bridge, report });
    expect(screen.queryByTestId('rating-r_effectiveness')).toBeNull();
    const card = screen.getByTestId('rating-r_people');
    const evidence = within(card).getByRole('textbox', { name: 'Evidence' });
    await fill(user, evidence, 'x'.repeat(4_001));
    await user.tab();
    expect(await within(card).findByText(/has 4,001 characters; the limit is 4,000/)).toBeTruthy();
    expect(ratingOf('r_people', await stored(bridge, report.id))).toBeNull();
  }, 60_000);

  it('shows the ratings read-only to someone who may not write, in Indonesian', async () => {
    const { bridge, report } = await reportCore({ type: 'story', fields: { title: 'Kisah', r_dynamic: { rating: 'evident', evidence: 'Bukti', sections: ['s_after'] } } });
    await renderPanel(EvaluationPanel, { bridge, report, readOnly: true, locale: 'id' });
    const card = screen.getByTestId('rating-r_dynamic');
    expect((within(card).getByRole('radio', { name: 'Tampak' }) as HTMLInputElement).checked).toBe(true);
    expect((within(card).getByRole('textbox', { name: 'Bukti' }) as HTMLTextAreaElement).readOnly).toBe(true);
    expect(screen.getByText('Lima karakteristik Cetak Biru')).toBeTruthy();
  }, 60_000);

  it('keeps what the curator typed and says why when the core refuses the save', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Merit-based recruitment in Lao PDR' } });
    await renderPanel(EvaluationPanel, { bridge, report });
    bridge.failNext['reports.update'] = { code: 'NOT_ALLOWED', message: 'A focal point writes only the case study records of their own country (LA). Nothing was saved.' };
    const card = screen.getByTestId('rating-r_people');
    const evidence = within(card).getByRole('textbox', { name: 'Evidence' });
    await fill(user, evidence, 'Village councils chose the first intake.');
    await user.tab();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Nothing was saved.');
    expect((evidence as HTMLTextAreaElement).value).toBe('Village councils chose the first intake.');
    expect(ratingOf('r_people', await stored(bridge, report.id))).toBeNull();
    // Leaving the field again retries, and this time the core takes it.
    await user.click(evidence);
    await user.tab();
    await waitFor(async () => expect(ratingOf('r_people', await stored(bridge, report.id))).toMatchObject({ evidence: 'Village councils chose the first intake.' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  }, 60_000);
});
