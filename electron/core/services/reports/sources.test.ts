import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { quotesWithoutConsent, storyConsentProblem } from '../../../../shared/model/reports/consent';
import { minimalPdf } from '../attachments/testing';
import { putPhoto } from '../attachments';
import { reportNodes } from './testing';

const nodes = reportNodes();
afterEach(() => nodes.cleanup());

const base64 = (b: Buffer) => b.toString('base64');

function world() {
  const n = nodes.node();
  const curator = n.user('Citra', 'curator');
  const reviewer = n.user('Rina', 'reviewer');
  n.as(curator);
  return { n, curator, reviewer };
}

describe('interviews', () => {
  it('are recorded, listed, cited by reports and removed', async () => {
    const { n, reviewer } = world();
    const withConsent = await n.call('interviews.create', { fields: { name: 'Dr Maria Santos', role: 'Director', organisation: 'Civil Service Commission', sectoralBody: 'ACCSM', heldAt: 1_779_000_000_000, consentToQuote: true } });
    const without = await n.call('interviews.create', { fields: { name: 'Mr Lê Văn Tâm', organisation: 'Ministry of Home Affairs', consentToQuote: false } });
    expect(withConsent).toMatchObject({ name: 'Dr Maria Santos', removed: false, transcript: '', attachment: null });
    expect((await n.call('interviews.list', { query: 'le van' })).items.map((i) => i.id)).toEqual([without.id]);

    const report = await n.call('reports.create', {
      type: 'case_study',
      fields: {
        title: 'Competency frameworks',
        countries: ['PH'],
        interviewIds: [withConsent.id],
        quotes: [
          { id: '01900000-0000-7000-8000-0000000000a1', text: 'We measured every step.', speaker: 'Dr Santos', interviewId: withConsent.id, section: 's_results' },
          { id: '01900000-0000-7000-8000-0000000000a2', text: 'Not for print.', speaker: 'Mr Tâm', interviewId: without.id, section: 's_lessons' },
        ],
      },
    });
    expect(report.interviews.map((i) => i.id).sort()).toEqual([withConsent.id, without.id].sort());
    // The export's rule, on what the core returns: the quote whose interview did not consent is held back.
    expect(quotesWithoutConsent(report.fields.quotes, report.interviews.map((i) => ({ ...i, deletedAt: i.removed ? 1 : null }))).map((q) => q.speaker)).toEqual(['Mr Tâm']);
    expect((await n.call('interviews.get', { id: without.id })).usedBy).toEqual([{ id: report.id, type: 'case_study', title: 'Competency frameworks' }]);

    const updated = await n.call('interviews.update', { id: without.id, patch: { consentToQuote: true, notes: 'Agreed by e-mail.\nSee file.' } });
    expect(updated).toMatchObject({ consentToQuote: true, notes: 'Agreed by e-mail.\nSee file.' });

    await n.call('interviews.remove', { id: withConsent.id });
    expect((await n.call('interviews.list', {})).items.map((i) => i.id)).toEqual([without.id]);
    expect((await n.call('interviews.list', { removed: true })).items.map((i) => i.id)).toEqual([withConsent.id]);
    // The report still cites it (shown as removed); its quote is no longer exported.
    const cited = await n.call('reports.get', { id: report.id });
    expect(cited.interviews.find((i) => i.id === withConsent.id)?.removed).toBe(true);
    expect(quotesWithoutConsent(cited.fields.quotes, cited.interviews.map((i) => ({ ...i, deletedAt: i.removed ? 1 : null }))).map((q) => q.speaker)).toEqual(['Dr Santos']);

    n.as(reviewer);
    expect((await n.refuse('interviews.create', { fields: { name: 'Anyone' } })).code).toBe('NOT_ALLOWED');
    expect((await n.refuse('reports.putAttachment', { name: 'form.pdf', mime: 'application/pdf', dataBase64: base64(minimalPdf()) })).code).toBe('NOT_ALLOWED');
  });

  it('refuse a missing name, hidden characters and an attachment not stored', async () => {
    const { n } = world();
    const before = n.changeCount();
    expect((await n.refuse('interviews.create', { fields: { name: '' } })).code).toBe('INVALID_INPUT');
    expect((await n.refuse('interviews.create', { fields: { name: 'A\u2066B' } })).code).toBe('INVALID_INPUT');
    const ghost = { hash: 'b'.repeat(64), name: 'rec.pdf', mime: 'application/pdf' as const, bytes: 10 };
    expect((await n.refuse('interviews.create', { fields: { name: 'A', attachment: ghost } })).code).toBe('INVALID_INPUT');
    expect((await n.refuse('interviews.get', { id: '01900000-0000-7000-8000-0000000000b1' })).code).toBe('NOT_FOUND');
    expect(n.changeCount()).toBe(before);
  });
});

describe('story consent and photos', () => {
  it('records a consent with its signed form, and refuses a form that is not one or is too large', async () => {
    const { n } = world();
    const story = await n.call('reports.create', { type: 'story', fields: { title: 'Ibu Sari’s market stall', countries: ['ID'], anonymised: false, beneficiaryName: 'Ibu Sari' } });
    expect(storyConsentProblem(story.type === 'story' ? story.fields : { consent: null })).toBe('no_consent');

    const before = n.changeCount();
    const notPdf = await n.refuse('reports.putAttachment', { name: 'form.pdf', mime: 'application/pdf', dataBase64: base64(Buffer.from('<html>hello</html>')) });
    expect(notPdf.code).toBe('ATTACHMENT_TYPE');
    const tooBig = await n.refuse('reports.putAttachment', { name: 'form.pdf', mime: 'application/pdf', dataBase64: 'A'.repeat(14 * 1024 * 1024 + 4) });
    expect(tooBig).toMatchObject({ code: 'INVALID_INPUT' });
    expect(tooBig.message).toContain('larger than 10 MB');
    // Just over the limit: it passes the contract's bound on the text and is refused by its bytes.
    const pdf = minimalPdf();
    const justOver = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024 + 1 - pdf.length, 0x20)]);
    expect((await n.refuse('reports.putAttachment', { name: 'form.pdf', mime: 'application/pdf', dataBase64: base64(justOver) })).code).toBe('ATTACHMENT_TOO_LARGE');
    expect(n.changeCount()).toBe(before);
    expect(n.db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(0);

    const form = await n.call('reports.putAttachment', { name: 'consent-sari.pdf', mime: 'application/pdf', dataBase64: base64(minimalPdf()) });
    const consented = await n.call('reports.update', { id: story.id, type: 'story', patch: { consent: { consentedBy: 'Ibu Sari', consentedAt: 1_779_000_000_000, uses: ['mtr', 'print'], form } } });
    expect(consented.type === 'story' && storyConsentProblem(consented.fields)).toBeNull();
    expect((await n.call('reports.list', { type: ['story'] })).items[0]!.consent).toBe(true);
  });

  it('takes photos stored through the photo pipeline, and refuses a file that is not an image', async () => {
    const { n } = world();
    const story = await n.call('reports.create', { type: 'story', fields: { title: 'A new well', countries: ['KH'] } });
    const png = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a7' } }).png().toBuffer();
    const photo = await putPhoto(n.db, base64(png));
    const withPhoto = await n.call('reports.update', { id: story.id, type: 'story', patch: { photos: [{ hash: photo.hash, caption: 'The well in use', credit: 'Demo photographer', alt: 'Women drawing water' }] } });
    expect(withPhoto.fields.photos).toHaveLength(1);
    await expect(putPhoto(n.db, base64(minimalPdf()))).rejects.toMatchObject({ code: 'ATTACHMENT_INVALID' });
  });
});

describe('comments', () => {
  it('keep their author, refuse a section of another type, and resolve by author or writer', async () => {
    const { n, curator, reviewer } = world();
    const story = await n.call('reports.create', { type: 'story', fields: { title: 'Community radio', countries: ['LA'] } });
    n.as(reviewer);
    const c = await n.call('comments.add', { reportId: story.id, section: 's_change', text: 'Quote the listeners?' });
    expect(c).toMatchObject({ authorId: reviewer, authorName: 'Rina', section: 's_change', resolved: false });
    expect((await n.refuse('comments.add', { reportId: story.id, section: 's_results', text: 'x' })).code).toBe('INVALID_INPUT');
    expect((await n.refuse('comments.add', { reportId: story.id, section: null, text: '   ' })).code).toBe('INVALID_INPUT');
    expect((await n.refuse('comments.add', { reportId: '01900000-0000-7000-8000-0000000000c1', section: null, text: 'x' })).code).toBe('NOT_FOUND');
    n.as(curator);
    const resolved = await n.call('comments.resolve', { id: c.id });
    // Resolving by someone else does not change who wrote it.
    expect(resolved).toMatchObject({ resolved: true, authorId: reviewer, at: c.at });
    expect((await n.call('reports.get', { id: story.id })).comments).toEqual([resolved]);
  });
});
