// @vitest-environment jsdom
import '../../test/setup-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fill, renderApp, setupUser } from '../../test/renderApp';
import { forgetReportCriteria } from './ReportsScreen';
import { bruneiCase, reportsCore, thaiCase, vietStory } from './testing';

beforeEach(forgetReportCriteria);

const rows = () => screen.queryAllByTestId('report-row');
const titles = () => rows().map((r) => r.querySelector('p')?.textContent);
const typeFilter = () => screen.getByRole('radiogroup', { name: 'Type' });

async function choose(user: ReturnType<typeof setupUser>, label: string, option: string) {
  await user.click(screen.getByLabelText(label, { selector: 'input' }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('Case studies & stories list', () => {
  it('shows each document with its type, countries, status, ratings and completeness', async () => {
    const { bridge, ids } = await reportsCore([bruneiCase, vietStory, thaiCase]);
    renderApp({ bridge, hash: '#/reports' });
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.getByTestId('report-count').textContent).toBe('3 documents');
    const brunei = screen.getByRole('link', { name: 'Merit recruitment in district offices, Case study, In review, Brunei Darussalam, 2 of 10 sections complete' });
    expect(brunei.getAttribute('href')).toBe(`#/reports/${ids[0]}`);
    const strip = within(brunei).getByRole('img');
    expect(strip.getAttribute('aria-label')).toContain('Engages and benefits the people: Strong');
    expect(strip.getAttribute('aria-label')).toContain('Inclusive: Not rated');
    expect(within(brunei).getByText('2 of 10 sections complete')).toBeTruthy();
    // A story has four sections; one short one is not complete.
    expect(screen.getByRole('link', { name: /^A clerk’s first digital payroll, Story, Draft, Viet Nam, 0 of 4 sections complete$/ })).toBeTruthy();
  });

  it('narrows by type, country, status, period, characteristic and rating, and text', async () => {
    const user = setupUser();
    const { bridge } = await reportsCore([bruneiCase, vietStory, thaiCase]);
    renderApp({ bridge, hash: '#/reports' });
    await waitFor(() => expect(rows()).toHaveLength(3));

    await user.click(within(typeFilter()).getByLabelText('Stories'));
    await waitFor(() => expect(titles()).toEqual(['A clerk’s first digital payroll']));
    await user.click(within(typeFilter()).getByLabelText('All'));
    await waitFor(() => expect(rows()).toHaveLength(3));

    await choose(user, 'Country', 'Lao PDR');
    await waitFor(() => expect(titles()).toEqual(['Open data for civil service statistics']));
    // Backspace in the field takes the last country off, as a keyboard user would.
    await user.keyboard('{Escape}{Backspace}');
    await waitFor(() => expect(rows()).toHaveLength(3));

    await choose(user, 'Status', 'In review');
    await waitFor(() => expect(titles()).toEqual(['Merit recruitment in district offices']));
    // Choosing the chosen status again lets it go (the clear button of a Select is for the mouse only).
    await choose(user, 'Status', 'In review');
    await waitFor(() => expect(rows()).toHaveLength(3));

    // Periods that meet 2022: the story (2022) and the Brunei case (2023–24) do not both; only the story does.
    await fill(user, screen.getByLabelText('From (month)'), '2022-01');
    await fill(user, screen.getByLabelText('To (month)'), '2022-12');
    await waitFor(() => expect(titles()).toEqual(['A clerk’s first digital payroll']));
    await fill(user, screen.getByLabelText('From (month)'), '');
    await fill(user, screen.getByLabelText('To (month)'), '');
    await waitFor(() => expect(rows()).toHaveLength(3));

    // Rated at least "evident" on people: the Brunei case (strong), not the story (emerging) or the unrated one.
    expect((screen.getByLabelText('Rated at least', { selector: 'input' }) as HTMLInputElement).disabled).toBe(true);
    await choose(user, 'Characteristic', 'Engages and benefits the people');
    await waitFor(() => expect(titles()).toEqual(['Merit recruitment in district offices']));
    await choose(user, 'Rated at least', 'Emerging');
    await waitFor(() => expect(rows()).toHaveLength(2));
    await choose(user, 'Characteristic', 'Engages and benefits the people');
    await waitFor(() => expect(rows()).toHaveLength(3));

    await fill(user, screen.getByLabelText('Search case studies and stories'), 'open data');
    await waitFor(() => expect(titles()).toEqual(['Open data for civil service statistics']));
  });

  it('shows the same documents as a matrix of the five characteristics, each title a link', async () => {
    const user = setupUser();
    const { bridge, ids } = await reportsCore([bruneiCase, vietStory]);
    renderApp({ bridge, hash: '#/reports' });
    await waitFor(() => expect(rows()).toHaveLength(2));
    await user.click(within(screen.getByRole('radiogroup', { name: 'Show as' })).getByLabelText('Ratings matrix'));
    const matrix = await screen.findByRole('table');
    const brunei = within(matrix).getByRole('row', { name: /^Merit recruitment in district offices/ });
    expect(within(brunei).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Strong', 'Not rated', 'Not rated', 'Not rated', 'Not rated']);
    expect(within(brunei).getByRole('link', { name: 'Merit recruitment in district offices' }).getAttribute('href')).toBe(`#/reports/${ids[0]}`);
    const story = within(matrix).getByRole('row', { name: /^A clerk’s first digital payroll/ });
    expect(within(story).getAllByRole('cell')[0]!.textContent).toBe('Emerging');
  });

  it('moves between rows with the arrow keys, Home and End', async () => {
    const user = setupUser();
    const { bridge } = await reportsCore([bruneiCase, vietStory, thaiCase]);
    renderApp({ bridge, hash: '#/reports' });
    await waitFor(() => expect(rows()).toHaveLength(3));
    rows()[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows()[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(rows()[2]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(rows()[0]);
    await user.keyboard('{Enter}');
    expect(await screen.findByTestId('report-title')).toBeTruthy();
  });

  it('says so when there is nothing yet, and offers both kinds of document', async () => {
    const { bridge } = await reportsCore([]);
    renderApp({ bridge, hash: '#/reports' });
    const empty = await screen.findByTestId('no-reports');
    expect(within(empty).getByRole('link', { name: 'New case study' }).getAttribute('href')).toBe('#/reports/new?type=case_study');
    expect(within(empty).getByRole('link', { name: 'New story' }).getAttribute('href')).toBe('#/reports/new?type=story');
  });

  it('says so when nothing matches, and clears the search and filters in one go', async () => {
    const user = setupUser();
    const { bridge } = await reportsCore([bruneiCase]);
    renderApp({ bridge, hash: '#/reports' });
    await waitFor(() => expect(rows()).toHaveLength(1));
    await fill(user, screen.getByLabelText('Search case studies and stories'), 'nothing like this');
    expect(await screen.findByTestId('no-matching-reports')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('reads in Bahasa Indonesia, names and all', async () => {
    const { bridge } = await reportsCore([bruneiCase]);
    renderApp({ bridge, hash: '#/reports', locale: 'id' });
    const row = await screen.findByRole('link', { name: /^Merit recruitment in district offices, Studi kasus, Dalam tinjauan, Brunei Darussalam, 2 dari 10 bagian lengkap$/ });
    expect(within(row).getByRole('img').getAttribute('aria-label')).toContain('Melibatkan dan bermanfaat bagi masyarakat: Kuat');
    expect(screen.getByRole('link', { name: 'Studi kasus & kisah' })).toBeTruthy();
  });
});
