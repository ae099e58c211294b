// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { minimalPdf } from '../../../../electron/core/services/attachments/testing';
import type { ApplicationDetail } from '../../../../shared/contract/vetting';
import { CoreBridge } from '../../test/coreBridge';
import { chooseProfile } from '../../test/profile';
import { fill, renderApp, setupUser } from '../../test/renderApp';

type User = ReturnType<typeof setupUser>;

async function choose(user: User, label: RegExp | string, option: string) {
  await user.click(screen.getByLabelText(label, { selector: 'input' }));
  await user.click(await screen.findByRole('option', { name: option }));
}

const cvFile = () => new File([new Uint8Array(minimalPdf())], 'CV Somchai.pdf', { type: 'application/pdf' });

describe('a curator enters an application', () => {
  it('creates it with applications.create (source curator) and opens its page', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    const curator = chooseProfile(bridge);
    renderApp({ bridge, hash: '#/applications/new' });

    expect(await screen.findByRole('heading', { name: 'New application', level: 1 })).toBeTruthy();
    // The proposed profile is the expert form's own sections.
    expect(screen.getByRole('region', { name: 'Name and identity' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Given name/)));

    await fill(user, screen.getByLabelText(/Given name/), 'Somchai');
    await fill(user, screen.getByLabelText('Family name'), 'Phongsa');
    await choose(user, /^Country\s*\*?$/, 'Thailand');
    await user.click(screen.getByRole('radio', { name: 'Academic' }));
    await choose(user, /Nominating member state/, 'Thailand');
    await user.type(screen.getByLabelText('Years of experience'), '18');
    await fill(user, screen.getByLabelText('Recommended by'), 'Office of the Civil Service Commission');
    await user.click(screen.getByRole('radio', { name: 'A government body' }));

    await user.upload(screen.getByLabelText('CV', { selector: 'input[type=file]' }), cvFile());
    expect((await screen.findByTestId('attachment-name')).textContent).toMatch(/^CV Somchai\.pdf/);

    await user.click(screen.getByRole('button', { name: 'Add an item' }));
    const item = screen.getByRole('group', { name: 'Item 1' });
    expect((within(item).getByLabelText('Kind', { selector: 'input' }) as HTMLInputElement).value).toBe('Publication');
    await fill(user, within(item).getByLabelText(/^Title/), 'Performance management in the Thai civil service');
    await user.click(screen.getByRole('checkbox', { name: 'Career' }));
    // A curator records the signatures the paper carries; unsigned declarations stay unsigned.
    await fill(user, screen.getByLabelText(/Type your full name to sign: Code of conduct/), 'Somchai Phongsa');

    await user.click(screen.getByRole('button', { name: 'Create application' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/applications\/[0-9a-f-]{36}$/));

    const [sent] = bridge.callsOf('applications.create');
    expect(sent!.fields).toMatchObject({ source: 'curator', givenName: 'Somchai', applicantType: 'academic', nominatingCountry: 'TH', yearsExperience: 18, consentSections: ['career'] });
    const id = window.location.hash.split('/')[2]!;
    const got = await bridge.core.dispatch('applications.get', { id });
    expect(got.ok).toBe(true);
    const detail = (got as { value: ApplicationDetail }).value;
    expect(detail.fields).toMatchObject({
      source: 'curator',
      cv: { name: 'CV Somchai.pdf', mime: 'application/pdf' },
      evidence: [{ kind: 'publication', title: 'Performance management in the Thai civil service' }],
      declarations: { codeOfConduct: { signedName: 'Somchai Phongsa' }, independence: null, responsibility: null },
    });
    expect(detail.events.map((e) => [e.type, e.by])).toEqual([['submitted', curator]]);
  }, 120_000);

  it('says what is missing, focuses the first field, and sends nothing', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    chooseProfile(bridge);
    renderApp({ bridge, hash: '#/applications/new', locale: 'id' });
    await user.click(await screen.findByRole('button', { name: 'Buat lamaran' }));
    expect((await screen.findByTestId('form-summary')).textContent).toMatch(/^Lamaran belum dikirim: \d+ isian perlu diperbaiki/);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Nama depan/)));
    expect(screen.getByText('Pilih negara anggota yang mengusulkan pelamar.')).toBeTruthy();
    // Declarations are not required from a curator entering a paper application.
    expect(screen.queryByText('Ketik nama lengkap Anda untuk menandatangani pernyataan ini.')).toBeNull();
    expect(bridge.callsOf('applications.create')).toHaveLength(0);
  }, 60_000);
});
