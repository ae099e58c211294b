import { afterEach, describe, expect, it } from 'vitest';
import { testCores } from './testing';

/**
 * Input hygiene through the real core's dispatch: what a hostile or careless client sends is
 * refused with a message naming the field (or merged, for repeats), and nothing is written.
 */

const { start, closeAll } = testCores();
afterEach(closeAll);

const siti = { givenName: 'Siti', familyName: 'Rahmawati', country: 'ID' } as const;
const item = { kind: 'publication', title: 'Merit systems in ASEAN', year: 2021, description: '', link: '' } as const;

describe('text fields', () => {
  it('refuse control characters, NUL bytes and bidirectional overrides, naming the field', async () => {
    const { call, refuse } = start();
    const cases: [string, unknown, (string | number)[], RegExp][] = [
      ['experts.create', { expert: { ...siti, givenName: 'Si\u0000ti' } }, ['expert', 'givenName'], /given name contains a control character/],
      ['experts.create', { expert: { ...siti, familyName: 'Rahma\u0007wati' } }, ['expert', 'familyName'], /family name/],
      ['experts.create', { expert: { ...siti, agency: 'BKN\u202e gro.nkb' } }, ['expert', 'agency'], /agency contains .* hidden text-direction mark/],
      ['experts.create', { expert: { ...siti, position: 'Director\u2066' } }, ['expert', 'position'], /position/],
      ['experts.create', { expert: { ...siti, honorific: 'Dr\u2069' } }, ['expert', 'honorific'], /honorific/],
      ['experts.create', { expert: { ...siti, otherNames: ['Siti\u0085R'] } }, ['expert', 'otherNames', 0], /other name/],
      ['experts.create', { expert: { ...siti, careerSummary: 'Line one\u0000' } }, ['expert', 'careerSummary'], /career summary/],
      ['experts.create', { expert: { ...siti, careerSummary: 'Reads \u202dbackwards' } }, ['expert', 'careerSummary'], /career summary/],
      ['experts.create', { expert: { ...siti, education: [{ qualification: 'MPA\u001b[31m', institution: '', year: null }] } }, ['expert', 'education', 0, 'qualification'], /qualification/],
      ['experts.create', { expert: siti, portfolio: [{ ...item, title: 'Merit\u202a' }] }, ['portfolio', 0, 'title'], /title/],
      ['experts.create', { expert: siti, portfolio: [{ ...item, description: 'x\u007f' }] }, ['portfolio', 0, 'description'], /description/],
    ];
    for (const [method, input, path, message] of cases) {
      const error = await refuse(method, input);
      expect.soft(error.code, JSON.stringify(input)).toBe('INVALID_INPUT');
      expect.soft(error.issues?.[0]?.path, JSON.stringify(input)).toEqual(path);
      expect.soft(error.message, JSON.stringify(input)).toMatch(message);
    }
    expect((await call('app.info', {})).expertCount).toBe(0);

    const created = await call('experts.create', { expert: { ...siti, careerSummary: 'Line one\nLine two\r\n\tindented' } });
    expect(created.careerSummary).toBe('Line one\nLine two\r\n\tindented');
    // The same rule on every later write: an update, a portfolio item, a status reason.
    expect((await refuse('experts.update', { id: created.id, patch: { familyName: '\u202eiwamhaR' } })).issues?.[0]?.path).toEqual(['patch', 'familyName']);
    expect((await refuse('portfolio.add', { expertId: created.id, item: { ...item, title: 'T\u0000' } })).issues?.[0]?.path).toEqual(['item', 'title']);
    expect((await refuse('experts.archive', { id: created.id, reason: 'Retired\u0000' })).message).toMatch(/reason contains a control character/);
    expect((await call('experts.get', { id: created.id })).familyName).toBe('Rahmawati');
  });

  it('keep the plain direction marks and every script’s letters and marks', async () => {
    const { call } = start();
    for (const [givenName, familyName] of <[string, string][]>[
      ['สมชาย', 'ใจดี'],
      ['ສົມສັກ', ''],
      ['សុខ', 'ចាន់'],
      ['အောင်', 'ကျော်'],
      ['Thị Thu Hằng', 'Nguyễn'],
      ['Noor\u200f', ''],
    ]) {
      const e = await call('experts.create', { expert: { givenName, familyName, country: 'TH' } });
      expect(e.givenName).toBe(givenName);
    }
  });

  it('refuse a name without a letter: a zero-width space, punctuation, digits', async () => {
    const { call, refuse } = start();
    for (const givenName of ['\u200b', '\u200b\u200c', '...', '-', '123', '\u0301']) {
      const error = await refuse('experts.create', { expert: { ...siti, givenName } });
      expect.soft(error.issues?.[0], JSON.stringify(givenName)).toMatchObject({ path: ['expert', 'givenName'], message: 'The given name must contain a letter.' });
    }
    expect((await refuse('experts.create', { expert: { ...siti, familyName: '\u200b' } })).issues?.[0]?.path).toEqual(['expert', 'familyName']);
    expect((await refuse('experts.create', { expert: { ...siti, otherNames: ['\u200b'] } })).issues?.[0]?.path).toEqual(['expert', 'otherNames', 0]);
    // An empty family name is fine: many people have one name only.
    expect((await call('experts.create', { expert: { givenName: 'Suharto', country: 'ID' } })).familyName).toBe('');
  });
});

describe('repeats and codes', () => {
  it('merges repeated expertise terms and languages instead of refusing them', async () => {
    const { call } = start();
    const e = await call('experts.create', {
      expert: {
        ...siti,
        expertise: ['hrm.recruitment', 'hrm.remuneration', 'hrm.recruitment', 'hrm.remuneration'],
        languages: [
          { code: 'id', proficiency: 'native' },
          { code: 'en', proficiency: 'working' },
          { code: 'id', proficiency: 'basic' },
          { code: 'en', proficiency: 'fluent' },
        ],
      },
    });
    expect(e.expertise).toEqual(['hrm.recruitment', 'hrm.remuneration']);
    expect(e.languages).toEqual([
      { code: 'id', proficiency: 'native' },
      { code: 'en', proficiency: 'fluent' },
    ]);
    const updated = await call('experts.update', { id: e.id, patch: { expertise: ['hrm.workforce-planning', 'hrm.workforce-planning'] } });
    expect(updated.expertise).toEqual(['hrm.workforce-planning']);
    expect((await call('experts.facets', { query: '' })).expertise.find((f) => f.value === 'hrm.workforce-planning')?.count).toBe(1);
  });

  it('checks language codes against ISO 639, with the region’s three-letter codes', async () => {
    const { call, refuse } = start();
    for (const code of ['xx', 'zz', 'qqq', 'abc', 'eng']) {
      const error = await refuse('experts.create', { expert: { ...siti, languages: [{ code, proficiency: 'fluent' }] } });
      expect.soft(error.issues?.[0], code).toMatchObject({ path: ['expert', 'languages', 0, 'code'], message: expect.stringMatching(/ISO 639/) });
    }
    const codes = ['en', 'id', 'ms', 'vi', 'th', 'km', 'lo', 'my', 'zh', 'ta', 'pa', 'jv', 'pt', 'fil', 'tet', 'ceb', 'ilo', 'hil', 'iba'];
    const e = await call('experts.create', { expert: { ...siti, languages: codes.map((code) => ({ code, proficiency: 'working' as const })) } });
    expect(e.languages.map((l) => l.code)).toEqual(codes);
  });
});

describe('portfolio', () => {
  it('adding an item respects the limit that creating an expert with a portfolio has', async () => {
    const { call, refuse } = start();
    const full = await call('experts.create', { expert: siti, portfolio: Array.from({ length: 200 }, (_, i) => ({ ...item, title: `Item ${i + 1}` })) });
    expect((await refuse('experts.create', { expert: siti, portfolio: Array.from({ length: 201 }, () => item) })).code).toBe('INVALID_INPUT');

    const error = await refuse('portfolio.add', { expertId: full.id, item: { ...item, title: 'One too many' } });
    expect(error).toMatchObject({ code: 'LIMIT_REACHED', message: expect.stringMatching(/already has 200 portfolio items.*Remove an item/) });
    expect((await call('experts.get', { id: full.id })).portfolio).toHaveLength(200);

    // A removed item frees its place.
    await call('portfolio.remove', { id: full.portfolio[0]!.id });
    expect((await call('portfolio.add', { expertId: full.id, item: { ...item, title: 'In its place' } })).title).toBe('In its place');
  });

  it('stores a link only if the desktop shell would open it', async () => {
    const { call, refuse } = start();
    const e = await call('experts.create', { expert: siti });
    for (const link of ['https://user:secret@example.org/cv', 'https://bank.example@evil.example/']) {
      const error = await refuse('portfolio.add', { expertId: e.id, item: { ...item, link } });
      expect.soft(error.issues, link).toEqual([
        expect.objectContaining({ path: ['item', 'link'], message: 'A link cannot hold a user name or password (the part before @). Remove that part.' }),
      ]);
    }
    for (const link of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://example.org/paper.pdf',
      'data:text/html,<script>alert(1)</script>',
      'https://intranet/',
      'https://.',
      'https://-bad-.example/',
      'https://example.123/',
      'example.org',
    ]) {
      const error = await refuse('portfolio.add', { expertId: e.id, item: { ...item, link } });
      expect.soft(error.issues?.[0], link).toMatchObject({ path: ['item', 'link'], message: 'Enter a web address starting with https://.' });
    }
    for (const link of ['https://asean.org/accsm', 'http://www.bkn.go.id/', 'https://xn--fiqs8s.example/', 'https://203.0.113.7/report', 'http://localhost:8080/x', '']) {
      expect((await call('portfolio.add', { expertId: e.id, item: { ...item, link } })).link).toBe(link);
    }
    const added = (await call('experts.get', { id: e.id })).portfolio[0]!;
    expect((await refuse('portfolio.update', { id: added.id, patch: { link: 'https://a:b@example.org' } })).code).toBe('INVALID_INPUT');
  });
});
