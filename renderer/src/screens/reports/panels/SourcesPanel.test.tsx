// @vitest-environment jsdom
import '../../../test/setup-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fill, setupUser } from '../../../test/renderApp';
import { call } from '../../applications/testing';
import { SourcesPanel } from './SourcesPanel';
import { reportCore, renderPanel, stored } from './testing';

const pdf = (name: string) =>
  new File(['%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'], name, { type: 'application/pdf' });

describe('SourcesPanel (real core)', () => {
  it('adds an interview with its attachment, names it on the record, and edits it', async () => {
    const user = setupUser();
    const { bridge, report } = await reportCore({ type: 'case_study', fields: { title: 'Competency framework in Malaysia' } });
    await renderPanel(SourcesPanel, { bridge, report });
    expect(screen.getByTestId('interviews-empty')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add interview' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add an interview' });
    // The name is required: nothing is sent without it.
    await user.click(within(dialog).getByRole('button', { name: 'Save interview' }));
    expect(await within(dialog).findByText('Write who was interviewed.')).toBeTruthy();
    expect(bridge.callsOf('interviews.create')).toHaveLength(0);

    await fill(user, within(dialog).getByRole('textbox', { name: /^Who was interviewed/ }), 'Dato’ Aminah Yusof');
    await fill(user, within(dialog).getByRole('textbox', { name: 'Role' }), 'Director of Competency Development');
    await fill(user, within(dialog).getByRole('textbox', { name: 'Organisation' }), 'Public Service Department (JPA)');
    fireEvent.change(within(dialog).getByLabelText('Date of the interview'), { target: { value: '2026-09-03' } });
    await user.upload(within(dialog).getByLabelText('Attached form or record', { selector: 'input' }), pdf('interview-notes.pdf'));
    expect(await within(dialog).findByTestId('attachment-name', {}, { timeout: 10_000 })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Save interview' }));

    await waitFor(async () => expect((await stored(bridge, report.id)).fields.interviewIds).toHaveLength(1));
    const id = (await stored(bridge, report.id)).fields.interviewIds[0]!;
    const saved = await call(bridge, 'interviews.get', { id });
    expect(saved).toMatchObject({ name: 'Dato’ Aminah Yusof', organisation: 'Public Service Department (JPA)', heldAt: Date.UTC(2026, 8, 3), consentToQuote: false, attachment: { name: 'interview-notes.pdf' } });
    const row = await screen.findByTestId('interview-row');
    expect(row.textContent).toContain('No consent to quote');
    expect(row.textContent).toContain('3 Sept 2026');

    await user.click(within(row).getByRole('button', { name: 'Edit the interview with Dato’ Aminah Yusof' }));
    const edit = await screen.findByRole('dialog', { name: 'Edit the interview' });
    await user.click(within(edit).getByRole('checkbox', { name: /^Agreed to be quoted/ }));
    await user.click(within(edit).getByRole('button', { name: 'Save interview' }));
    await waitFor(async () => expect((await call(bridge, 'interviews.get', { id })).consentToQuote).toBe(true));
  }, 90_000);

  it('warns on a quote whose interview has no consent to be quoted, and not once consent is recorded', async () => {
    const user = setupUser();
    const bridgeAndReport = await reportCore({ type: 'story', fields: { title: 'A teacher’s pension' } });
    const { bridge } = bridgeAndReport;
    const somchai = await call(bridge, 'interviews.create', { fields: { name: 'Somchai Phongsa', role: 'Retired teacher', consentToQuote: false } });
    const report = await call(bridge, 'reports.update', { id: bridgeAndReport.report.id, type: 'story', patch: { interviewIds: [somchai.id] } });
    await renderPanel(SourcesPanel, { bridge, report });

    await user.click(screen.getByRole('button', { name: 'Add quote' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a quote' });
    await fill(user, within(dialog).getByRole('textbox', { name: /^The words quoted/ }), 'For the first time I knew what I would receive each month.');
    await user.click(within(dialog).getByLabelText('From the interview', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Somchai Phongsa (no consent to quote)' }));
    // The speaker is filled in from the interview.
    expect((within(dialog).getByRole('textbox', { name: /^Speaker/ }) as HTMLInputElement).value).toBe('Somchai Phongsa');
    await user.click(within(dialog).getByLabelText(/^Section/, { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'After' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save quote' }));

    await waitFor(async () => expect((await stored(bridge, report.id)).fields.quotes).toMatchObject([{ speaker: 'Somchai Phongsa', interviewId: somchai.id, section: 's_after' }]));
    const warning = await screen.findByTestId('quote-no-consent');
    expect(warning.textContent).toContain('This quote will not be exported');
    expect(warning.textContent).toContain('Somchai Phongsa has not agreed to be quoted.');

    // Consent recorded on the interview (by anyone, anywhere): the warning goes once the record is read again.
    await call(bridge, 'interviews.update', { id: somchai.id, patch: { consentToQuote: true } });
    await waitFor(() => expect(screen.queryByTestId('quote-no-consent')).toBeNull(), { timeout: 10_000 });
  }, 90_000);
});
