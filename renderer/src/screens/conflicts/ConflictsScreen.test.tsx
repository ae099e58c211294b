// @vitest-environment jsdom
import '../../test/setup-dom';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../../electron/core/app';
import { ChangeFunnel } from '../../../../electron/core/changes/funnel';
import { openDatabase } from '../../../../electron/core/db/open';
import { dedupeProjection } from '../../../../electron/core/services/dedupe/projection';
import { expertProjection } from '../../../../electron/core/services/experts/projection';
import { loadShippedTaxonomy } from '../../../../electron/core/services/taxonomy-resource';
import { applicationProjection } from '../../../../electron/core/services/vetting/projection';
import type { Input, MethodName, Output } from '../../../../shared/contract';
import { CoreBridge } from '../../test/coreBridge';
import { fill, renderApp, setupUser } from '../../test/renderApp';

/**
 * Two laptops decide the same application offline from the same state, then exchange their
 * changes the way sync does (each one's missing changes through the other's funnel): both
 * inboxes show the conflict; resolving it on one empties it there.
 */

async function call<M extends MethodName>(bridge: CoreBridge, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await bridge.core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as Output<M>;
}

// The test bridge keeps its data folder to itself; sync between two of them needs it.
const funnelOf = (bridge: CoreBridge) => {
  const db = openDatabase(join((bridge as unknown as { dir: string }).dir, DATABASE_FILE));
  return { db, funnel: new ChangeFunnel(db, [expertProjection(db, loadShippedTaxonomy()), dedupeProjection(db), applicationProjection(db)]) };
};
function exchange(from: CoreBridge, to: CoreBridge) {
  const a = funnelOf(from);
  const b = funnelOf(to);
  try {
    b.funnel.receive(a.funnel.missingFrom(b.funnel.vector()));
  } finally {
    a.db.close();
    b.db.close();
  }
}

const curator = (name: string) => ({ name, email: '', role: 'curator' as const, country: null, agency: 'ACCSM', expertise: [], declaredConflicts: [], disabled: false });
const signed = { signedName: 'Siti Rahayu', signedAt: 1_779_000_000_000 };

async function conflicted() {
  const a = new CoreBridge();
  const b = new CoreBridge();
  const dewi = (await call(a, 'profile.create', curator('Dewi'))).user!;
  const rev = await call(a, 'users.save', { fields: { ...curator('Ana'), role: 'reviewer', country: 'PH' } });
  const app = await call(a, 'applications.create', {
    fields: {
      givenName: 'Siti', familyName: 'Rahayu', country: 'ID', nominatingCountry: 'ID', applicantType: 'academic', source: 'curator', yearsExperience: 14,
      recommenderName: 'Budi', recommenderOrganisation: 'Ministry', recommenderBody: 'government', declarations: { codeOfConduct: signed, independence: signed, responsibility: signed },
      evidence: [{ kind: 'publication', title: 'Merit systems', year: 2021 }],
    } as never,
  });
  const criteria = (['experience', 'recommendation', 'declarations', 'publications'] as const).map((criterion) => ({ criterion, met: true, note: '' }));
  await call(a, 'applications.act', { applicationId: app.id, type: 'screened', payload: { criteria, outcome: 'eligible' } });
  await call(a, 'applications.act', { applicationId: app.id, type: 'assigned', payload: { reviewerId: rev.id } });
  await call(a, 'profile.choose', { userId: rev.id });
  await call(a, 'applications.act', { applicationId: app.id, type: 'review_submitted', payload: { reviewerId: rev.id, scores: { expertise: 4, experience: 4, contribution: 3, communication: 3 }, comments: '', recommendation: 'accept' } });
  await call(a, 'profile.choose', { userId: dewi.id });
  exchange(a, b);
  await call(b, 'profile.create', curator('Khanh'));
  // Offline, each decides differently.
  await call(a, 'applications.act', { applicationId: app.id, type: 'decided', payload: { outcome: 'accept', reason: 'Strong record' } });
  await call(b, 'applications.act', { applicationId: app.id, type: 'decided', payload: { outcome: 'reject', reason: 'Too few publications' } });
  exchange(a, b);
  exchange(b, a);
  return { a, b, app, rev };
}

describe('the conflict inbox', () => {
  it('shows both sides with who and when, counts them in the navigation, and resolves by keeping one side', async () => {
    const user = setupUser();
    const { a, b, app } = await conflicted();
    renderApp({ bridge: b, hash: '#/conflicts' });
    const card = await screen.findByTestId('conflict');
    expect(within(card).getByRole('heading', { name: 'Siti Rahayu' })).toBeTruthy();
    const rows = within(card).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').slice(0, 2).map((c) => c.textContent));
    expect(rows.sort()).toEqual([
      ['Decided: accept', 'Dewi'],
      ['Decided: reject', 'Khanh'],
      // An accept publishes in the same step: that is a side too.
      ['Published', 'Dewi'],
    ]);
    expect((await screen.findByTestId('conflicts-count')).textContent).toBe('1');

    await user.click(within(card).getByRole('button', { name: 'Resolve the conflict on Siti Rahayu' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve with this step' }));
    expect(await within(dialog).findByText('Choose the side to keep.')).toBeTruthy();
    // A publication cannot be repeated by hand; its decision can.
    expect(within(dialog).getByRole('radio', { name: /^Published — Dewi/ }).hasAttribute('disabled')).toBe(true);
    await user.click(within(dialog).getByRole('radio', { name: /^Decided: accept — Dewi/ }));
    // The kept side's reason is offered, and may be rewritten.
    const reason = within(dialog).getByLabelText(/^Reason/);
    expect((reason as HTMLTextAreaElement).value).toBe('Strong record');
    await fill(user, reason, 'Discussed: the publications suffice');
    await user.click(within(dialog).getByRole('button', { name: 'Resolve with this step' }));

    expect(await screen.findByTestId('conflicts-empty')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('conflicts-count')).toBeNull());
    expect(b.callsOf('applications.act').at(-1)).toEqual({ applicationId: app.id, type: 'decided', payload: { outcome: 'accept', reason: 'Discussed: the publications suffice' } });
    const detail = await call(b, 'applications.get', { id: app.id });
    expect(detail.state.stage).not.toBe('conflict');
    // The other laptop still shows it until the resolution reaches it.
    expect((await call(a, 'vetting.conflicts', {})).items).toHaveLength(1);
    exchange(b, a);
    expect((await call(a, 'vetting.conflicts', {})).items).toEqual([]);
  });

  it('leaves resolving to the secretariat: a reviewer sees the sides but no button, and a refused resolution keeps the conflict', async () => {
    const user = setupUser();
    const { b, app, rev } = await conflicted();
    const khanh = (await call(b, 'profile.get', {})).user!;
    await call(b, 'profile.choose', { userId: rev.id });
    const view = renderApp({ bridge: b, hash: '#/conflicts' });
    const card = await screen.findByTestId('conflict');
    expect(within(card).getByText('Resolved by the secretariat')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: /Resolve/ })).toBeNull();
    view.unmount();

    // The curator opens the dialog; meanwhile this computer acts as the reviewer again, whom the core refuses.
    await call(b, 'profile.choose', { userId: khanh.id });
    renderApp({ bridge: b, hash: '#/conflicts' });
    const again = await screen.findByTestId('conflict');
    await user.click(within(again).getByRole('button', { name: 'Resolve the conflict on Siti Rahayu' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: /^Decided: reject — Khanh/ }));
    await call(b, 'profile.choose', { userId: rev.id });
    await user.click(within(dialog).getByRole('button', { name: 'Resolve with this step' }));
    expect(await screen.findByText('The conflict was not resolved')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect((await call(b, 'applications.get', { id: app.id })).state.stage).toBe('conflict');
  });
});
