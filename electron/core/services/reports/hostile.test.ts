import { afterEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../../shared/contract/methods';
import { createDispatch, type Handlers } from '../../rpc/dispatch';
import { figuresHandlers } from '../figures/handlers';
import { loadShippedTaxonomy } from '../taxonomy-resource';
import { reportNodes, words } from './testing';

/**
 * Hostile input to every reports.*, comments.*, interviews.* and figures.* method, as a QA pass
 * sends it: each must be refused with a stable code a curator's screen can explain (never
 * INTERNAL, which means the app failed) and must write nothing (the change log and the
 * attachments stay as they were). One table: method, input, expected code.
 */

const nodes = reportNodes();
afterEach(() => nodes.cleanup());

const UNKNOWN = '01900000-0000-7000-8000-00000000dead';
const BIDI = 'Open\u202Egov';
const CONTROL = 'Line\u0007bell';

async function world() {
  const n = nodes.node();
  const curator = n.user('Citra Curator', 'curator');
  n.as(curator);
  const figures = createDispatch(figuresHandlers(n.db, loadShippedTaxonomy()) as Handlers, { checkOutputs: true, log: () => {} });
  const expert = n.expert({ givenName: 'Nguyễn', familyName: 'Văn An', country: 'VN' });
  const cs = await n.call('reports.create', { type: 'case_study', fields: { title: 'Merit-based recruitment', countries: ['VN'], periodStart: '2022-01', periodEnd: '2024-06', expertIds: [expert] } });
  const story = await n.call('reports.create', { type: 'story', fields: { title: 'A village clinic', countries: ['ID'] } });
  const gone = await n.call('reports.create', { type: 'case_study', fields: { title: 'Removed one', countries: ['PH'] } });
  await n.call('reports.writeSection', { id: gone.id, section: 's_context', text: words(5), base: null });
  const goneComment = await n.call('comments.add', { reportId: gone.id, section: null, text: 'Check the figures.' });
  await n.call('reports.remove', { id: gone.id });
  const interview = await n.call('interviews.create', { fields: { name: 'Ana Reyes', role: 'Director', consentToQuote: true } });
  const goneInterview = await n.call('interviews.create', { fields: { name: 'Removed Interviewee' } });
  await n.call('interviews.remove', { id: goneInterview.id });
  const comment = await n.call('comments.add', { reportId: cs.id, section: 's_context', text: 'Name the agency.' });
  return { n, figures, cs, story, gone, goneComment, interview, goneInterview, comment };
}

type World = Awaited<ReturnType<typeof world>>;
type Case = [name: string, method: MethodName, input: (w: World) => unknown, code: string];

const indicator = (over: Record<string, unknown>) => ({ name: 'Vacancies filled', unit: '%', baseline: 10, target: 50, actual: 40, ...over });
const quote = (over: Record<string, unknown>) => ({ id: '01900000-0000-7000-8000-00000000a001', text: 'It changed how we hire.', speaker: 'Ana', interviewId: null, section: 's_results', ...over });
const figure = (over: Record<string, unknown>) => ({
  id: '01900000-0000-7000-8000-00000000f001',
  metric: 'experts_by_country',
  filters: {},
  title: 'Experts by country',
  chart: 'bar',
  takenAt: 1_700_000_000_000,
  total: 3,
  rows: [{ key: 'VN', label: 'Viet Nam', count: 3 }],
  section: 's_results',
  ...over,
});
const manyIds = Array.from({ length: 10_000 }, (_, i) => `01900000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`);

const cases: Case[] = [
  // reports.list / get
  ['list: a 10,000-character query', 'reports.list', () => ({ query: 'x'.repeat(10_000) }), 'INVALID_INPUT'],
  ['list: a country not in ASEAN', 'reports.list', () => ({ countries: ['US'] }), 'INVALID_INPUT'],
  ['list: a month that is not one', 'reports.list', () => ({ periodFrom: '2024-13' }), 'INVALID_INPUT'],
  ['list: an unknown characteristic', 'reports.list', () => ({ rating: { criterion: 'r_happiness', min: 'strong' } }), 'INVALID_INPUT'],
  ['get: unknown id', 'reports.get', () => ({ id: UNKNOWN }), 'NOT_FOUND'],
  ['get: not an id', 'reports.get', () => ({ id: "'; DROP TABLE records; --" }), 'INVALID_INPUT'],
  // reports.create
  ['create: a title of only spaces', 'reports.create', () => ({ type: 'case_study', fields: { title: '     ' } }), 'INVALID_INPUT'],
  ['create: a title with a bidi override', 'reports.create', () => ({ type: 'story', fields: { title: BIDI } }), 'INVALID_INPUT'],
  ['create: a title with a control character', 'reports.create', () => ({ type: 'story', fields: { title: CONTROL } }), 'INVALID_INPUT'],
  ['create: a 301-character title', 'reports.create', () => ({ type: 'story', fields: { title: 'x'.repeat(301) } }), 'INVALID_INPUT'],
  ['create: a country not in ASEAN', 'reports.create', () => ({ type: 'case_study', fields: { title: 'T', countries: ['US'] } }), 'INVALID_INPUT'],
  ['create: a country twice', 'reports.create', () => ({ type: 'case_study', fields: { title: 'T', countries: ['VN', 'VN'] } }), 'INVALID_INPUT'],
  ['create: period ends before it starts', 'reports.create', () => ({ type: 'case_study', fields: { title: 'T', periodStart: '2024-05', periodEnd: '2023-01' } }), 'INVALID_INPUT'],
  ['create: an unknown type', 'reports.create', () => ({ type: 'essay', fields: { title: 'T' } }), 'INVALID_INPUT'],
  ['create: 10,000 expertIds', 'reports.create', () => ({ type: 'case_study', fields: { title: 'T', expertIds: manyIds } }), 'INVALID_INPUT'],
  ['create: a story with indicators', 'reports.create', () => ({ type: 'story', fields: { title: 'T', indicators: [] } }), 'INVALID_INPUT'],
  ['create: status set directly', 'reports.create', () => ({ type: 'case_study', fields: { title: 'T', status: 'approved' } }), 'INVALID_INPUT'],
  ['create: a quote naming a missing interview', 'reports.create', () => ({ type: 'case_study', fields: { title: 'T', quotes: [quote({ interviewId: UNKNOWN })] } }), 'INVALID_INPUT'],
  // reports.update
  ['update: a title of only spaces', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { title: '   ' } }), 'INVALID_INPUT'],
  ['update: an empty title', 'reports.update', (w) => ({ id: w.story.id, type: 'story', patch: { title: '' } }), 'INVALID_INPUT'],
  ['update: unknown id', 'reports.update', () => ({ id: UNKNOWN, type: 'case_study', patch: { title: 'x' } }), 'NOT_FOUND'],
  ['update: a removed report', 'reports.update', (w) => ({ id: w.gone.id, type: 'case_study', patch: { title: 'Back' } }), 'NOT_FOUND'],
  ['update: a country not in ASEAN', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { countries: ['VN', 'CN'] } }), 'INVALID_INPUT'],
  ['update: periodEnd before the stored periodStart', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { periodEnd: '2021-12' } }), 'INVALID_INPUT'],
  ['update: periodStart after the stored periodEnd', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { periodStart: '2025-01' } }), 'INVALID_INPUT'],
  ['update: indicator baseline NaN', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { indicators: [indicator({ baseline: Number.NaN })] } }), 'INVALID_INPUT'],
  ['update: indicator target Infinity', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { indicators: [indicator({ target: Number.POSITIVE_INFINITY })] } }), 'INVALID_INPUT'],
  ['update: indicator actual a string', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { indicators: [indicator({ actual: '40' })] } }), 'INVALID_INPUT'],
  ['update: indicator without a name', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { indicators: [indicator({ name: '   ' })] } }), 'INVALID_INPUT'],
  ['update: indicator unit with a bidi mark', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { indicators: [indicator({ unit: '\u202Bkg' })] } }), 'INVALID_INPUT'],
  ['update: 31 indicators', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { indicators: Array.from({ length: 31 }, () => indicator({})) } }), 'INVALID_INPUT'],
  ['update: a quote naming a missing interview', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { quotes: [quote({ interviewId: UNKNOWN })] } }), 'INVALID_INPUT'],
  ['update: a quote naming a removed interview', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { quotes: [quote({ interviewId: w.goneInterview.id })] } }), 'INVALID_INPUT'],
  ['update: a quote in a story section', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { quotes: [quote({ section: 's_before' })] } }), 'INVALID_INPUT'],
  ['update: a quote of only spaces', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { quotes: [quote({ text: '  \n ' })] } }), 'INVALID_INPUT'],
  ['update: 10,000 expertIds', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { expertIds: manyIds } }), 'INVALID_INPUT'],
  ['update: 10,000 interviewIds', 'reports.update', (w) => ({ id: w.story.id, type: 'story', patch: { interviewIds: manyIds } }), 'INVALID_INPUT'],
  ['update: an unknown expertise term', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { expertise: ['no.such.term'] } }), 'UNKNOWN_TERM'],
  ['update: a figure with a NaN count', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { figures: [figure({ rows: [{ key: 'VN', label: 'Viet Nam', count: Number.NaN }] })] } }), 'INVALID_INPUT'],
  ['update: a figure of an unknown metric', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { figures: [figure({ metric: 'experts_by_height' })] } }), 'INVALID_INPUT'],
  ['update: a figure titled with a bidi mark', 'reports.update', (w) => ({ id: w.cs.id, type: 'case_study', patch: { figures: [figure({ title: BIDI })] } }), 'INVALID_INPUT'],
  ['update: a story consent with an unstored form', 'reports.update', (w) => ({ id: w.story.id, type: 'story', patch: { consent: { consentedBy: 'Siti', consentedAt: 1_700_000_000_000, uses: ['mtr'], form: { hash: 'a'.repeat(64), name: 'form.pdf', mime: 'application/pdf', size: 10 } } } }), 'INVALID_INPUT'],
  // reports.writeSection
  ['writeSection: 20,001 characters', 'reports.writeSection', (w) => ({ id: w.cs.id, section: 's_context', text: 'x'.repeat(20_001), base: null }), 'INVALID_INPUT'],
  ['writeSection: a bidi override', 'reports.writeSection', (w) => ({ id: w.cs.id, section: 's_context', text: `Before ${BIDI} after`, base: null }), 'INVALID_INPUT'],
  ['writeSection: a control character', 'reports.writeSection', (w) => ({ id: w.cs.id, section: 's_context', text: CONTROL, base: null }), 'INVALID_INPUT'],
  ['writeSection: a story section in a case study', 'reports.writeSection', (w) => ({ id: w.cs.id, section: 's_before', text: 'x', base: null }), 'INVALID_INPUT'],
  ['writeSection: not a section', 'reports.writeSection', (w) => ({ id: w.cs.id, section: 'title', text: 'x', base: null }), 'INVALID_INPUT'],
  ['writeSection: an unknown base', 'reports.writeSection', (w) => ({ id: w.cs.id, section: 's_context', text: 'x', base: UNKNOWN }), 'INVALID_INPUT'],
  ['writeSection: unknown id', 'reports.writeSection', () => ({ id: UNKNOWN, section: 's_context', text: 'x', base: null }), 'NOT_FOUND'],
  ['writeSection: a removed report', 'reports.writeSection', (w) => ({ id: w.gone.id, section: 's_problem', text: 'x', base: null }), 'NOT_FOUND'],
  // status, remove, restore
  ['setStatus: unknown status', 'reports.setStatus', (w) => ({ id: w.cs.id, status: 'published' }), 'INVALID_INPUT'],
  ['setStatus: a removed report', 'reports.setStatus', (w) => ({ id: w.gone.id, status: 'in_review' }), 'NOT_FOUND'],
  ['setStatus: a comment of only spaces', 'reports.setStatus', (w) => ({ id: w.cs.id, status: 'in_review', comment: '   ' }), 'INVALID_INPUT'],
  ['setStatus: unknown id', 'reports.setStatus', () => ({ id: UNKNOWN, status: 'in_review' }), 'NOT_FOUND'],
  ['remove: unknown id', 'reports.remove', () => ({ id: UNKNOWN }), 'NOT_FOUND'],
  ['restore: unknown id', 'reports.restore', () => ({ id: UNKNOWN }), 'NOT_FOUND'],
  // imports and attachments
  ['importRatings: not a sheet', 'reports.importRatings', (w) => ({ id: w.cs.id, fileName: 'ratings.csv', dataBase64: Buffer.from('\u0000\u0001binary').toString('base64') }), 'IMPORT_UNREADABLE'],
  ['importRatings: a removed report', 'reports.importRatings', (w) => ({ id: w.gone.id, fileName: 'ratings.csv', dataBase64: Buffer.from('criterion,rating\ninclusive,strong\n').toString('base64') }), 'NOT_FOUND'],
  ['importRatings: an unknown characteristic', 'reports.importRatings', (w) => ({ id: w.cs.id, fileName: 'ratings.csv', dataBase64: Buffer.from('criterion,rating,evidence,sections\nhappiness,strong,,\n').toString('base64') }), 'UNKNOWN_CHARACTERISTIC'],
  ['putAttachment: not a known file kind', 'reports.putAttachment', () => ({ name: 'form.pdf', mime: 'application/pdf', dataBase64: Buffer.from('MZ this is an executable').toString('base64') }), 'ATTACHMENT_TYPE'],
  ['putAttachment: a name of only spaces', 'reports.putAttachment', () => ({ name: '   ', mime: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4').toString('base64') }), 'INVALID_INPUT'],
  // comments
  ['comments.add: text of only spaces', 'comments.add', (w) => ({ reportId: w.cs.id, section: null, text: ' \n\t ' }), 'INVALID_INPUT'],
  ['comments.add: a bidi override', 'comments.add', (w) => ({ reportId: w.cs.id, section: null, text: BIDI }), 'INVALID_INPUT'],
  ['comments.add: unknown report', 'comments.add', () => ({ reportId: UNKNOWN, section: null, text: 'Hello' }), 'NOT_FOUND'],
  ['comments.add: a removed report', 'comments.add', (w) => ({ reportId: w.gone.id, section: null, text: 'Hello' }), 'NOT_FOUND'],
  ['comments.add: a story section on a case study', 'comments.add', (w) => ({ reportId: w.cs.id, section: 's_before', text: 'Hello' }), 'INVALID_INPUT'],
  ['comments.add: 20,001 characters', 'comments.add', (w) => ({ reportId: w.cs.id, section: null, text: 'x'.repeat(20_001) }), 'INVALID_INPUT'],
  ['comments.resolve: unknown id', 'comments.resolve', () => ({ id: UNKNOWN }), 'NOT_FOUND'],
  ['comments.resolve: a removed report’s comment', 'comments.resolve', (w) => ({ id: w.goneComment.id }), 'NOT_FOUND'],
  ['comments.resolve: not a boolean', 'comments.resolve', (w) => ({ id: w.comment.id, resolved: 'yes' }), 'INVALID_INPUT'],
  // interviews
  ['interviews.list: a 10,000-character query', 'interviews.list', () => ({ query: 'x'.repeat(10_000) }), 'INVALID_INPUT'],
  ['interviews.get: unknown id', 'interviews.get', () => ({ id: UNKNOWN }), 'NOT_FOUND'],
  ['interviews.create: a name of only spaces', 'interviews.create', () => ({ fields: { name: '    ' } }), 'INVALID_INPUT'],
  ['interviews.create: a name with a bidi mark', 'interviews.create', () => ({ fields: { name: BIDI } }), 'INVALID_INPUT'],
  ['interviews.create: notes with a control character', 'interviews.create', () => ({ fields: { name: 'Ana', notes: CONTROL } }), 'INVALID_INPUT'],
  ['interviews.create: heldAt NaN', 'interviews.create', () => ({ fields: { name: 'Ana', heldAt: Number.NaN } }), 'INVALID_INPUT'],
  ['interviews.create: heldAt Infinity', 'interviews.create', () => ({ fields: { name: 'Ana', heldAt: Number.POSITIVE_INFINITY } }), 'INVALID_INPUT'],
  ['interviews.create: heldAt a string', 'interviews.create', () => ({ fields: { name: 'Ana', heldAt: '2024-01-01' } }), 'INVALID_INPUT'],
  ['interviews.create: an unstored attachment', 'interviews.create', () => ({ fields: { name: 'Ana', attachment: { hash: 'b'.repeat(64), name: 'r.mp3', mime: 'audio/mpeg', size: 10 } } }), 'INVALID_INPUT'],
  ['interviews.create: a 100,001-character transcript', 'interviews.create', () => ({ fields: { name: 'Ana', transcript: 'x'.repeat(100_001) } }), 'INVALID_INPUT'],
  ['interviews.update: emptying the name', 'interviews.update', (w) => ({ id: w.interview.id, patch: { name: '   ' } }), 'INVALID_INPUT'],
  ['interviews.update: unknown id', 'interviews.update', () => ({ id: UNKNOWN, patch: { role: 'x' } }), 'NOT_FOUND'],
  ['interviews.update: a removed interview', 'interviews.update', (w) => ({ id: w.goneInterview.id, patch: { role: 'x' } }), 'NOT_FOUND'],
  ['interviews.remove: unknown id', 'interviews.remove', () => ({ id: UNKNOWN }), 'NOT_FOUND'],
  // figures
  ['figures.compute: an unknown metric', 'figures.compute', () => ({ metric: 'experts_by_height' }), 'INVALID_INPUT'],
  ['figures.compute: an unknown expertise term', 'figures.compute', () => ({ metric: 'experts_by_expertise', filters: { expertise: ['no.such.term'] } }), 'UNKNOWN_TERM'],
  ['figures.compute: a country not in ASEAN', 'figures.compute', () => ({ metric: 'experts_by_country', filters: { countries: ['US'] } }), 'INVALID_INPUT'],
  ['figures.compute: an unknown language', 'figures.compute', () => ({ metric: 'experts_by_language', filters: { languages: ['zz-top'] } }), 'INVALID_INPUT'],
  ['figures.compute: 10,000 expertise terms', 'figures.compute', () => ({ metric: 'experts_by_expertise', filters: { expertise: manyIds } }), 'INVALID_INPUT'],
  ['figures.compute: an unknown language of labels', 'figures.compute', () => ({ metric: 'experts_by_country', lang: 'fr' }), 'INVALID_INPUT'],
];

describe('hostile input to the reports, comments, interviews and figures methods', () => {
  it.each(cases)('%s → refused, nothing written', async (_name, method, input, code) => {
    const w = await world();
    const attachments = () => w.n.db.prepare('SELECT count(*) FROM attachments').pluck().get() as number;
    const before = { changes: w.n.changeCount(), attachments: attachments() };
    const dispatch = method.startsWith('figures.') ? w.figures : w.n.dispatch;
    const r = await dispatch(method, input(w) as never);
    expect(r.ok ? 'accepted' : r.error.code).toBe(code);
    if (!r.ok) expect(r.error.message.length).toBeGreaterThan(20);
    expect({ changes: w.n.changeCount(), attachments: attachments() }).toEqual(before);
  });

  it('the records read back unchanged after every refusal', async () => {
    const w = await world();
    const before = await w.n.call('reports.get', { id: w.cs.id });
    for (const [, method, input] of cases) {
      if (method.startsWith('figures.')) continue;
      await w.n.dispatch(method, input(w) as never);
    }
    expect(await w.n.call('reports.get', { id: w.cs.id })).toEqual(before);
  });
});
