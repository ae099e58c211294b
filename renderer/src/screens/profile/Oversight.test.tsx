// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CoreBridge } from '../../test/coreBridge';
import { fill, renderApp, setupUser } from '../../test/renderApp';

type User = ReturnType<typeof setupUser>;

async function choose(user: User, label: RegExp | string, option: string) {
  await user.click(screen.getByLabelText(label, { selector: 'input' }));
  await user.click(await screen.findByRole('option', { name: option }));
}

/** A core whose device already acts as a curator (what first start leaves behind). */
async function withCurator() {
  const bridge = new CoreBridge();
  const made = await bridge.core.dispatch('profile.create', { name: 'Dewi Curator', email: 'dewi@accsm.org', role: 'curator', country: null, agency: 'ACCSM Secretariat', expertise: [], declaredConflicts: [], disabled: false });
  if (!made.ok) throw new Error(made.error.message);
  return bridge;
}

describe('first start: the profile', () => {
  it('asks who the curator is on a vetting screen, creates the profile, then shows the screen; Settings says who acts', async () => {
    const user = setupUser();
    const { bridge } = renderApp({ hash: '#/conflicts' });
    const chooser = await screen.findByTestId('profile-chooser');
    expect(within(chooser).getByRole('heading', { name: 'Who are you?' })).toBeTruthy();
    // Nothing to choose from on a fresh database: only "create".
    expect(within(chooser).queryByRole('radio')).toBeNull();

    await user.click(within(chooser).getByRole('button', { name: 'Create my profile' }));
    expect(await within(chooser).findByText('Write the name.')).toBeTruthy();
    expect(bridge.callsOf('profile.create')).toHaveLength(0);

    await fill(user, within(chooser).getByLabelText(/^Name/), 'Dewi Lestari');
    await fill(user, within(chooser).getByLabelText('Email'), 'dewi@accsm.org');
    await user.click(within(chooser).getByRole('button', { name: 'Create my profile' }));
    expect(await screen.findByTestId('conflicts-empty')).toBeTruthy();
    expect(screen.getByText('Nothing to resolve')).toBeTruthy();
    expect(bridge.callsOf('profile.create')[0]).toMatchObject({ name: 'Dewi Lestari', email: 'dewi@accsm.org', role: 'curator' });

    await user.click(screen.getByRole('link', { name: 'Settings' }));
    const section = await screen.findByTestId('profile-section');
    expect(within(section).getByTestId('profile-current').textContent).toBe('You act as Dewi Lestari — Curator, all member states.');
    expect(within(section).getByText(/Chosen on this computer/)).toBeTruthy();
  });

  it('lets the curator choose an existing profile (a colleague’s record synced here)', async () => {
    const user = setupUser();
    const bridge = await withCurator();
    // Another device's curator: the chooser lists them.
    const other = await bridge.core.dispatch('users.save', { fields: { name: 'Anan Reviewer', email: '', role: 'reviewer', country: 'TH', agency: 'OCSC', expertise: [], declaredConflicts: [], disabled: false } });
    expect(other.ok).toBe(true);
    renderApp({ bridge, hash: '#/settings' });
    const section = await screen.findByTestId('profile-section');
    await waitFor(() => expect(within(section).getByTestId('profile-current').textContent).toContain('Dewi Curator'));
    await user.click(within(section).getByRole('button', { name: 'Switch profile' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(await within(dialog).findByRole('radio', { name: 'Anan Reviewer — Reviewer, Thailand' }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue with this profile' }));
    await waitFor(() => expect(within(section).getByTestId('profile-current').textContent).toBe('You act as Anan Reviewer — Reviewer, Thailand.'));
  });
});

describe('users and the reviewer pool', () => {
  it('adds a reviewer with agency, country, expertise and a declared conflict, then disables them', async () => {
    const user = setupUser();
    const bridge = await withCurator();
    renderApp({ bridge, hash: '#/users' });
    await screen.findByTestId('users-table');
    await user.click(screen.getByRole('button', { name: 'Add a reviewer' }));
    const dialog = await screen.findByRole('dialog', { name: 'New user' });
    await fill(user, within(dialog).getByLabelText(/^Name/), 'Maria Santos');
    await choose(user, /^Country/, 'Philippines');
    await fill(user, within(dialog).getByLabelText('Agency'), 'Civil Service Commission');
    await user.click(within(dialog).getByLabelText(/^Expertise/, { selector: 'input' }));
    const firstTerm = (await screen.findAllByRole('option'))[0]!;
    await user.click(firstTerm);
    // Pasting into a tags field makes the tag at once.
    await fill(user, within(dialog).getByLabelText(/Declared conflicts/, { selector: 'input' }), 'Juan dela Cruz');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const saved = bridge.callsOf('users.save')[0]!;
    expect(saved.fields).toMatchObject({ name: 'Maria Santos', role: 'reviewer', country: 'PH', agency: 'Civil Service Commission', declaredConflicts: ['Juan dela Cruz'] });
    expect(saved.fields.expertise).toHaveLength(1);
    const table = screen.getByTestId('users-table');
    expect(await within(table).findByRole('rowheader', { name: /Maria Santos/ })).toBeTruthy();

    // Reviewers only.
    await user.click(screen.getByRole('radio', { name: 'Reviewer' }));
    await waitFor(() => expect(within(screen.getByTestId('users-table')).queryByText('Dewi Curator')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Disable Maria Santos' }));
    expect(await screen.findByTestId('users-empty')).toBeTruthy();
    await user.click(screen.getByRole('switch', { name: 'Include disabled users' }));
    expect(await screen.findByRole('button', { name: 'Enable Maria Santos' })).toBeTruthy();

    // Enabled again: back in the pool, with the rest of her record as it was.
    await user.click(screen.getByRole('button', { name: 'Enable Maria Santos' }));
    expect(await screen.findByText('Maria Santos enabled')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Disable Maria Santos' })).toBeTruthy();
    expect(bridge.callsOf('users.save').at(-1)).toEqual({ id: expect.any(String), fields: { ...saved.fields, disabled: false } });
    const pool = await bridge.invoke('users.list', { role: ['reviewer'], includeDisabled: false });
    if (!pool.ok) throw new Error(pool.error.message);
    expect(pool.value.items.map((u) => u.name)).toEqual(['Maria Santos']);
  });
});

describe('vetting settings', () => {
  it('shows problems under their fields and saves nothing, then saves a valid change', async () => {
    const user = setupUser();
    const bridge = await withCurator();
    renderApp({ bridge, hash: '#/vetting-settings' });
    const years = await screen.findByRole('textbox', { name: /Years of experience required/ });
    await user.clear(years);
    await user.click(screen.getByRole('button', { name: 'Add a criterion' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Enter a whole number from 0 to 50.')).toBeTruthy();
    expect(screen.getAllByText('Name the criterion.')).toHaveLength(2);
    expect(bridge.callsOf('vetting.saveSettings')).toHaveLength(0);

    await fill(user, years, '8');
    const rows = screen.getAllByTestId('rubric-row');
    const last = rows[rows.length - 1]!;
    await fill(user, within(last).getByLabelText(/Name in English/), 'Policy impact');
    await fill(user, within(last).getByLabelText(/Name in Bahasa Indonesia/), 'Dampak kebijakan');
    await user.click(screen.getByRole('switch', { name: /same country|applicant’s country/i }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Vetting settings saved')).toBeTruthy();

    const stored = await bridge.invoke('vetting.settings', {});
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value.yearsThreshold).toBe(8);
    expect(stored.value.sameCountryConflict).toBe(false);
    expect(stored.value.rubric.at(-1)).toEqual({ key: 'policy_impact', label: { en: 'Policy impact', id: 'Dampak kebijakan' }, weight: 1, scale: 5 });
  });

  it('reorders and removes rubric criteria, and saves them in the order shown', async () => {
    const user = setupUser();
    const bridge = await withCurator();
    renderApp({ bridge, hash: '#/vetting-settings' });
    await screen.findAllByTestId('rubric-row');
    // The first criterion cannot go further up, nor the last further down.
    expect(screen.getByRole('button', { name: 'Move criterion 1 up' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Move criterion 4 down' }).hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Move criterion 1 down' }));
    await user.click(screen.getByRole('button', { name: 'Remove criterion 4' }));
    expect(screen.getAllByTestId('rubric-row')).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Vetting settings saved')).toBeTruthy();

    const stored = await bridge.invoke('vetting.settings', {});
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value.rubric.map((c) => c.key)).toEqual(['experience', 'expertise', 'contribution']);
  });
});

describe('dashboard and conflicts with no applications', () => {
  it('say plainly that there is nothing yet', async () => {
    const user = setupUser();
    const bridge = await withCurator();
    renderApp({ bridge, hash: '#/vetting-dashboard', locale: 'id' });
    expect(await screen.findByRole('heading', { name: 'Dasbor seleksi', level: 1 })).toBeTruthy();
    expect(await screen.findByText('Belum ada lamaran')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Konflik' }));
    expect(await screen.findByText('Tidak ada yang perlu diselesaikan')).toBeTruthy();
    expect(screen.queryByTestId('conflicts-count')).toBeNull();
  });
});
