// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupUser } from '../../test/renderApp';
import { allMet, call, dewi, vettingCore } from './testing';

describe('Auto-assign reviewers (application page, real core)', () => {
  it('assigns the reviewer without a conflict and says why the other place stayed empty', async () => {
    const user = setupUser();
    const { bridge, ids, budi, mali } = await vettingCore([dewi]);
    const id = ids[0]!;
    // Not offered before screening: the state does not allow an assignment yet.
    renderApp({ bridge, hash: `#/applications/${id}` });
    await screen.findByTestId('application-name');
    expect(screen.queryByRole('button', { name: 'Auto-assign reviewers' })).toBeNull();

    await call(bridge, 'applications.act', { applicationId: id, type: 'screened', payload: { criteria: [...allMet], outcome: 'eligible' } });
    const button = await screen.findByRole('button', { name: 'Auto-assign reviewers' }, { timeout: 5000 });
    await user.click(button);
    // Two places (the default k); Budi works at the applicant's agency, so only Mali is assigned.
    await waitFor(() => expect(document.body.textContent).toContain('1 reviewer assigned automatically; not every place could be filled'), { timeout: 5000 });
    expect(document.body.textContent).toContain('has 1 of the 2 reviewers it needs');
    await waitFor(() => expect(screen.getByTestId('application-stage').textContent).toBe('In review'), { timeout: 3000 });
    const stored = await call(bridge, 'applications.get', { id });
    expect(stored.state.assignments.map((a) => a.reviewerId)).toEqual([mali.id]);
    expect(stored.state.assignments.map((a) => a.reviewerId)).not.toContain(budi.id);
  });

  it('says in Indonesian why a place stayed empty', async () => {
    const user = setupUser();
    const { bridge, ids } = await vettingCore([dewi]);
    const id = ids[0]!;
    await call(bridge, 'applications.act', { applicationId: id, type: 'screened', payload: { criteria: [...allMet], outcome: 'eligible' } });
    renderApp({ bridge, hash: `#/applications/${id}`, locale: 'id' });
    await user.click(await screen.findByRole('button', { name: 'Penugasan peninjau otomatis' }, { timeout: 5000 }));
    await waitFor(() => expect(document.body.textContent).toContain('1 peninjau ditugaskan secara otomatis; tidak semua tempat dapat diisi'), { timeout: 5000 });
    expect(document.body.textContent).toContain('mendapat 1 dari 2 peninjau yang dibutuhkan');
  });
});
