// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CoreBridge } from '../../test/coreBridge';
import { fill, renderApp, setupUser } from '../../test/renderApp';

type User = ReturnType<typeof setupUser>;

/** Picks an option of a Mantine Select/MultiSelect by the field's label and the option's text. */
async function choose(user: User, label: RegExp | string, option: string) {
  await user.click(screen.getByLabelText(label, { selector: 'input' }));
  await user.click(await screen.findByRole('option', { name: option }));
}

/** A real 1×1 PNG, so the core's image checks accept it. */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const png = () => new File([Uint8Array.from(atob(ONE_PIXEL_PNG), (c) => c.charCodeAt(0))], 'siti.png', { type: 'image/png' });

async function existing() {
  const bridge = new CoreBridge();
  const expert = await bridge.insert({ givenName: 'Siti', familyName: 'Rahayu', country: 'ID', email: 'siti@bkn.go.id', phone: '+62 21 123 4567' });
  return { bridge, expert };
}

describe('Create expert', () => {
  it('sends experts.create with the fields typed, the portfolio items, and opens the new record', async () => {
    const user = setupUser();
    const { bridge } = renderApp({ hash: '#/new' });
    await fill(user, await screen.findByLabelText(/Given name/), 'Văn An');
    await fill(user, screen.getByLabelText('Family name'), 'Nguyễn');
    await choose(user, 'Name order', 'Family name first');
    expect(screen.getByTestId('name-preview').textContent).toContain('Nguyễn Văn An');
    await fill(user, screen.getByLabelText(/Other spellings/, { selector: 'input' }), 'Nguyen Van An');
    await user.keyboard('{Enter}');
    await choose(user, /Country/, 'Viet Nam');
    await fill(user, screen.getByLabelText('Email'), 'an.nguyen@moha.gov.vn');
    await user.click(screen.getByRole('button', { name: 'Add language' }));
    await choose(user, 'Language 1', 'Vietnamese (vi)');
    await choose(user, 'Expertise areas', 'Recruitment and selection');
    await user.type(screen.getByLabelText('Years of experience'), '15');

    await user.upload(screen.getByTestId('photo-input'), png());
    await waitFor(() => expect(bridge.callsOf('attachments.putPhoto')).toHaveLength(1));

    await user.click(screen.getByRole('button', { name: 'Add portfolio item' }));
    const draft = screen.getByTestId('portfolio-draft');
    await fill(user, within(draft).getByLabelText(/Title/), 'Civil service reform in Viet Nam');
    await user.type(within(draft).getByLabelText('Year'), '2020');
    await fill(user, within(draft).getByLabelText('Link'), 'https://example.org/reform');

    await user.click(screen.getByRole('button', { name: 'Create expert' }));
    expect((await screen.findByTestId('expert-name')).textContent).toBe('Nguyễn Văn An');

    const [call] = bridge.callsOf('experts.create') as { expert: Record<string, unknown>; portfolio: unknown[] }[];
    expect(call!.expert).toMatchObject({
      givenName: 'Văn An',
      familyName: 'Nguyễn',
      nameOrder: 'family-given',
      otherNames: ['Nguyen Van An'],
      country: 'VN',
      email: 'an.nguyen@moha.gov.vn',
      languages: [{ code: 'vi', proficiency: 'working' }],
      expertise: ['hrm.recruitment'],
      yearsExperience: 15,
      photo: { hash: expect.stringMatching(/^[0-9a-f]{64}$/), mime: 'image/webp' }, // stored re-encoded as WebP (services/photos)
      visibility: { contact: 'secretariat', career: 'public', expertise: 'public', portfolio: 'public', photo: 'members' },
    });
    expect(call!.portfolio).toEqual([{ kind: 'publication', title: 'Civil service reform in Viet Nam', year: 2020, description: '', link: 'https://example.org/reform' }]);
    // The longest walk through the form: jsdom renders every keystroke, slowly on a busy machine.
  }, 120_000);

  it("speaks Bahasa Indonesia: the schemas' sentences by key, zod's generic checks in zod's own Indonesian locale", async () => {
    const user = setupUser();
    const { bridge } = renderApp({ hash: '#/new', locale: 'id' });
    await user.click(await screen.findByRole('button', { name: 'Tambah item portofolio' }));
    const draft = screen.getByTestId('portfolio-draft');
    await user.type(within(draft).getByLabelText('Tahun'), '1900');
    await user.click(screen.getByRole('button', { name: 'Buat pakar' }));
    expect(await screen.findByText('Masukkan nama depan.')).toBeTruthy();
    expect(within(draft).getByText(/^Terlalu kecil: diharapkan number menjadi >=1950/)).toBeTruthy();
    expect(bridge.callsOf('experts.create')).toEqual([]);
  });

  it('shows what is missing instead of sending an incomplete record', async () => {
    const user = setupUser();
    const { bridge } = renderApp({ hash: '#/new' });
    await user.click(await screen.findByRole('button', { name: 'Create expert' }));
    expect(await screen.findByText('Enter the given name.')).toBeTruthy();
    expect(screen.getByText('Choose one of the 11 ASEAN member states.')).toBeTruthy();
    expect(bridge.callsOf('experts.create')).toEqual([]);
  });

  it('refuses a file that is not an image, or is too large, before sending it; shows the core’s refusal too', async () => {
    const user = userEvent.setup({ delay: null, applyAccept: false });
    const { bridge } = renderApp({ hash: '#/new' });
    const input = await screen.findByTestId('photo-input');

    await user.upload(input, new File(['GIF89a'], 'a.gif', { type: 'image/gif' }));
    expect((await screen.findByTestId('photo-error')).textContent).toBe('Choose a PNG, JPEG or WebP image.');

    await user.upload(input, new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' }));
    await waitFor(() => expect(screen.getByTestId('photo-error').textContent).toBe('The photo is larger than 5 MB. Choose a smaller one.'));
    expect(bridge.callsOf('attachments.putPhoto')).toEqual([]);

    // Claims to be a PNG but is not: the core checks the bytes and says so.
    await user.upload(input, new File(['not really a png'], 'fake.png', { type: 'image/png' }));
    await waitFor(() => expect(screen.getByTestId('photo-error').textContent).toMatch(/^This file is not a PNG, JPEG or WebP image\./));
    expect(bridge.callsOf('attachments.putPhoto')).toHaveLength(1);
  });
});

describe('Edit expert', () => {
  it('shows the email message under the field and does not save until it is fixed; then sends only the change', async () => {
    const user = setupUser();
    const { bridge, expert } = await existing();
    renderApp({ bridge, hash: `#/experts/${expert.id}/edit` });
    const email = await screen.findByLabelText('Email');
    await user.clear(email);
    await fill(user, email, 'siti-at-bkn');
    await user.tab();
    expect(await screen.findByText('Enter an email address such as name@agency.gov.')).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(bridge.callsOf('experts.update')).toEqual([]);

    await user.clear(email);
    await fill(user, email, 'siti.rahayu@bkn.go.id');
    expect(screen.queryByText('Enter an email address such as name@agency.gov.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByTestId('expert-name');
    expect(bridge.callsOf('experts.update')).toEqual([{ id: expert.id, patch: { email: 'siti.rahayu@bkn.go.id' } }]);
  });

  it("puts the core's field issues under the fields they concern", async () => {
    const user = setupUser();
    const { bridge, expert } = await existing();
    bridge.failNext['experts.update'] = {
      code: 'INVALID_INPUT',
      message: 'Some of the input is not valid.',
      issues: [{ path: ['patch', 'phone'], message: 'Enter a phone number with digits, spaces, + ( ) or -.' }],
    };
    renderApp({ bridge, hash: `#/experts/${expert.id}/edit` });
    await fill(user, await screen.findByLabelText('Position'), 'Director');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const phone = screen.getByLabelText('Phone');
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Enter a phone number with digits, spaces, + ( ) or -.')).toBeTruthy();
    expect(bridge.callsOf('experts.update')).toEqual([{ id: expert.id, patch: { position: 'Director' } }]);
  });

  it('asks before leaving with unsaved changes', async () => {
    const user = setupUser();
    const { bridge, expert } = await existing();
    renderApp({ bridge, hash: `#/experts/${expert.id}/edit` });
    await user.type(await screen.findByLabelText('Agency'), 'BKN');
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Discard unsaved changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect((screen.getByLabelText('Agency') as HTMLInputElement).value).toBe('BKN');
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Discard and leave' }));
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
  });
});
