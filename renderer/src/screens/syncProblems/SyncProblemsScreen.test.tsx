// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CoreBridge } from '../../test/coreBridge';
import { signedInStatus } from '../../test/syncStatus';
import { renderApp, setupUser } from '../../test/renderApp';

const OTHER = 'a1b2c3d4e5f60718';
const stamp = (n: number) => `${String(Date.now() - 60_000 + n).padStart(15, '0')}-00000${n}`;
const change = (origin: string, seq: number, entity: string, id: string, fields: Record<string, unknown>) => ({
  origin,
  seq,
  hlc: stamp(seq),
  actor: 'Nguyen Thi Lan',
  entity,
  id,
  op: 'put',
  fields,
});

/**
 * A core holding three refused changes, stored by the real funnel as sync stores them: another
 * node's new expert with a country that is not a member state (rejected), another node's
 * record of a kind this version does not know (parked), and this computer's own edit of an
 * expert it holds, with a malformed email (rejected).
 */
async function coreWithProblems() {
  const bridge = new CoreBridge();
  const siti = await bridge.insert({ givenName: 'Siti', familyName: 'Rahmawati', country: 'ID' });
  const result = bridge.receiveFromOtherNodes([
    change(OTHER, 1, 'expert', '0190a4c0-0000-7000-8000-0000000000b1', { givenName: 'Somchai', familyName: 'Phongsa', country: 'XX' }),
    change(OTHER, 2, 'caseStudy', '0190a4c0-0000-7000-8000-0000000000c1', { title: 'Merit system reform' }),
    change(bridge.core.nodeId, 2, 'expert', siti.id, { email: 'not an email' }),
  ]);
  expect(result.refused.map((r) => r.kind).sort()).toEqual(['parked', 'rejected', 'rejected']);
  return { bridge, siti };
}

const card = (name: RegExp | string) => screen.getAllByTestId('sync-problem').find((c) => within(c).queryByRole('heading', { name }))!;

describe('Sync problems', () => {
  it('says plainly when there are none', async () => {
    renderApp({ hash: '#/sync-problems' });
    expect(await screen.findByRole('heading', { name: 'Sync problems', level: 1 })).toBeTruthy();
    expect(await screen.findByText('No sync problems')).toBeTruthy();
    expect(screen.getByText('Every change sent and received so far has been applied.')).toBeTruthy();
  });

  it('lists each refused change: which record, who wrote it and where, why, and what to do', async () => {
    const { bridge } = await coreWithProblems();
    renderApp({ bridge, hash: '#/sync-problems' });
    expect(await screen.findAllByTestId('sync-problem')).toHaveLength(3);

    const somchai = card('Somchai Phongsa');
    expect(within(somchai).getByText('Rejected')).toBeTruthy();
    expect(within(somchai).getByText('Expert')).toBeTruthy();
    expect(within(somchai).getByText('A value in this change is not valid, so the change was not applied.')).toBeTruthy();
    expect(somchai.textContent).toContain('Ask the person who wrote it to make the change again with an up-to-date app.');
    expect(somchai.textContent).toContain('Written by Nguyen Thi Lan · Written on another computer');
    // The refusing node's own words, for the detail (which field, which rule).
    expect(somchai.textContent).toMatch(/Details: expert\.country: .+\(INVALID_VALUE\)/);
    // A creation that was refused names an expert this computer never held: no link.
    expect(within(somchai).queryByRole('link')).toBeNull();

    const parked = card(/^Record 0190a4c0$/);
    expect(within(parked).getByText('Waiting for an update')).toBeTruthy();
    expect(parked.textContent).toContain('Update the app. The change is kept and applied after the update.');
    expect(within(parked).getByText('A kind of record this version does not know (caseStudy)')).toBeTruthy();
  });

  it("leads from this computer's own refused edit to the expert it concerns", async () => {
    const user = setupUser();
    const { bridge } = await coreWithProblems();
    renderApp({ bridge, hash: '#/sync-problems' });
    await screen.findAllByTestId('sync-problem');
    const link = await screen.findByRole('link', { name: 'Open Siti Rahmawati' });
    const own = card('Open Siti Rahmawati');
    expect(own.textContent).toContain('Written on this computer');
    expect(own.textContent).toContain('Open the record and enter the value again; the form checks it as you save.');
    await user.click(link);
    expect(await screen.findByRole('heading', { name: /Siti Rahmawati/, level: 1 })).toBeTruthy();
  });

  it('refreshes the list when the status says the count of problems moved', async () => {
    const bridge = new CoreBridge();
    renderApp({ bridge, hash: '#/sync-problems' });
    expect(await screen.findByText('No sync problems')).toBeTruthy();
    bridge.receiveFromOtherNodes([change(OTHER, 1, 'expert', '0190a4c0-0000-7000-8000-0000000000b1', { givenName: 'Somchai', country: 'XX' })]);
    // Stored behind the screen's back: nothing shows until the core says the count moved.
    bridge.emit('sync', signedInStatus({ problems: 1 }));
    expect(await screen.findAllByTestId('sync-problem')).toHaveLength(1);
    expect(screen.queryByText('No sync problems')).toBeNull();
  });

  it('gives the reasons and what to do in Bahasa Indonesia', async () => {
    const { bridge } = await coreWithProblems();
    renderApp({ bridge, hash: '#/sync-problems', locale: 'id' });
    expect(await screen.findByRole('heading', { name: 'Masalah sinkronisasi', level: 1 })).toBeTruthy();
    const somchai = (await screen.findAllByTestId('sync-problem')).find((c) => c.textContent?.includes('Somchai'))!;
    expect(somchai.textContent).toContain('Ada nilai yang tidak valid dalam perubahan ini, sehingga perubahan tidak diterapkan.');
    expect(somchai.textContent).toContain('Ditulis di komputer lain');
    expect(within(somchai).getByText('Ditolak')).toBeTruthy();
  });
});
