import { afterEach, describe, expect, it } from 'vitest';
import { minimalPdf } from '../attachments/testing';
import { sampleApplication, vettingNodes } from './testing-applications';

const world = vettingNodes();
afterEach(world.cleanup);

describe('duplicate candidates of an application', () => {
  it('finds experts and other open applications, with why, and shows the curator\'s marks', async () => {
    const n = world.node();
    n.as(n.user('Ana Curator', 'curator'));
    const expert = n.expert({ givenName: 'Văn Hùng', familyName: 'Nguyễn', nameOrder: 'family-given', country: 'VN', email: 'hung.nguyen@moha.gov.vn' });
    const unrelated = n.expert({ givenName: 'Somchai', familyName: 'Jaidee', country: 'TH' });
    const first = await n.call('applications.create', { fields: sampleApplication({ givenName: 'Van Hung', familyName: 'Nguyen', nameOrder: 'family-given', country: 'VN', nominatingCountry: 'VN', email: 'HUNG.NGUYEN@moha.gov.vn' }) });
    const again = await n.call('applications.create', { fields: sampleApplication({ givenName: 'Hung', familyName: 'Nguyen Van', country: 'VN', nominatingCountry: 'VN', email: 'other@mail.vn', phone: '' }) });

    const d = await n.call('applications.get', { id: again.id });
    const found = new Map(d.duplicates.map((c) => [`${c.entity}:${c.id}`, c]));
    expect(found.has(`application:${first.id}`)).toBe(true);
    expect(found.has(`expert:${expert}`)).toBe(true);
    expect(found.has(`expert:${unrelated}`)).toBe(false);
    expect(found.has(`application:${again.id}`)).toBe(false);
    expect(found.get(`expert:${expert}`)).toMatchObject({ displayName: 'Nguyễn Văn Hùng', country: 'VN', mark: null });
    expect(found.get(`expert:${expert}`)!.reasons.length).toBeGreaterThan(0);

    // The first application shares the e-mail with the expert (case aside): a likely duplicate.
    const byMail = (await n.call('applications.get', { id: first.id })).duplicates.find((c) => c.id === expert)!;
    expect(byMail.likely).toBe(true);
    expect(byMail.reasons.map((r) => r.code)).toContain('email_same');

    let marked = await n.call('applications.markDuplicate', { id: again.id, candidate: { entity: 'application', id: first.id }, verdict: 'different' });
    expect(marked.duplicates.find((c) => c.id === first.id)!.mark).toBe('different');
    marked = await n.call('applications.markDuplicate', { id: again.id, candidate: { entity: 'expert', id: expert }, verdict: 'same' });
    expect(marked.fields.matchedExpertId).toBe(expert);
    expect(marked.duplicates.find((c) => c.id === expert)!.mark).toBe('same');
    expect(marked.fields.duplicateMarks).toHaveLength(2);
    marked = await n.call('applications.markDuplicate', { id: again.id, candidate: { entity: 'expert', id: expert }, verdict: null });
    expect(marked.fields.matchedExpertId).toBeNull();
    expect(marked.duplicates.find((c) => c.id === expert)!.mark).toBeNull();
    expect(marked.duplicates.find((c) => c.id === first.id)!.mark).toBe('different');

    // A closed application is no longer a candidate.
    await n.call('applications.act', { applicationId: first.id, type: 'withdrawn', payload: { reason: 'Duplicate entry' } });
    expect((await n.call('applications.get', { id: again.id })).duplicates.some((c) => c.id === first.id)).toBe(false);
    expect((await n.refuse('applications.markDuplicate', { id: again.id, candidate: { entity: 'application', id: again.id }, verdict: 'same' })).code).toBe('INVALID_INPUT');
    expect((await n.refuse('applications.markDuplicate', { id: again.id, candidate: { entity: 'expert', id: '01900000-0000-7000-8000-000000000999' }, verdict: 'same' })).code).toBe('NOT_FOUND');
  });

  it('only the secretariat marks duplicates', async () => {
    const n = world.node();
    n.as(n.user('Ana Curator', 'curator'));
    const expert = n.expert({ givenName: 'Somchai', familyName: 'Jaidee', country: 'TH' });
    const app = await n.call('applications.create', { fields: sampleApplication({ givenName: 'Somchai', familyName: 'Jaidee', country: 'TH', nominatingCountry: 'TH' }) });
    n.as(n.user('Thanh Focal', 'focal_point', { country: 'TH' }));
    expect((await n.call('applications.get', { id: app.id })).duplicates).toEqual([]);
    expect((await n.refuse('applications.markDuplicate', { id: app.id, candidate: { entity: 'expert', id: expert }, verdict: 'same' })).code).toBe('NOT_ALLOWED');
  });
});

describe('applications.putAttachment', () => {
  it('stores a real PDF and answers its reference; a file that only claims to be a PDF is refused and nothing is stored', async () => {
    const n = world.node();
    const curator = n.user('Ana Curator', 'curator');
    n.as(curator);
    const pdf = minimalPdf();
    const ref = await n.call('applications.putAttachment', { name: 'cv.pdf', mime: 'application/pdf', dataBase64: pdf.toString('base64') });
    expect(ref).toMatchObject({ name: 'cv.pdf', mime: 'application/pdf', bytes: pdf.length });
    expect(ref.hash).toMatch(/^[0-9a-f]{64}$/);
    const app = await n.call('applications.create', { fields: sampleApplication({ cv: ref }) });
    expect(app.fields.cv).toEqual(ref);

    const count = () => n.db.prepare('SELECT count(*) FROM attachments').pluck().get();
    const before = count();
    const fake = await n.refuse('applications.putAttachment', { name: 'cv.pdf', mime: 'application/pdf', dataBase64: Buffer.from('MZ this is a program').toString('base64') });
    expect(fake.code).toBe('ATTACHMENT_TYPE');
    expect((await n.refuse('applications.putAttachment', { name: 'cv.pdf', mime: 'application/pdf', dataBase64: '%%%' })).code).toBe('ATTACHMENT_INVALID');
    expect(count()).toBe(before);

    n.as(n.user('Rita Reviewer', 'reviewer'));
    expect((await n.refuse('applications.putAttachment', { name: 'cv.pdf', mime: 'application/pdf', dataBase64: pdf.toString('base64') })).code).toBe('NOT_ALLOWED');
  });
});
