import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../shared/contract/result';
import { uuidv7 } from '../../../../shared/ids';
import type { Role } from '../../../../shared/sync/protocol';
import { DATABASE_FILE, openCore, type Core } from '../../app';
import { ChangeFunnel } from '../../changes/funnel';
import { openDatabase, type Db } from '../../db/open';
import { minimalPdf } from '../attachments/testing';
import { PROFILE_META_KEY } from '../vetting/context';
import { readEvents } from '../vetting/store';
import { hasReference } from './reference';
import { FREE_TRIES } from './service';

/**
 * The kiosk through the real core's dispatch (the lock wraps it in app.ts), on a real SQLite
 * file: what the lock refuses, the PIN and its rate limit, a restart, and what a submission writes.
 */

let dir: string;
let core: Core | null = null;
let curatorId: string;

/** A profile on this device, as Settings → Profile leaves it: a user record and the meta key. */
function chooseProfile(role: Role, country: string | null = null): string {
  const db = openDatabase(join(dir, DATABASE_FILE));
  try {
    const id = uuidv7();
    new ChangeFunnel(db, []).write('setup', [{ entity: 'user', id, fields: { name: 'Siti Rahma', role, country, disabled: false, deletedAt: null } }]);
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PROFILE_META_KEY, id);
    return id;
  } finally {
    db.close();
  }
}

const open = () => (core = openCore({ dataDir: dir, mode: 'test', actor: 'tester' }));
function reopen(): Core {
  core?.close();
  return open();
}

async function call(method: string, input: unknown = {}): Promise<unknown> {
  const result = await core!.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
const refusal = async (method: string, input: unknown = {}) => {
  const result: Result<unknown> = await core!.dispatch(method, input);
  expect(result.ok, `${method} should be refused`).toBe(false);
  return (result as { error: { code: string; message: string; details?: Record<string, unknown>; issues?: unknown[] } }).error;
};

function withDb<T>(read: (db: Db) => T): T {
  const db = openDatabase(join(dir, DATABASE_FILE));
  try {
    return read(db);
  } finally {
    db.close();
  }
}
const count = (sql: string) => withDb((db) => db.prepare(sql).pluck().get() as number);

const application = (extra: Record<string, unknown> = {}) => {
  const sign = { signedName: 'Ana Pereira', signedAt: 1_764_000_000_000 };
  return {
    givenName: 'Ana',
    familyName: 'Pereira',
    country: 'TL',
    nominatingCountry: 'TL',
    applicantType: 'practitioner',
    yearsExperience: 12,
    recommenderName: 'Dr. João Soares',
    recommenderOrganisation: 'Civil Service Commission',
    recommenderBody: 'government',
    declarations: { codeOfConduct: sign, independence: sign, responsibility: sign },
    ...extra,
  };
};
const pdfBase64 = () => minimalPdf().toString('base64');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'curator-kiosk-'));
  curatorId = chooseProfile('curator');
  open();
});
afterEach(() => {
  core?.close();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('the kiosk lock', () => {
  it('answers only the kiosk, app.info and the expertise list while on, and everything again after the PIN', async () => {
    await call('experts.create', { expert: { givenName: 'Budi', country: 'ID' }, portfolio: [] });
    expect(await call('kiosk.status')).toEqual({ active: false, lang: null, submitted: 0 });
    expect(await call('kiosk.start', { pin: '4821', lang: 'id' })).toEqual({ active: true, lang: 'id', submitted: 0 });

    for (const [method, input] of [
      ['experts.search', { query: '' }],
      ['experts.facets', {}],
      ['experts.create', { expert: { givenName: 'Eve', country: 'ID' }, portfolio: [] }],
      ['sync.status', {}],
      ['vetting.settings', {}],
      ['applications.list', {}],
      ['demo.load', { experts: 10 }],
    ] as const) {
      const error = await refusal(method, input);
      expect(error.code, method).toBe('NOT_ALLOWED');
      expect(error.message).toContain('kiosk is on');
      expect(error.details).toEqual({ kiosk: true });
    }
    expect((await call('app.info')) as { expertCount: number }).toHaveProperty('version');
    expect(((await call('taxonomy.list')) as { terms: unknown[] }).terms.length).toBeGreaterThan(0);
    // No photo leaves the core either (photos are served outside the dispatch).
    expect(await core!.photoFile('0'.repeat(64), 96)).toBeNull();
    // The applicant cannot start a new kiosk with a PIN of their own.
    expect((await refusal('kiosk.start', { pin: '0000', lang: 'en' })).code).toBe('NOT_ALLOWED');

    expect(await call('kiosk.exit', { pin: '4821' })).toEqual({ active: false, lang: null, submitted: 0 });
    expect(((await call('experts.search', { query: '' })) as { total: number }).total).toBe(1);
  });

  it('keeps the PIN only as a salted scrypt hash', async () => {
    await call('kiosk.start', { pin: '48213377', lang: 'en' });
    const stored = withDb((db) => db.prepare("SELECT value FROM meta WHERE key = 'kiosk.state'").pluck().get() as string);
    expect(stored).not.toContain('48213377');
    expect(JSON.parse(stored)).toMatchObject({ salt: expect.stringMatching(/^[0-9a-f]{32}$/), hash: expect.stringMatching(/^[0-9a-f]{64}$/), by: { id: curatorId } });
  });

  it('stays locked after the app restarts (a crash, a reload of the core)', async () => {
    await call('kiosk.start', { pin: '4821', lang: 'id' });
    reopen();
    expect(await call('kiosk.status')).toEqual({ active: true, lang: 'id', submitted: 0 });
    expect((await refusal('experts.search', { query: '' })).code).toBe('NOT_ALLOWED');
    await call('kiosk.exit', { pin: '4821' });
    reopen();
    expect(await call('kiosk.status')).toMatchObject({ active: false });
  });
});

describe('leaving the kiosk', () => {
  it('refuses a wrong PIN with the tries left, then pauses PIN entry, and the pause survives a restart', async () => {
    await call('kiosk.start', { pin: '4821', lang: 'en' });
    for (let i = 1; i < FREE_TRIES; i++) {
      const error = await refusal('kiosk.exit', { pin: '1234' });
      expect(error.code).toBe('KIOSK_PIN_WRONG');
      expect(error.details).toEqual({ triesLeft: FREE_TRIES - i });
    }
    const last = await refusal('kiosk.exit', { pin: '1234' });
    expect(last.code).toBe('KIOSK_PIN_WRONG');
    expect(last.details).toMatchObject({ triesLeft: 0, retryAt: expect.any(Number) });
    // Now even the right PIN waits: guessing 10,000 PINs would take days.
    const paused = await refusal('kiosk.exit', { pin: '4821' });
    expect(paused.code).toBe('KIOSK_PIN_LOCKED');
    expect(paused.message).toMatch(/^Too many wrong PINs\. Wait \d+ seconds/);
    reopen();
    expect((await refusal('kiosk.exit', { pin: '4821' })).code).toBe('KIOSK_PIN_LOCKED');
    expect(await call('kiosk.status')).toMatchObject({ active: true });
  });

  it('needs a profile to start (the kiosk writes as that curator), and a reviewer cannot start it', async () => {
    withDb((db) => db.prepare('DELETE FROM meta WHERE key = ?').run(PROFILE_META_KEY));
    const none = await refusal('kiosk.start', { pin: '4821', lang: 'en' });
    expect(none.code).toBe('NOT_ALLOWED');
    expect(none.message).toContain('profile');
    chooseProfile('reviewer');
    expect((await refusal('kiosk.start', { pin: '4821', lang: 'en' })).message).toContain('reviewer');
    expect((await refusal('kiosk.start', { pin: '12', lang: 'en' })).code).toBe('INVALID_INPUT');
    expect(await call('kiosk.status')).toMatchObject({ active: false });
  });
});

describe('taking applications', () => {
  it('writes the application with source kiosk and its submitted event, as the curator who started the kiosk', async () => {
    await call('kiosk.start', { pin: '4821', lang: 'id' });
    const cv = (await call('kiosk.putAttachment', { name: 'CV Ana.pdf', mime: 'application/pdf', dataBase64: pdfBase64() })) as { hash: string };
    const { reference } = (await call('kiosk.submit', {
      // A tampered form that tries to set what only the secretariat sets is ignored on those fields.
      fields: application({ cv, matchedExpertId: uuidv7(), importKey: 'forged' }),
    })) as { reference: string };
    expect(reference).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    expect(await call('kiosk.status')).toEqual({ active: true, lang: 'id', submitted: 1 });

    const rows = withDb((db) => db.prepare("SELECT id, data FROM records WHERE entity = 'application'").all() as { id: string; data: string }[]);
    expect(rows).toHaveLength(1);
    const { id, data } = rows[0]!;
    expect(hasReference(id, reference)).toBe(true);
    expect(JSON.parse(data)).toMatchObject({ givenName: 'Ana', source: 'kiosk', cv: { hash: cv.hash, name: 'CV Ana.pdf' }, matchedExpertId: null, importKey: null });
    const events = withDb((db) => readEvents(db, id));
    expect(events.map((e) => [e.type, e.by])).toEqual([['submitted', curatorId]]);
    // Every change carries the curator who started the kiosk.
    expect(count(`SELECT COUNT(*) FROM changes WHERE entity IN ('application', 'vetting_event') AND actor != '${curatorId}'`)).toBe(0);
  });

  it('writes nothing for a fake PDF, a 50 MB file, an unsigned form or a file this computer does not hold', async () => {
    await call('kiosk.start', { pin: '4821', lang: 'en' });
    const before = { attachments: count('SELECT COUNT(*) FROM attachments'), changes: count('SELECT COUNT(*) FROM changes') };

    const fake = await refusal('kiosk.putAttachment', { name: 'letter.pdf', mime: 'application/pdf', dataBase64: Buffer.from('Dear committee, I recommend…').toString('base64') });
    expect(fake.code).toBe('ATTACHMENT_TYPE');
    // 50 MB of base64 is refused by the contract's limit before it is decoded.
    const huge = await refusal('kiosk.putAttachment', { name: 'scan.pdf', mime: 'application/pdf', dataBase64: 'A'.repeat(50 * 1024 * 1024) });
    expect(huge.code).toBe('INVALID_INPUT');
    expect(huge.message).toContain('larger than 10 MB');
    const justOver = await refusal('kiosk.putAttachment', { name: 'scan.pdf', mime: 'application/pdf', dataBase64: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25).toString('base64') });
    expect(justOver.code).toBe('ATTACHMENT_TOO_LARGE');

    const unsigned = await refusal('kiosk.submit', { fields: application({ declarations: { codeOfConduct: null, independence: null, responsibility: null } }) });
    expect(unsigned.code).toBe('INVALID_INPUT');
    expect(unsigned.issues).toHaveLength(3);
    const ghost = { hash: 'a'.repeat(64), name: 'cv.pdf', mime: 'application/pdf', bytes: 1000 };
    expect((await refusal('kiosk.submit', { fields: application({ cv: ghost }) })).issues).toEqual([{ path: ['cv'], message: 'Attach the file again.' }]);

    expect({ attachments: count('SELECT COUNT(*) FROM attachments'), changes: count('SELECT COUNT(*) FROM changes') }).toEqual(before);
    expect(await call('kiosk.status')).toMatchObject({ submitted: 0 });
  });

  it('refuses submissions and attachments when the kiosk is off', async () => {
    expect((await refusal('kiosk.submit', { fields: application() })).code).toBe('NOT_ALLOWED');
    expect((await refusal('kiosk.putAttachment', { name: 'cv.pdf', mime: 'application/pdf', dataBase64: pdfBase64() })).code).toBe('NOT_ALLOWED');
    expect(count("SELECT COUNT(*) FROM records WHERE entity = 'application'")).toBe(0);
  });

  it('a focal point’s kiosk takes only their own country’s nominations', async () => {
    core?.close();
    chooseProfile('focal_point', 'TH');
    open();
    await call('kiosk.start', { pin: '4821', lang: 'en' });
    expect((await refusal('kiosk.submit', { fields: application() })).code).toBe('NOT_ALLOWED');
    await call('kiosk.submit', { fields: application({ nominatingCountry: 'TH' }) });
    expect(count("SELECT COUNT(*) FROM records WHERE entity = 'application'")).toBe(1);
  });
});
