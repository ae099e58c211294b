// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fill, renderApp, setupUser } from '../../test/renderApp';
import { forgetListCriteria } from './ApplicationsScreen';
import { call, dewi, linh, somchai, vettingCore } from './testing';

beforeEach(forgetListCriteria);

const rows = () => screen.queryAllByTestId('application-row');
const stageButton = (name: RegExp) => within(screen.getByRole('group', { name: 'Stage' })).getByRole('button', { name });

describe('Applications list', () => {
  it('lists applications with counts by stage, and narrows by stage, country and search', async () => {
    const user = setupUser();
    const { bridge, ids } = await vettingCore([dewi, somchai, linh]);
    await call(bridge, 'applications.act', {
      applicationId: ids[1]!,
      type: 'screened',
      payload: { criteria: [{ criterion: 'publications', met: false, note: 'None listed.' }], outcome: 'not_eligible' },
    });
    renderApp({ bridge, hash: '#/applications' });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByTestId('application-count').textContent).toBe('3 applications');
    expect(stageButton(/^All/).getAttribute('aria-pressed')).toBe('true');
    expect(stageButton(/Awaiting screening/).textContent).toContain('2');
    expect(stageButton(/Not eligible/).textContent).toContain('1');
    // Each row is a link named by what it shows.
    const link = screen.getByRole('link', { name: /^Dewi Lestari, Awaiting screening, since today, Indonesia/ });
    expect(link.getAttribute('href')).toBe(`#/applications/${ids[0]}`);

    await user.click(stageButton(/Not eligible/));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]!.textContent).toContain('Somchai Phongsa');
    // The other stages keep their counts while one is chosen.
    expect(stageButton(/Awaiting screening/).textContent).toContain('2');

    await user.click(stageButton(/^All/));
    await waitFor(() => expect(rows()).toHaveLength(3));
    // The arrow keys move between rows as in a list; each row stays a link.
    rows()[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows()[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(rows()[2]);

    await fill(user, screen.getByLabelText('Search applications'), 'tran');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]!.textContent).toContain('Tran Thi Linh');
  });

  it('says so when there is no application yet, and offers the entry form', async () => {
    const { bridge } = await vettingCore([]);
    renderApp({ bridge, hash: '#/applications' });
    expect(await screen.findByTestId('no-applications')).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'New application' })[0]!.getAttribute('href')).toBe('#/applications/new');
  });

  it('says so when nothing matches, and clears the search and filters in one go', async () => {
    const user = setupUser();
    const { bridge } = await vettingCore([dewi]);
    renderApp({ bridge, hash: '#/applications' });
    await waitFor(() => expect(rows()).toHaveLength(1));
    await fill(user, screen.getByLabelText('Search applications'), 'nobody like this');
    expect(await screen.findByTestId('no-matching-applications')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('opens an application from its row, in Bahasa Indonesia too', async () => {
    const user = setupUser();
    const { bridge } = await vettingCore([dewi]);
    renderApp({ bridge, hash: '#/applications', locale: 'id' });
    await user.click(await screen.findByRole('link', { name: /^Dewi Lestari, Menunggu penyaringan|^Dewi Lestari/ }));
    expect((await screen.findByTestId('application-name')).textContent).toBe('Dewi Lestari');
    expect(screen.getByRole('region', { name: 'Daftar periksa kelayakan' })).toBeTruthy();
  });
});
