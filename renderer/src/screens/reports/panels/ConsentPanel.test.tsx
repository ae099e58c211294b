// @vitest-environment jsdom
import '../../../test/setup-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../../../shared/attachments';
import { fill, setupUser } from '../../../test/renderApp';
import { ConsentPanel } from './ConsentPanel';
import { reportCore, renderPanel, stored } from './testing';

/** The smallest real PDF the core's byte checks accept as a PDF. */
const pdf = (name: string) =>
  new File(['%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'], name, { type: 'application/pdf' });

const storyFields = async (bridge: Parameters<typeof stored>[0], id: string) => {
  const r = await stored(bridge, id);
  if (r.type !== 'story') throw new Error('not a story');
  return r.fields;
};

describe('ConsentPanel (real core)', () => {
  it('says the story cannot be exported until consent is recorded, then records it with the signed form', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'story', fields: { title: 'A midwife’s new post in Timor-Leste' } });
    await renderPanel(ConsentPanel, { bridge, report });
    expect(screen.getByTestId('consent-missing').textContent).toContain('This story cannot be exported until consent is recorded');

    // Nothing is sent while the record is incomplete; each field says what is missing.
    await user.click(screen.getByRole('button', { name: 'Record consent' }));
    expect(await screen.findByText('Write who gave the consent.')).toBeTruthy();
    expect(screen.getByText('Tick at least one use the consent covers.')).toBeTruthy();
    expect(screen.getByText('Attach the signed consent form.')).toBeTruthy();
    expect(bridge.callsOf('reports.update')).toHaveLength(0);

    await fill(user, screen.getByRole('textbox', { name: /^Consent given by/ }), 'Maria da Costa');
    fireEvent.change(screen.getByLabelText(/^Date of consent/), { target: { value: '2026-10-14' } });
    await user.click(screen.getByRole('checkbox', { name: 'The Blueprint mid-term review' }));
    await user.click(screen.getByRole('checkbox', { name: 'Online publication' }));
    await user.upload(screen.getByLabelText('Signed consent form', { selector: 'input' }), pdf('consent-maria.pdf'));
    expect(await screen.findByTestId('attachment-name', {}, { timeout: 10_000 })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Record consent' }));

    await waitFor(async () => expect((await storyFields(bridge, report.id)).consent).toMatchObject({ consentedBy: 'Maria da Costa', consentedAt: Date.UTC(2026, 9, 14), uses: ['mtr', 'online'], form: { name: 'consent-maria.pdf', mime: 'application/pdf' } }));
    const record = await screen.findByTestId('consent-record');
    expect(record.textContent).toContain('Maria da Costa');
    expect(record.textContent).toContain('14 Oct 2026');
    expect(screen.queryByTestId('consent-missing')).toBeNull();

    // Withdrawing takes the story back to "cannot be exported".
    await user.click(within(record).getByRole('button', { name: 'Withdraw consent' }));
    await waitFor(async () => expect((await storyFields(bridge, report.id)).consent).toBeNull());
    expect(await screen.findByTestId('consent-missing')).toBeTruthy();
  }, 90_000);

  it('refuses a consent form over the size limit before reading it, and writes nothing', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'story', fields: { title: 'Clean water for a village' } });
    await renderPanel(ConsentPanel, { bridge, report });
    const big = new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], 'scan-600dpi.pdf', { type: 'application/pdf' });
    await user.upload(screen.getByLabelText('Signed consent form', { selector: 'input' }), big);
    const error = await screen.findByTestId('attachment-error');
    expect(error.textContent).toContain('The file scan-600dpi.pdf is 10 MB; the limit is 10 MB. Nothing was attached.');
    expect(bridge.callsOf('reports.putAttachment')).toHaveLength(0);
    expect(bridge.callsOf('reports.update')).toHaveLength(0);
    expect((await storyFields(bridge, report.id)).consent).toBeNull();
  }, 60_000);

  it('anonymises the beneficiary, saying what it hides, and keeps the name in the app', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'story', fields: { title: 'A family’s first pension', beneficiaryName: 'Nguyễn Thị Lan' } });
    await renderPanel(ConsentPanel, { bridge, report });
    await user.click(screen.getByRole('radio', { name: 'A family' }));
    await waitFor(async () => expect((await storyFields(bridge, report.id)).beneficiaryKind).toBe('family'));

    const toggle = screen.getByRole('switch', { name: /^Anonymise the beneficiary/ });
    expect(screen.getByText(/leave out the beneficiary’s name and every photo/)).toBeTruthy();
    await user.click(toggle);
    await waitFor(async () => expect((await storyFields(bridge, report.id)).anonymised).toBe(true));
    expect(await screen.findByText(/no document shows this name/)).toBeTruthy();
    expect((await storyFields(bridge, report.id)).beneficiaryName).toBe('Nguyễn Thị Lan');
  }, 60_000);
});
