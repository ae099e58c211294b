// @vitest-environment jsdom
import '../../test/setup-dom';
import { notifications } from '@mantine/notifications';
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../../../shared/contract';
import { CoreBridge } from '../../test/coreBridge';
import { fill, renderApp, setupUser } from '../../test/renderApp';

async function oneExpert() {
  const bridge = new CoreBridge();
  const expert = await bridge.insert(
    {
      givenName: 'Siti',
      familyName: 'Rahayu',
      honorific: 'Dr.',
      country: 'ID',
      agency: 'BKN',
      position: 'Director',
      email: 'siti@bkn.go.id',
      expertise: ['hrm.recruitment'],
      languages: [{ code: 'id', proficiency: 'native' }],
      yearsExperience: 12,
    },
    [{ kind: 'publication', title: 'Merit systems in ASEAN', year: 2021, description: 'A comparative study.', link: 'https://example.org/merit' }],
  );
  return { bridge, expert };
}

describe('Expert page', () => {
  it('shows the profile: name, expertise with its path, languages, portfolio with an external link, visibility', async () => {
    const { bridge, expert } = await oneExpert();
    renderApp({ bridge, hash: `#/experts/${expert.id}` });
    expect((await screen.findByTestId('expert-name')).textContent).toBe('Siti Rahayu');
    expect(screen.getByText('Dr.')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Recruitment and selection')).toBeTruthy());
    expect(screen.getByText(/Human resource management ›/)).toBeTruthy();
    expect(screen.getByText('12 years of experience')).toBeTruthy();
    const link = screen.getByRole('link', { name: /example\.org\/merit/ });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noreferrer');
    expect(screen.getByText('Visible to: Secretariat only')).toBeTruthy();
    // The e-mail is text with a copy button, not a mailto: link the desktop shell would refuse.
    expect(screen.getByText('siti@bkn.go.id').closest('a')).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy siti@bkn.go.id' })).toBeTruthy();
  });

  it('will not archive without a reason of at least 3 characters, then archives and restores', async () => {
    const user = setupUser();
    const { bridge, expert } = await oneExpert();
    renderApp({ bridge, hash: `#/experts/${expert.id}` });
    await user.click(await screen.findByTestId('archive-expert'));
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Archive' });

    await user.click(submit);
    expect(within(dialog).getByText('Give a reason of at least 3 characters.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText(/Reason/), 'ok');
    await user.click(submit);
    expect(within(dialog).getByText('Give a reason of at least 3 characters.')).toBeTruthy();
    expect(bridge.callsOf('experts.archive')).toEqual([]);

    await fill(user, within(dialog).getByLabelText(/Reason/), 'ok — retired');
    await user.click(submit);
    await waitFor(() => expect(screen.getByTestId('expert-status').textContent).toBe('Archived'));
    expect(bridge.callsOf('experts.archive')).toEqual([{ id: expert.id, reason: 'ok — retired' }]);
    expect(screen.getByTestId('archived-notice').textContent).toContain('ok — retired');

    await user.click(screen.getByTestId('archive-expert'));
    const restoreDialog = await screen.findByRole('dialog');
    await fill(user, within(restoreDialog).getByLabelText(/Reason/), 'Back in service');
    await user.click(within(restoreDialog).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(screen.getByTestId('expert-status').textContent).toBe('Active'));
    expect(bridge.callsOf('experts.restore')).toEqual([{ id: expert.id, reason: 'Back in service' }]);
  });

  it('takes an archive back from the notification, restoring with a reason that says so', async () => {
    // Mantine keeps toasts in a module store: clear the earlier tests' ones.
    act(() => notifications.clean());
    const user = setupUser();
    const { bridge, expert } = await oneExpert();
    renderApp({ bridge, hash: `#/experts/${expert.id}` });
    await user.click(await screen.findByTestId('archive-expert'));
    const dialog = await screen.findByRole('dialog');
    await fill(user, within(dialog).getByLabelText(/Reason/), 'Duplicate record');
    await user.click(within(dialog).getByRole('button', { name: 'Archive' }));
    await waitFor(() => expect(screen.getByTestId('expert-status').textContent).toBe('Archived'));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getByTestId('expert-status').textContent).toBe('Active'));
    expect(bridge.callsOf('experts.restore')).toEqual([{ id: expert.id, reason: 'Archiving undone right after it was done.' }]);
  });

  it('lists a demo record\'s history in the form\'s order, with the demo marker in words and last', async () => {
    const user = setupUser();
    const bridge = new CoreBridge();
    await bridge.core.dispatch('demo.load', { experts: 1 });
    const found = await bridge.invoke('experts.search', {});
    if (!found.ok) throw new Error(found.error.message);
    renderApp({ bridge, hash: `#/experts/${found.value.items[0]!.id}` });
    await user.click(await screen.findByTestId('history-expert'));
    const demo = await screen.findByTestId('history-expert-demo');
    expect(within(demo).getByText('Demo record')).toBeTruthy();
    expect(within(demo).getByText('Yes')).toBeTruthy();
    const cards = screen.getAllByTestId(/^history-expert-/).map((el) => el.dataset.testid);
    expect(cards[0]).toBe('history-expert-givenName');
    expect(cards.at(-1)).toBe('history-expert-demo');
  });

  it("shows each field's history: values, who, when, and which is current", async () => {
    const user = setupUser();
    const { bridge, expert } = await oneExpert();
    await bridge.core.dispatch('experts.update', { id: expert.id, patch: { email: 'siti.rahayu@bkn.go.id' } });
    renderApp({ bridge, hash: `#/experts/${expert.id}` });
    await user.click(await screen.findByTestId('history-expert'));
    const email = await screen.findByTestId('history-expert-email');
    expect(within(email).getByText('siti.rahayu@bkn.go.id')).toBeTruthy();
    expect(within(email).getByText('siti@bkn.go.id')).toBeTruthy();
    // Newest first, and only the newest is current.
    const values = within(email).getAllByText(/@bkn\.go\.id$/).map((n) => n.textContent);
    expect(values).toEqual(['siti.rahayu@bkn.go.id', 'siti@bkn.go.id']);
    expect(within(email).getAllByText('Current')).toHaveLength(1);
    expect(within(email).getAllByText(/by tester/)).toHaveLength(2);
    // It opens on the fields edited since creation; the switch shows the others too.
    const onlyChanged = screen.getByRole('switch', { name: 'Only fields changed since the record was created' });
    expect((onlyChanged as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByTestId('history-expert-country')).toBeNull();
    await user.click(onlyChanged);
    const country = await screen.findByTestId('history-expert-country');
    expect(within(country).getByText('Indonesia')).toBeTruthy();
    expect(screen.getByTestId('history-expert-email')).toBeTruthy();
  });

  it('marks a value that lost a concurrent edit, and says what that means', async () => {
    const user = setupUser();
    const { bridge, expert } = await oneExpert();
    await bridge.invoke('experts.update', { id: expert.id, patch: { position: 'Deputy Director' } });
    // The core decides what lost (services/experts/service.ts); here one value is marked so.
    const invoke = bridge.invoke.bind(bridge);
    bridge.invoke = (async (method: MethodName, input: never) => {
      const result = await invoke(method, input);
      if (method !== 'experts.history' || !result.ok) return result;
      const value = result.value as { fields: { field: string; entries: { value: unknown; lostConcurrent?: boolean }[] }[] };
      for (const f of value.fields) for (const e of f.entries) e.lostConcurrent = f.field === 'position' && e.value === 'Director';
      return { ok: true, value: value as never };
    }) as CoreBridge['invoke'];
    renderApp({ bridge, hash: `#/experts/${expert.id}` });
    await user.click(await screen.findByTestId('history-expert'));
    const position = await screen.findByTestId('history-expert-position');
    const lost = within(position).getByText('Lost to a concurrent edit');
    expect(lost.closest('[data-lost-concurrent]')?.textContent).toContain('Director');
    expect(within(position).getAllByText('Lost to a concurrent edit')).toHaveLength(1);
    expect(lost.closest('[aria-description]')?.getAttribute('aria-description')).toMatch(/without knowing of the edit above it/);
  });

  it('adds a portfolio item from the expert page, checking the link first', async () => {
    const user = setupUser();
    const { bridge, expert } = await oneExpert();
    renderApp({ bridge, hash: `#/experts/${expert.id}` });
    await user.click(await screen.findByRole('button', { name: 'Add portfolio item' }));
    const dialog = await screen.findByRole('dialog');
    await fill(user, within(dialog).getByLabelText(/Title/), 'ASEAN HR forum keynote');
    await fill(user, within(dialog).getByLabelText('Link'), 'ftp://nope');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByText('Enter a web address starting with https://.')).toBeTruthy();
    expect(bridge.callsOf('portfolio.add')).toEqual([]);

    // It does start with https://, so the message names what is wrong.
    await user.clear(within(dialog).getByLabelText('Link'));
    await fill(user, within(dialog).getByLabelText('Link'), 'https://user:secret@example.org/cv');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('A link cannot hold a user name or password (the part before @). Remove that part.')).toBeTruthy();
    expect(within(dialog).queryByText('Enter a web address starting with https://.')).toBeNull();
    expect(bridge.callsOf('portfolio.add')).toEqual([]);

    await user.clear(within(dialog).getByLabelText('Link'));
    await fill(user, within(dialog).getByLabelText('Link'), 'https://example.org/keynote');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByText('ASEAN HR forum keynote')).toBeTruthy());
    expect(bridge.callsOf('portfolio.add')).toEqual([
      { expertId: expert.id, item: { kind: 'publication', title: 'ASEAN HR forum keynote', year: null, description: '', link: 'https://example.org/keynote' } },
    ]);
  });

  it('says when the expert does not exist', async () => {
    renderApp({ hash: '#/experts/0190a4c0-0000-7000-8000-0000000000ff' });
    expect(await screen.findByText(/This expert is not in the directory/)).toBeTruthy();
  });
});
