// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../../../shared/contract';
import { CoreBridge } from '../../test/coreBridge';
import { fill, renderApp, setupUser } from '../../test/renderApp';

const signed = { signedName: 'Siti Rahayu', signedAt: 1_779_000_000_000 };
/** An application a curator typed, complete enough to be screened eligible as an academic. */
const siti = {
  givenName: 'Siti',
  familyName: 'Rahayu',
  country: 'ID',
  nominatingCountry: 'ID',
  applicantType: 'academic',
  source: 'curator',
  agency: 'Badan Kepegawaian Negara',
  yearsExperience: 14,
  recommenderName: 'Budi Santoso',
  recommenderOrganisation: 'Ministry of State Apparatus',
  recommenderBody: 'government',
  declarations: { codeOfConduct: signed, independence: signed, responsibility: signed },
  evidence: [{ kind: 'publication', title: 'Merit systems in ASEAN', year: 2021 }],
  consentSections: ['career', 'expertise'],
  careerSummary: 'Twenty years in civil-service reform.',
} as const;

const reviewer = (name: string, country: 'TH' | 'PH') => ({ name, email: '', role: 'reviewer' as const, country, agency: `${name}'s agency`, expertise: [], declaredConflicts: [], disabled: false });

async function call<M extends MethodName>(bridge: CoreBridge, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await bridge.core.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as Output<M>;
}

/** An application in review with two reviewers; Khanh has reviewed it already, Anan has not. */
async function inReview() {
  const bridge = new CoreBridge();
  await call(bridge, 'profile.create', { name: 'Dewi Curator', email: '', role: 'curator', country: null, agency: 'ACCSM', expertise: [], declaredConflicts: [], disabled: false });
  const anan = await call(bridge, 'users.save', { fields: reviewer('Anan', 'TH') });
  const khanh = await call(bridge, 'users.save', { fields: reviewer('Khanh', 'PH') });
  const app = await call(bridge, 'applications.create', { fields: siti as never });
  const criteria = (['experience', 'recommendation', 'declarations', 'publications'] as const).map((criterion) => ({ criterion, met: true, note: '' }));
  await call(bridge, 'applications.act', { applicationId: app.id, type: 'screened', payload: { criteria, outcome: 'eligible' } });
  await call(bridge, 'applications.act', { applicationId: app.id, type: 'assigned', payload: { reviewerId: anan.id } });
  await call(bridge, 'applications.act', { applicationId: app.id, type: 'assigned', payload: { reviewerId: khanh.id } });
  await call(bridge, 'profile.choose', { userId: khanh.id });
  await call(bridge, 'applications.act', {
    applicationId: app.id,
    type: 'review_submitted',
    payload: { reviewerId: khanh.id, scores: { expertise: 3, experience: 3, contribution: 2, communication: 2 }, comments: 'Thin on regional work.', recommendation: 'more_info' },
  });
  await call(bridge, 'profile.choose', { userId: anan.id });
  return { bridge, app, anan, khanh };
}

describe('My reviews', () => {
  it('lists the reviewer’s assignment; others’ reviews stay hidden until their own is submitted, then show', async () => {
    const user = setupUser();
    const { bridge, app, anan } = await inReview();
    renderApp({ bridge, hash: '#/reviews' });
    const table = await screen.findByTestId('reviews-table');
    await user.click(within(table).getByRole('link', { name: 'Siti Rahayu' }));

    expect(await screen.findByRole('heading', { name: 'Review: Siti Rahayu', level: 1 })).toBeTruthy();
    expect(screen.getByTestId('reviews-hidden').textContent).toMatch(/Hidden until you submit your own review/);
    expect(screen.queryByText('Thin on regional work.')).toBeNull();

    // Nothing is sent until every criterion is scored and a recommendation chosen.
    await user.click(screen.getByRole('button', { name: 'Submit review' }));
    expect(await screen.findAllByText('Choose a score.')).toHaveLength(4);
    expect(screen.getByText('Choose a recommendation.')).toBeTruthy();
    expect(bridge.callsOf('applications.act')).toHaveLength(0);

    for (const [criterion, score] of [['Depth of expertise', '5'], ['Relevant experience', '4'], ['Contribution to the region', '4'], ['Communication and training', '3']] as const) {
      await user.click(within(screen.getByRole('radiogroup', { name: new RegExp(criterion) })).getByRole('radio', { name: score }));
    }
    await user.click(screen.getByRole('radio', { name: 'Accept' }));
    await fill(user, screen.getByLabelText(/^Comments/), 'A strong reform record.');
    await user.click(screen.getByRole('button', { name: 'Submit review' }));

    const own = await screen.findByRole('region', { name: 'Your review' });
    expect(within(own).getByText('5 of 5')).toBeTruthy();
    expect(within(own).getByText('A strong reform record.')).toBeTruthy();
    expect(bridge.callsOf('applications.act')[0]).toEqual({
      applicationId: app.id,
      type: 'review_submitted',
      payload: { reviewerId: anan.id, scores: { expertise: 5, experience: 4, contribution: 4, communication: 3 }, comments: 'A strong reform record.', recommendation: 'accept' },
    });
    // Now the other review shows, with its author.
    const others = screen.getByRole('region', { name: 'Other reviewers’ reviews' });
    await waitFor(() => expect(within(others).getByText('Thin on regional work.')).toBeTruthy());
    expect(within(others).getByRole('heading', { name: 'Khanh' })).toBeTruthy();
    expect(screen.queryByTestId('reviews-hidden')).toBeNull();
  });

  it('says plainly when nothing is assigned', async () => {
    const bridge = new CoreBridge();
    await call(bridge, 'profile.create', reviewer('Maria', 'PH'));
    renderApp({ bridge, hash: '#/reviews', locale: 'id' });
    expect(await screen.findByText('Tidak ada lamaran yang ditugaskan kepada Anda')).toBeTruthy();
  });
});
