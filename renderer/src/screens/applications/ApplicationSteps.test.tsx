// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fill, renderApp, setupUser } from '../../test/renderApp';
import { allMet, call, dewi, eligibleDewi, vettingCore } from './testing';

/** The curator's other steps on the application page (ActionsPanel, ReviewsPanel), against the real core. */
const timeline = () => screen.getByTestId('timeline').textContent ?? '';
const stage = () => screen.getByTestId('application-stage').textContent;

describe('Application page steps', () => {
  it('records the applicant’s answer to a request for information, and refuses an empty one', async () => {
    const user = setupUser();
    const { bridge, ids } = await vettingCore([dewi]);
    const id = ids[0]!;
    await call(bridge, 'applications.act', { applicationId: id, type: 'screened', payload: { criteria: [...allMet], outcome: 'info_requested', what: 'Please send the recommendation letter.' } });
    renderApp({ bridge, hash: `#/applications/${id}` });
    expect((await screen.findByTestId('info-request')).textContent).toContain('Please send the recommendation letter.');
    expect(stage()).toBe('Information requested');

    await user.click(screen.getByRole('button', { name: 'Record the answer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record the answer' });
    await user.click(within(dialog).getByRole('button', { name: 'Record the answer' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Write the text first.');

    await fill(user, within(dialog).getByRole('textbox', { name: /The applicant’s answer/ }), 'Letter sent by post on 2 October.');
    await user.click(within(dialog).getByRole('button', { name: 'Record the answer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 3000 });
    await waitFor(() => expect(stage()).toBe('Awaiting screening'), { timeout: 3000 });
    expect(screen.queryByTestId('info-request')).toBeNull();
    expect(timeline()).toContain('Recorded the applicant’s answer: Letter sent by post on 2 October.');
    const stored = await call(bridge, 'applications.get', { id });
    expect(stored.state.answers.map((a) => a.answer)).toEqual(['Letter sent by post on 2 October.']);
  });

  it('adds a note, then withdraws the application without a reason', async () => {
    const user = setupUser();
    const { bridge, ids } = await vettingCore([dewi]);
    renderApp({ bridge, hash: `#/applications/${ids[0]}` });

    await user.click(await screen.findByRole('button', { name: 'Add a note' }, { timeout: 5000 }));
    const noteDialog = await screen.findByRole('dialog', { name: 'Add a note' });
    await user.click(within(noteDialog).getByRole('button', { name: 'Add the note' }));
    expect(within(noteDialog).getByRole('alert').textContent).toBe('Write the text first.');
    await fill(user, within(noteDialog).getByRole('textbox', { name: /^Note/ }), 'Called the applicant about the letter.');
    await user.click(within(noteDialog).getByRole('button', { name: 'Add the note' }));
    await waitFor(() => expect(timeline()).toContain('Note: Called the applicant about the letter.'), { timeout: 3000 });
    expect(stage()).toBe('Awaiting screening');

    // A withdrawal's reason is optional: an empty one still withdraws.
    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    const withdrawDialog = await screen.findByRole('dialog', { name: 'Withdraw' });
    await user.click(within(withdrawDialog).getByRole('button', { name: 'Withdraw the application' }));
    await waitFor(() => expect(stage()).toBe('Withdrawn'), { timeout: 3000 });
    expect(timeline()).toContain('Withdrew the application');
    expect(screen.queryByRole('button', { name: 'Withdraw' })).toBeNull();
  });

  it('unassigns a reviewer', async () => {
    const user = setupUser();
    const { bridge, ids, mali } = await eligibleDewi();
    const id = ids[0]!;
    await call(bridge, 'applications.act', { applicationId: id, type: 'assigned', payload: { reviewerId: mali.id } });
    renderApp({ bridge, hash: `#/applications/${id}` });
    await user.click(await screen.findByRole('button', { name: 'Unassign Mali Chai' }, { timeout: 5000 }));
    await waitFor(() => expect(timeline()).toContain('Unassigned Mali Chai'), { timeout: 3000 });
    expect(screen.queryByRole('button', { name: 'Unassign Mali Chai' })).toBeNull();
    const stored = await call(bridge, 'applications.get', { id });
    expect(stored.state.assignments).toEqual([]);
  });
});
