// @vitest-environment jsdom
import '../../test/setup-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fill, renderApp, setupUser } from '../../test/renderApp';
import { actAsReviewer, bruneiCase, call, concurrentSection, longEnough, reportsCore, vietStory } from './testing';

const section = (name: string) => screen.getByRole('region', { name });
const box = (name: string) => within(section(name)).getByRole('textbox', { name });
const statusOf = (name: string) => within(section(name)).getByRole('status');

describe('Case study editor', () => {
  it('creates a case study and saves each section as it is typed, with its word count and completeness', async () => {
    const user = setupUser();
    const { bridge } = await reportsCore([]);
    renderApp({ bridge, hash: '#/reports/new?type=case_study' });
    await fill(user, await screen.findByLabelText(/^Title/), 'Coaching new civil servants');
    await user.click(screen.getByRole('button', { name: 'Create and start writing' }));
    expect((await screen.findByTestId('report-title')).textContent).toBe('Coaching new civil servants');
    const id = window.location.hash.replace('#/reports/', '');

    // Typing pauses: the section saves by itself.
    await user.click(box('Context'));
    await user.keyboard('Ten ministries asked for help.');
    expect(within(section('Context')).getByTestId('word-count').textContent).toBe('5 words');
    await waitFor(() => expect(statusOf('Context').textContent).toMatch(/^Saved /), { timeout: 3000 });
    // Leaving a section saves it at once.
    await fill(user, box('Problem'), longEnough);
    await user.tab();
    await waitFor(() => expect(statusOf('Problem').textContent).toMatch(/^Saved /));
    expect(within(section('Problem')).getByText('Complete')).toBeTruthy();
    expect(within(section('Context')).getByText('At least 30 words')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('report-completeness').textContent).toBe('1 of 10 sections complete'));

    const stored = await call(bridge, 'reports.get', { id });
    const text = Object.fromEntries(stored.sections.map((s) => [s.section, s.current?.text ?? '']));
    expect(text.s_context).toBe('Ten ministries asked for help.');
    expect(text.s_problem).toBe(longEnough);
  });

  it('keeps text over the limit in the box, says why it was not saved, and saves once shortened', async () => {
    const { bridge, ids } = await reportsCore([bruneiCase]);
    renderApp({ bridge, hash: `#/reports/${ids[0]}` });
    const tooLong = 'word '.repeat(4_001) + 'x';
    // Pasted in one go, as a curator would paste a whole document.
    fireEvent.change(await screen.findByRole('textbox', { name: 'Lessons learned' }), { target: { value: tooLong } });
    fireEvent.blur(box('Lessons learned'));
    await waitFor(() => expect(statusOf('Lessons learned').textContent).toMatch(/^Not saved: A section holds at most 20,000 characters/));
    expect(within(section('Lessons learned')).getByText(/20,006 characters: a section holds at most 20,000/)).toBeTruthy();
    expect((box('Lessons learned') as HTMLTextAreaElement).value).toBe(tooLong);
    let stored = await call(bridge, 'reports.get', { id: ids[0]! });
    expect(stored.sections.find((s) => s.section === 's_lessons')?.current).toBeNull();

    // Shortened, it saves by itself once typing pauses.
    fireEvent.change(box('Lessons learned'), { target: { value: tooLong.slice(0, 19_000) } });
    await waitFor(() => expect(statusOf('Lessons learned').textContent).toMatch(/^Saved /), { timeout: 3000 });
    stored = await call(bridge, 'reports.get', { id: ids[0]! });
    expect(stored.sections.find((s) => s.section === 's_lessons')?.current?.text).toHaveLength(19_000);
  });

  it('saves a section typed right after it was emptied before its first save', async () => {
    const { bridge, ids } = await reportsCore([bruneiCase]);
    renderApp({ bridge, hash: `#/reports/${ids[0]}` });
    const lessons = await screen.findByRole('textbox', { name: 'Lessons learned' });
    // A slip typed into a section never written, taken back and left: the core stores nothing.
    fireEvent.change(lessons, { target: { value: 'x' } });
    fireEvent.change(lessons, { target: { value: '' } });
    fireEvent.blur(lessons);
    await waitFor(() => expect(statusOf('Lessons learned').textContent).toMatch(/^Saved /));
    // Written at once, before the record is read again.
    fireEvent.change(box('Lessons learned'), { target: { value: 'Start small.' } });
    fireEvent.blur(box('Lessons learned'));
    await waitFor(() => expect(statusOf('Lessons learned').textContent).toMatch(/^Saved /));
    const stored = await call(bridge, 'reports.get', { id: ids[0]! });
    expect(stored.sections.find((s) => s.section === 's_lessons')?.current?.text).toBe('Start small.');
  });

  it('shows both versions of a section two curators edited at once, and keeps the one chosen', async () => {
    const user = setupUser();
    const { bridge, ids } = await reportsCore([bruneiCase]);
    const base = (await call(bridge, 'reports.get', { id: ids[0]! })).sections.find((s) => s.section === 's_context')!.current!.rev;
    await concurrentSection(bridge, ids[0]!, 's_context', base, 'Mine: the district offices.', 'Theirs: the provincial offices.');
    renderApp({ bridge, hash: `#/reports/${ids[0]}` });

    const versions = await within(await screen.findByRole('region', { name: 'Context' })).findAllByTestId('section-head');
    expect(versions).toHaveLength(2);
    expect(versions.map((v) => within(v).getByText(/^(Mine|Theirs)/).textContent).sort()).toEqual(['Mine: the district offices.', 'Theirs: the provincial offices.']);
    // Each version says who wrote it.
    expect(versions.map((v) => /Version by ([A-Za-z ]+),/.exec(v.textContent ?? '')?.[1]).sort()).toEqual(['Ana Curator', 'Budi Santoso']);
    expect(screen.queryByRole('textbox', { name: 'Context' })).toBeNull();

    const theirs = versions.find((v) => v.textContent?.includes('Theirs'))!;
    await user.click(within(theirs).getByRole('button', { name: /^Keep this version/ }));
    await waitFor(() => expect((box('Context') as HTMLTextAreaElement).value).toBe('Theirs: the provincial offices.'));
    const stored = (await call(bridge, 'reports.get', { id: ids[0]! })).sections.find((s) => s.section === 's_context')!;
    expect(stored.heads.length).toBeLessThanOrEqual(1);
    expect(stored.current?.text).toBe('Theirs: the provincial offices.');
  });

  it('combines two versions into an edited text', async () => {
    const user = setupUser();
    const { bridge, ids } = await reportsCore([vietStory]);
    const base = (await call(bridge, 'reports.get', { id: ids[0]! })).sections.find((s) => s.section === 's_before')!.current!.rev;
    await concurrentSection(bridge, ids[0]!, 's_before', base, 'She kept three ledgers.', 'Payday came late.');
    renderApp({ bridge, hash: `#/reports/${ids[0]}` });
    const combined = await within(await screen.findByRole('region', { name: 'Before' })).findByRole('textbox', { name: 'Combined text' });
    expect((combined as HTMLTextAreaElement).value).toContain('She kept three ledgers.');
    expect((combined as HTMLTextAreaElement).value).toContain('Payday came late.');
    await fill(user, combined, 'She kept three ledgers, and payday came late.');
    await user.click(screen.getByRole('button', { name: 'Save combined text' }));
    await waitFor(() => expect((box('Before') as HTMLTextAreaElement).value).toBe('She kept three ledgers, and payday came late.'));
    const stored = (await call(bridge, 'reports.get', { id: ids[0]! })).sections.find((s) => s.section === 's_before')!;
    expect(stored.heads.length).toBeLessThanOrEqual(1);
  });

  it('records indicators, review comments and the review status', async () => {
    const user = setupUser();
    const { bridge, ids } = await reportsCore([{ ...bruneiCase, status: undefined }]);
    renderApp({ bridge, hash: `#/reports/${ids[0]}` });
    const results = await screen.findByRole('region', { name: 'Results' });
    await user.click(within(results).getByRole('button', { name: 'Add an indicator' }));
    await fill(user, within(results).getByLabelText('Indicator 1'), 'Vacancies filled');
    await fill(user, within(results).getByLabelText('Unit Vacancies filled'), '%');
    await fill(user, within(results).getByLabelText('Baseline Vacancies filled'), '40');
    await fill(user, within(results).getByLabelText('Target Vacancies filled'), '80');
    await fill(user, within(results).getByLabelText('Actual Vacancies filled'), '85.5');
    await user.click(within(results).getByRole('button', { name: 'Save indicators' }));
    await waitFor(async () => expect((await call(bridge, 'reports.get', { id: ids[0]! })).fields).toMatchObject({ indicators: [{ name: 'Vacancies filled', unit: '%', baseline: 40, target: 80, actual: 85.5 }] }));

    await user.click(within(section('Approach')).getByRole('button', { name: 'Comments on Approach' }));
    await fill(user, within(section('Approach')).getByLabelText('Comment on Approach'), 'Name the coaching partner.');
    await user.click(within(section('Approach')).getByRole('button', { name: 'Post comment' }));
    const comment = await within(section('Approach')).findByTestId('report-comment');
    expect(comment.textContent).toContain('Name the coaching partner.');
    expect(comment.textContent).toContain('Ana Curator');
    expect(within(section('Approach')).getByRole('button', { name: 'Comments on Approach' }).textContent).toBe('1 open comment');
    await user.click(within(comment).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(within(section('Approach')).getByTestId('report-comment').textContent).toContain('Resolved'));

    await user.click(screen.getByRole('button', { name: 'Send for review' }));
    await waitFor(() => expect(screen.getByTestId('report-status').textContent).toBe('In review'));
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(screen.getByTestId('report-status').textContent).toBe('Approved'));
  });

  it('saves the details when a field is left, and links experts found in the directory', async () => {
    const user = setupUser();
    const { bridge, ids } = await reportsCore([bruneiCase]);
    await bridge.insert({ givenName: 'Thị Hoa', familyName: 'Nguyễn', nameOrder: 'family-given', country: 'VN', agency: 'Ministry of Home Affairs' });
    renderApp({ bridge, hash: `#/reports/${ids[0]}` });
    await user.click(await screen.findByRole('tab', { name: 'Details' }));
    await fill(user, screen.getByLabelText('Programme or initiative'), 'ACCSM merit programme');
    await user.tab();
    await waitFor(async () => expect((await call(bridge, 'reports.get', { id: ids[0]! })).fields).toMatchObject({ programme: 'ACCSM merit programme' }));

    await user.type(screen.getByLabelText('Experts involved', { selector: 'input' }), 'nguyen');
    // The directory's own search: without the diacritics, "nguyen" finds "Nguyễn".
    await user.click(await screen.findByRole('option', { name: 'Nguyễn Thị Hoa (Viet Nam)' }, { timeout: 15000 }));
    await waitFor(async () => expect((await call(bridge, 'reports.get', { id: ids[0]! })).fields.expertIds).toHaveLength(1));
  });

  it('lets a reviewer read and comment, but not change the text or the status', async () => {
    const user = setupUser();
    const { bridge, ids } = await reportsCore([bruneiCase]);
    await actAsReviewer(bridge);
    renderApp({ bridge, hash: `#/reports/${ids[0]}` });
    expect(await screen.findByText('You can read and comment on this document; only its curators can change it.')).toBeTruthy();
    expect((box('Context') as HTMLTextAreaElement).readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Back to draft' })).toBeNull();
    await user.click(within(section('Context')).getByRole('button', { name: 'Comments on Context' }));
    await fill(user, within(section('Context')).getByLabelText('Comment on Context'), 'Which provinces?');
    await user.click(within(section('Context')).getByRole('button', { name: 'Post comment' }));
    expect((await within(section('Context')).findByTestId('report-comment')).textContent).toContain('Mali Chai');
  });

  it('shows the parts of each type as tabs: figures for a case study, the beneficiary and consent for a story', async () => {
    const user = setupUser();
    const { bridge, ids } = await reportsCore([bruneiCase, vietStory]);
    const tabNames = () => screen.getAllByRole('tab').map((tab) => tab.textContent);
    const view = renderApp({ bridge, hash: `#/reports/${ids[0]}` });
    await screen.findByTestId('report-title');
    expect(tabNames()).toEqual(['Sections', 'Details', 'Evaluation', 'Sources & quotes', 'Figures', 'Photos', 'Preview']);
    await user.click(screen.getByRole('tab', { name: 'Evaluation' }));
    expect(screen.getByRole('tab', { name: 'Evaluation' }).getAttribute('aria-selected')).toBe('true');
    view.unmount();

    renderApp({ bridge, hash: `#/reports/${ids[1]}` });
    await screen.findByTestId('report-title');
    expect(tabNames()).toEqual(['Sections', 'Details', 'Evaluation', 'Sources & quotes', 'Photos', 'Beneficiary & consent', 'Preview']);
    await user.click(screen.getByRole('tab', { name: 'Beneficiary & consent' }));
    expect(await screen.findByTestId('consent-panel')).toBeTruthy();
  });
});
