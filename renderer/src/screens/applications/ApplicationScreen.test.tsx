// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fill, renderApp, setupUser } from '../../test/renderApp';
import { call, dewi, eligibleDewi, vettingCore } from './testing';

const timeline = () => screen.getByTestId('timeline').textContent ?? '';

describe('Application page', () => {
  it('shows the proposed profile, the pre-check with what it saw, and screens the application criterion by criterion', async () => {
    const user = setupUser();
    const { bridge, ids } = await vettingCore([dewi]);
    renderApp({ bridge, hash: `#/applications/${ids[0]}` });
    expect((await screen.findByTestId('application-name')).textContent).toBe('Dewi Lestari');
    expect(screen.getByTestId('application-stage').textContent).toBe('Awaiting screening');
    expect(screen.getByText('Head of Talent Management')).toBeTruthy();
    expect(screen.getAllByText(/signed by Dewi Lestari/, { selector: 'li' })).toHaveLength(3);

    const form = screen.getByRole('form', { name: 'Screening' });
    const experience = within(form).getByRole('radiogroup', { name: /Years of civil-service experience/ });
    // The pre-check's reading is the starting point, with what it saw: 15 years against 10.
    expect(within(experience).getByRole('radio', { name: 'Met' })).toHaveProperty('checked', true);
    expect(form.textContent).toContain('years: 15');
    // No letter attached: the recommendation is for the curator to confirm.
    const recommendation = within(form).getByRole('radiogroup', { name: /Recommendation from a government/ });
    expect(within(recommendation).getByRole('radio', { name: 'Met' })).toHaveProperty('checked', false);

    await user.click(within(form).getByRole('radio', { name: 'Eligible' }));
    await user.click(within(form).getByRole('button', { name: 'Record the screening' }));
    expect(within(form).getByRole('alert').textContent).toContain('Confirm every required criterion');

    await user.click(within(recommendation).getByRole('radio', { name: 'Met' }));
    await fill(user, within(form).getByRole('textbox', { name: /Note on “Recommendation/ }), 'Letter seen on paper at the workshop.');
    await user.click(within(form).getByRole('button', { name: 'Record the screening' }));
    await waitFor(() => expect(screen.getByTestId('application-stage').textContent).toBe('Eligible'), { timeout: 3000 });
    expect(timeline()).toContain('Screened: Eligible');
    expect(timeline()).toContain('Ana Curator');
    expect(screen.getByText('Letter seen on paper at the workshop.')).toBeTruthy();
  });

  it('refuses a conflicted reviewer, then assigns them with a recorded reason', async () => {
    const user = setupUser();
    const { bridge, ids } = await eligibleDewi();
    renderApp({ bridge, hash: `#/applications/${ids[0]}` });
    await user.click(await screen.findByRole('button', { name: 'Assign a reviewer' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Assign a reviewer' });
    // The pool says who is conflicted and why before anything is tried.
    await waitFor(() => expect(dialog.textContent).toContain('Works at the same agency as the applicant (BKN).'));
    await user.click(within(dialog).getByRole('button', { name: 'Assign Budi Santoso' }));
    const refusal = await within(dialog).findByRole('alert');
    expect(refusal.textContent).toContain('Budi Santoso was not assigned');
    expect(refusal.textContent).toContain('Works at the same agency as the applicant (BKN).');
    expect(timeline()).not.toContain('Budi Santoso');

    const anyway = within(dialog).getByRole('button', { name: 'Assign anyway' });
    expect(anyway).toHaveProperty('disabled', true);
    await fill(user, within(dialog).getByRole('textbox', { name: /Reason for assigning anyway/ }), 'Only reviewer who reads Bahasa Indonesia.');
    await user.click(anyway);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 3000 });
    expect(screen.getByTestId('override-reason').textContent).toContain('Only reviewer who reads Bahasa Indonesia.');
    expect(screen.getByTestId('application-stage').textContent).toBe('In review');
    expect(timeline()).toContain('Assigned Budi Santoso as reviewer despite a conflict of interest: Only reviewer who reads Bahasa Indonesia.');
  });

  it('says in Indonesian which rule refused a step (a decision before any review)', async () => {
    const user = setupUser();
    const { bridge, ids, mali } = await eligibleDewi();
    await call(bridge, 'applications.act', { applicationId: ids[0]!, type: 'assigned', payload: { reviewerId: mali.id } });
    renderApp({ bridge, hash: `#/applications/${ids[0]}`, locale: 'id' });
    await user.click(await screen.findByRole('button', { name: 'Putuskan' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: /^Terima/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Catat keputusan' }));
    await waitFor(() => expect(document.body.textContent).toContain('Belum ada tinjauan yang dikirim'));
    expect(timeline()).not.toContain('Memutuskan');
  });

  it('shows a directory expert who may be the applicant, with why, and takes the curator’s mark', async () => {
    const user = setupUser();
    const { bridge, ids } = await vettingCore([dewi]);
    await bridge.insert({ givenName: 'Dewi', familyName: 'Lestari', country: 'ID', agency: 'BKN', email: 'dewi.lestari@bkn.go.id' });
    renderApp({ bridge, hash: `#/applications/${ids[0]}` });
    const section = await screen.findByRole('region', { name: 'Possible duplicates' });
    await waitFor(() => expect(section.textContent).toContain('Same e-mail address (dewi.lestari@bkn.go.id)'));
    await user.click(within(section).getByRole('button', { name: 'Same person as Dewi Lestari (BKN)' }));
    await waitFor(() => expect(within(section).getByTestId('duplicate-mark').textContent).toBe('Same person'));
    // The mark can be taken back: the candidate is undecided again, stored so.
    await user.click(within(section).getByRole('button', { name: 'Undo the mark on Dewi Lestari (BKN)' }));
    await waitFor(() => expect(within(section).queryByTestId('duplicate-mark')).toBeNull());
    expect(within(section).getByRole('button', { name: 'Same person as Dewi Lestari (BKN)' })).toBeTruthy();
    const stored = await call(bridge, 'applications.get', { id: ids[0]! });
    expect(stored.duplicates.map((c) => c.mark)).toEqual([null]);
  });
});
