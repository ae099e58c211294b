// @vitest-environment jsdom
import '../../../test/setup-dom';
import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupUser } from '../../../test/renderApp';
import { EvaluationPanel } from './EvaluationPanel';
import { reportCore, renderPanel, stored } from './testing';

const sheet = (name: string, text: string) => new File([text], name, { type: 'text/csv' });
const fileInput = () => screen.getByLabelText('Import ratings…', { selector: 'input' }) as HTMLInputElement;
const matrixLevel = (name: RegExp) => within(screen.getByTestId('ratings-matrix')).getByRole('rowheader', { name }).closest('tr')!.querySelector('[data-given="true"]')?.textContent;

// Waiting for the core's answer on a loaded machine: a limit for a hang, not a speed goal.
configure({ asyncUtilTimeout: 10_000 });

describe('Importing ratings from an evaluation sheet (real core)', () => {
  it('previews what a good sheet changes, writes it only when asked, and shows the new ratings', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Merit-based recruitment in Lao PDR', r_dynamic: { rating: 'evident', evidence: '', sections: [] } } });
    await renderPanel(EvaluationPanel, { bridge, report });
    const csv = ['criterion,rating,evidence,sections', 'people,strong,Village councils chose the first intake.,results', 'Inklusif,Mulai tampak,,', 'dynamic,evident,,'].join('\n');
    await user.upload(fileInput(), sheet('evaluation.csv', csv));

    const dialog = await screen.findByRole('dialog', { name: 'Import ratings from evaluation.csv' });
    expect(await within(dialog).findByText('The sheet changes 2 ratings. Check them, then import.')).toBeTruthy();
    const changes = within(dialog).getByRole('table', { name: 'Ratings the import changes' });
    const people = within(changes).getByRole('row', { name: /Engages and benefits the people/ });
    expect(people.textContent).toContain('Not rated');
    expect(people.textContent).toContain('Strong');
    expect(people.textContent).toContain('New evidence');
    // Dynamic is already evident: not a change.
    expect(within(changes).queryByRole('row', { name: /Dynamic/ })).toBeNull();
    // Nothing is written by the preview.
    expect((await stored(bridge, report.id)).fields).toMatchObject({ r_people: null, r_inclusive: null });

    await user.click(within(dialog).getByRole('button', { name: 'Import 2 ratings' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('2 ratings set from evaluation.csv.')).toBeTruthy();
    expect((await stored(bridge, report.id)).fields).toMatchObject({
      r_people: { rating: 'strong', evidence: 'Village councils chose the first intake.', sections: ['s_results'] },
      r_inclusive: { rating: 'emerging' },
    });
    await waitFor(() => expect(matrixLevel(/^Engages and benefits the people/)).toContain('Strong'));
    expect(matrixLevel(/^Inclusive/)).toContain('Emerging');
    const card = screen.getByTestId('rating-r_people');
    expect((within(card).getByRole('textbox', { name: 'Evidence' }) as HTMLTextAreaElement).value).toBe('Village councils chose the first intake.');
  }, 90_000);

  it('refuses a sheet naming an unknown characteristic: the row and the name, what the sheet may hold, nothing written', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'story', fields: { title: 'A midwife’s new post', consent: null, r_people: { rating: 'emerging', evidence: 'Kept', sections: [] } } });
    await renderPanel(EvaluationPanel, { bridge, report });
    await user.upload(fileInput(), sheet('bad.csv', 'criterion,rating\npeople,strong\nhappiness,strong\n'));

    const dialog = await screen.findByRole('dialog', { name: 'Import ratings from bad.csv' });
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Nothing was imported');
    expect(alert.textContent).toContain('Row 3 of the sheet names “happiness”, which is neither a characteristic a story is rated on nor a rating.');
    const accepted = within(dialog).getByTestId('import-accepted');
    expect(accepted.textContent).toContain('Engages and benefits the people (people)');
    expect(accepted.textContent).toContain('Not evident (not evident)');
    // A story is not rated on the case-study dimensions: the list does not offer them.
    expect(accepted.textContent).not.toContain('Replicability');
    expect(within(dialog).queryByRole('button', { name: /^Import/ })).toBeNull();
    expect((await stored(bridge, report.id)).fields).toMatchObject({ r_people: { rating: 'emerging', evidence: 'Kept' } });
    expect(within(screen.getByTestId('rating-r_people')).getByRole('radio', { name: 'Emerging' })).toHaveProperty('checked', true);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  }, 90_000);

  it('names the accepted words in Indonesian for an Indonesian curator, and a sheet with nothing new imports nothing', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'story', fields: { title: 'Kisah bidan', consent: null, r_dynamic: { rating: 'strong', evidence: '', sections: [] } } });
    await renderPanel(EvaluationPanel, { bridge, report, locale: 'id' });
    const input = () => screen.getByLabelText('Impor penilaian…', { selector: 'input' }) as HTMLInputElement;
    await user.upload(input(), sheet('lembar.csv', 'kriteria,penilaian\nDinamis,Sangat kuat\n'));
    const dialog = await screen.findByRole('dialog', { name: 'Impor penilaian dari lembar.csv' });
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Baris 2 lembar ini menyebut “Sangat kuat”');
    expect(within(dialog).getByTestId('import-accepted').textContent).toContain('Melibatkan dan bermanfaat bagi masyarakat (people)');
    expect(within(dialog).getByTestId('import-accepted').textContent).toContain('Kuat (strong)');

    // Another file from the same dialog: the ratings already recorded.
    await user.upload(within(dialog).getByLabelText('Pilih berkas lain…', { selector: 'input' }), sheet('sama.csv', 'kriteria,penilaian\nDinamis,Kuat\n'));
    const again = await screen.findByRole('dialog', { name: 'Impor penilaian dari sama.csv' });
    expect(await within(again).findByText('Lembar ini memuat penilaian yang sudah tercatat. Tidak ada yang perlu diimpor.')).toBeTruthy();
    expect(within(again).queryByRole('button', { name: /^Impor \d/ })).toBeNull();
  }, 90_000);

  it('offers no import to someone who may only read', async () => {
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Open data' } });
    await renderPanel(EvaluationPanel, { bridge, report, readOnly: true });
    expect(screen.queryByRole('button', { name: 'Import ratings…' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Download a template sheet' })).toBeNull();
  }, 60_000);
});
