import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/contract/result';
import { testCores } from '../../testing';
import { applicationReference } from '../../../../shared/model/vetting/reference';
import { day, lettersFixture, type LettersFixture } from './fixture';
import { exportLetters } from './service';

let f: LettersFixture;
beforeEach(() => {
  f = lettersFixture();
});
afterEach(() => f.close());

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

/** Applications in every stage a letter covers, and two without a decision. */
function decidedSet() {
  const published = f.apply('2026-03-02');
  f.screen(published, '2026-03-04', true);
  f.review(published, '2026-03-10');
  f.decide(published, '2026-03-20', 'accept');
  f.publish(published, '2026-03-25', ['career', 'expertise']);
  const rejected = f.apply('2026-03-03', { givenName: 'สมชาย', familyName: 'ใจดี', nameOrder: 'given-family', honorific: '', country: 'TH', nominatingCountry: 'TH' });
  f.screen(rejected, '2026-03-05', true);
  f.review(rejected, '2026-03-11');
  f.decide(rejected, '2026-03-21', 'reject', 'The portfolio shows no civil-service training work.');
  const notEligible = f.apply('2026-03-04', { givenName: 'Sok', familyName: 'Sophea', country: 'KH', nominatingCountry: 'KH' });
  f.screen(notEligible, '2026-03-06', false);
  const withdrawn = f.apply('2026-03-05', { givenName: 'Aung', familyName: 'Min', country: 'MM', nominatingCountry: 'MM' });
  f.withdraw(withdrawn, '2026-03-07', 'Took up a new post abroad.');
  const inReview = f.apply('2026-03-06');
  f.screen(inReview, '2026-03-08', true);
  f.review(inReview, '2026-03-12');
  const submitted = f.apply('2026-03-07');
  return { published, rejected, notEligible, withdrawn, inReview, submitted };
}

describe('exportLetters', () => {
  it('gives one application’s letter as a PDF or a DOCX, named by its reference and the name', async () => {
    const { rejected } = decidedSet();
    f.clock.now = day('2026-04-01');
    const pdf = await exportLetters(f.ctx, { ids: [rejected], format: 'pdf', lang: 'en' });
    expect(pdf.count).toBe(1);
    expect(pdf.mime).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.fileName).toMatch(new RegExp(`^decision-letter-${applicationReference(rejected)}-[a-z-]+\\.pdf$`));
    const docx = await exportLetters(f.ctx, { ids: [rejected], format: 'docx', lang: 'id' });
    expect(docx.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('สมชาย ใจดี');
    expect(xml).toContain('tidak dapat diterima');
    expect(xml).toContain('w:cs="Noto Sans Thai"');
    expect(docx.fileName).toMatch(/^surat-keputusan-/);
  });

  it('puts every decided application’s letter in one ZIP when no ids are given, reporting progress', async () => {
    const ids = decidedSet();
    f.clock.now = day('2026-04-01');
    const seen: { done: number; total: number; finished: boolean }[] = [];
    const out = await exportLetters(f.ctx, { format: 'pdf', lang: 'en' }, (p) => seen.push(p));
    expect(out.count).toBe(4);
    expect(out.fileName).toBe('decision-letters-2026-04-01-en.zip');
    const zip = await JSZip.loadAsync(out.bytes);
    const names = Object.keys(zip.files).sort();
    expect(names).toHaveLength(4);
    for (const id of [ids.published, ids.rejected, ids.notEligible, ids.withdrawn]) expect(names.some((n) => n.includes(applicationReference(id)))).toBe(true);
    for (const id of [ids.inReview, ids.submitted]) expect(names.some((n) => n.includes(applicationReference(id)))).toBe(false);
    expect(seen[0]).toEqual({ done: 0, total: 4, finished: false });
    expect(seen.at(-1)).toEqual({ done: 4, total: 4, finished: true });
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 4]);
  });

  it('gives a ZIP for several chosen ids, and refuses the whole export when one has no decision', async () => {
    const ids = decidedSet();
    const two = await exportLetters(f.ctx, { ids: [ids.published, ids.withdrawn], format: 'docx', lang: 'id' });
    expect(two.count).toBe(2);
    expect(two.fileName).toMatch(/^surat-keputusan-\d{4}-\d{2}-\d{2}-id\.zip$/);
    const e = await refusal(exportLetters(f.ctx, { ids: [ids.published, ids.inReview], format: 'pdf', lang: 'en' }));
    expect(e.code).toBe('NO_DECISION');
    expect(e.message).toContain(applicationReference(ids.inReview));
    expect(e.message).toContain('has no decision yet (its stage: in review)');
  });

  it('says there is nothing to export when no application is decided, and refuses an unknown id', async () => {
    f.apply('2026-03-02');
    expect((await refusal(exportLetters(f.ctx, { format: 'pdf', lang: 'en' }))).code).toBe('NO_DECISION');
    expect((await refusal(exportLetters(f.ctx, { ids: ['01900000-0000-7000-8000-0000000fffff'], format: 'pdf', lang: 'en' }))).code).toBe('NOT_FOUND');
  });

  it('lets a focal point export only their own country’s letters and refuses a reviewer', async () => {
    const ids = decidedSet();
    f.setUser('fp-th', { name: 'Focal Point Thailand', role: 'focal_point', country: 'TH' });
    f.actAs('fp-th');
    const mine = await exportLetters(f.ctx, { format: 'pdf', lang: 'en' });
    expect(mine.count).toBe(1);
    expect((await refusal(exportLetters(f.ctx, { ids: [ids.published], format: 'pdf', lang: 'en' }))).code).toBe('NOT_FOUND');
    f.setUser('rev-1', { name: 'Rina Reviewer', role: 'reviewer', country: 'ID' });
    f.actAs('rev-1');
    expect((await refusal(exportLetters(f.ctx, { format: 'pdf', lang: 'en' }))).code).toBe('NOT_ALLOWED');
  });
});

describe('letters.export in the core', () => {
  const cores = testCores();
  afterEach(() => cores.closeAll());

  it('is registered, and asks for a profile before anything else', async () => {
    const { refuse } = cores.start();
    const e = await refuse('letters.export', { format: 'pdf', lang: 'en' });
    expect(e.code).toBe('NOT_ALLOWED');
    expect(e.message).toContain('profile');
  });
});
