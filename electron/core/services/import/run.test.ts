import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportFileInput } from '../../../../shared/contract/import';
import { AppError } from '../../../../shared/contract/result';
import { applicationState } from '../../../../shared/model/vetting/compute';
import { verifyChain } from '../../../../shared/model/vetting/chain';
import { applicationProjection } from '../vetting/projection';
import { readApplication, readEvents } from '../vetting/store';
import { importKey } from '../../../../shared/import/key';
import { runImport } from './run';
import { chooseProfile, cp1252, importWorld, utf16le, type ImportWorld } from './testing';

const CURATOR = { id: '0190aaaa-0000-7000-8000-000000000001', name: 'Dewi Lestari', role: 'curator' as const, country: 'ID' };

const file = (bytes: Buffer, fileName = 'pelamar.csv'): ImportFileInput => ({ fileName, dataBase64: bytes.toString('base64') });

// Rows 2 and 5 pass; row 3 has no given name; row 4 names a country the app does not know.
const SHEET = [
  'Given name,Family name,E-mail,Country,Agency,Applicant type,Years of experience',
  'Siti,Rahayu,siti.rahayu@bkn.go.id,Indonesia,Badan Kepegawaian Negara,practitioner,14',
  ',Santos,maria.santos@csc.gov.ph,Philippines,Civil Service Commission,academic,9',
  'Somchai,Saetang,somchai@ocsc.go.th,Atlantis,OCSC,practitioner,20',
  'Nguyễn Thị,Hương,huong@moha.gov.vn,Viet Nam,Ministry of Home Affairs,both,11',
].join('\n');

let w: ImportWorld;
beforeEach(() => {
  w = importWorld();
  chooseProfile(w.db, w.funnel, CURATOR);
});
afterEach(() => w.close());

const count = (sql: string) => w.db.prepare(sql).pluck().get() as number;
const applications = () => count("SELECT count(*) FROM records WHERE entity = 'application'");
const events = () => count("SELECT count(*) FROM records WHERE entity = 'vetting_event'");
const changes = () => count('SELECT count(*) FROM changes');
const appIds = () => w.db.prepare("SELECT id FROM records WHERE entity = 'application' ORDER BY id").pluck().all() as string[];

describe('import.run', () => {
  it('adds each row that passes as an application with its submitted event; each bad row is named and writes nothing', async () => {
    const report = await runImport(w.ctx, file(Buffer.from(SHEET)), { dryRun: false });
    expect(report).toMatchObject({ rows: 4, added: 2, wouldAdd: 2, alreadyImported: 0, withProblems: 2, notWritten: 0, failure: null });
    expect(report.items.map((i) => [i.row, i.outcome, i.problems.map((p) => p.code)])).toEqual([
      [2, 'added', []],
      [3, 'problems', ['MISSING']],
      [4, 'problems', ['UNKNOWN_VALUE']],
      [5, 'added', []],
    ]);
    expect(report.items[1]!.problems[0]).toMatchObject({ row: 3, field: 'givenName' });
    expect(report.items[2]!.problems[0]!.message).toContain('Atlantis');
    expect(report.items[2]!.name).toBe('Somchai Saetang');

    expect(applications()).toBe(2);
    expect(events()).toBe(2);
    for (const item of report.items.filter((i) => i.outcome === 'added')) {
      const app = readApplication(w.db, item.applicationId!)!;
      expect(app.fields).toMatchObject({ source: 'import', importKey: expect.stringMatching(/^email:[0-9a-f]{64}$/) });
      const evs = readEvents(w.db, app.id);
      expect(evs).toHaveLength(1);
      expect(evs[0]).toMatchObject({ type: 'submitted', follows: [], by: CURATOR.id });
      expect(verifyChain(evs).ok).toBe(true);
      expect(applicationState(evs).stage).toBe('submitted');
    }
    const huong = readApplication(w.db, report.items[3]!.applicationId!)!;
    expect(huong.fields).toMatchObject({ givenName: 'Nguyễn Thị', familyName: 'Hương', country: 'VN', nominatingCountry: 'VN', applicantType: 'both', yearsExperience: 11 });
    // Every change carries who acted.
    expect(w.db.prepare("SELECT DISTINCT actor FROM changes WHERE entity IN ('application', 'vetting_event')").pluck().all()).toEqual([CURATOR.id]);
    expect(w.changed.flat()).toContain('application');
  });

  it('importing the same file again adds nothing; reordered columns keep each row’s identity', async () => {
    await runImport(w.ctx, file(Buffer.from(SHEET)), { dryRun: false });
    const before = { apps: appIds(), changes: changes() };
    const again = await runImport(w.ctx, file(Buffer.from(SHEET)), { dryRun: false });
    expect(again).toMatchObject({ added: 0, wouldAdd: 0, alreadyImported: 2, withProblems: 2 });
    expect(again.items.filter((i) => i.outcome === 'already_imported').map((i) => i.row)).toEqual([2, 5]);
    const reordered = SHEET.split('\n').map((line) => {
      const c = line.split(',');
      return [c[3], c[0], c[1], c[2], c[4], c[5], c[6]].join(';');
    });
    const third = await runImport(w.ctx, file(Buffer.from(reordered.join('\r\n')), 'reordered.csv'), { dryRun: false });
    expect(third).toMatchObject({ added: 0, alreadyImported: 2 });
    expect(appIds()).toEqual(before.apps);
    expect(changes()).toBe(before.changes);
  });

  it('keeps the applications list as a rebuild from the records has it, batch after batch (one of a single row), and a second import changes nothing', async () => {
    const listed = importWorld((db) => [applicationProjection(db)]);
    try {
      chooseProfile(listed.db, listed.funnel, CURATOR);
      const names = ['Siti', 'Budi', 'Nguyễn Thị', 'สมชาย', 'Maria', 'Aung', 'Sok', 'Keo', 'Ana', 'Lim', 'Tan', 'Wong', 'Dewi'];
      const sheet = ['Given name,Family name,E-mail,Country,Agency,Applicant type', ...names.map((n, i) => `${n},Family ${i},person${i}@agency.gov.example,Indonesia,Agency ${i % 3},practitioner`)].join('\n');
      const report = await runImport(listed.ctx, file(Buffer.from(sheet)), { dryRun: false, batchSize: 4 });
      expect(report).toMatchObject({ added: 13, withProblems: 0, failure: null });
      const list = () => ({
        index: listed.db.prepare('SELECT id, stage, stage_since, submitted_at, country, nominating_country, sort_name, reviews_pending, updated_at, summary FROM application_index ORDER BY id').all(),
        counts: listed.db.prepare('SELECT * FROM application_stage_count ORDER BY stage, country, nominating_country').all(),
        search: ['siti', 'somchai', 'nguyen', 'agency'].map((word) => listed.db.prepare('SELECT count(*) FROM application_fts WHERE application_fts MATCH ?').pluck().get(`"${word}"*`)),
      });
      const incremental = list();
      expect(incremental.index).toHaveLength(13);
      expect(new Set(incremental.index.map((r) => (r as { stage: string }).stage))).toEqual(new Set(['submitted']));
      expect(incremental.search).toEqual([1, 1, 1, 13]);
      listed.db.transaction(() => applicationProjection(listed.db).rebuild())();
      expect(list()).toEqual(incremental);
      const again = await runImport(listed.ctx, file(Buffer.from(sheet)), { dryRun: false, batchSize: 4 });
      expect(again).toMatchObject({ added: 0, alreadyImported: 13 });
      expect(list()).toEqual(incremental);
    } finally {
      listed.close();
    }
  });

  it('a dry run reports what it would add and writes nothing', async () => {
    const before = { changes: changes(), apps: applications() };
    const report = await runImport(w.ctx, file(Buffer.from(SHEET)), { dryRun: true });
    expect(report).toMatchObject({ dryRun: true, added: 0, wouldAdd: 2, withProblems: 2, failure: null });
    expect(report.items.map((i) => i.outcome)).toEqual(['would_add', 'problems', 'problems', 'would_add']);
    expect(changes()).toBe(before.changes);
    expect(applications()).toBe(before.apps);
    // And the real run afterwards adds exactly what the dry run said.
    expect((await runImport(w.ctx, file(Buffer.from(SHEET)), { dryRun: false })).added).toBe(report.wouldAdd);
  });

  it('reads Windows-1252 and UTF-16 sheets into the right names', async () => {
    const latin = cp1252('Nama depan;Nama keluarga;Surel;Negara;Instansi;Jenis pelamar\r\nJosé;Ramos-Horta;jose@gov.tl;Timor-Leste;Ministério da Administração Estatal;Praktisi\r\nÑora;Peña;nora@csc.gov.ph;Filipina;Commission – Region I’s office;akademisi\r\n');
    const a = await runImport(w.ctx, file(latin), { dryRun: false });
    expect(a).toMatchObject({ added: 2, withProblems: 0 });
    const unicode = utf16le('Given name\tFamily name\tEmail\tCountry\tApplicant type\r\nNguyễn Văn\tAn\tan@moha.gov.vn\tVietnam\tacademic\r\nသန့်\tဇင်\tthant@mm.gov\tMyanmar\tpractitioner\r\n');
    const b = await runImport(w.ctx, file(unicode, 'unicode.txt'), { dryRun: false });
    expect(b).toMatchObject({ added: 2, withProblems: 0 });
    const names = [...a.items, ...b.items].map((i) => readApplication(w.db, i.applicationId!)!.fields).map((f) => [f.givenName, f.familyName, f.agency]);
    expect(names).toEqual([
      ['José', 'Ramos-Horta', 'Ministério da Administração Estatal'],
      ['Ñora', 'Peña', 'Commission – Region I’s office'],
      ['Nguyễn Văn', 'An', ''],
      ['သန့်', 'ဇင်', ''],
    ]);
  });

  it('a focal point imports their own country’s nominations; rows for another member state are named and refused', async () => {
    chooseProfile(w.db, w.funnel, { id: '0190aaaa-0000-7000-8000-000000000002', name: 'Ana Reyes', role: 'focal_point', country: 'PH' });
    const sheet = ['Given name,Family name,Email,Country,Nominating country,Applicant type', 'Jose,Rizal,jose@csc.gov.ph,Philippines,,academic', 'Mai,Tran,mai@moha.gov.vn,Viet Nam,Viet Nam,academic', 'Lina,Cruz,lina@dbm.gov.ph,,,practitioner'].join('\n');
    const report = await runImport(w.ctx, file(Buffer.from(sheet)), { dryRun: false });
    expect(report.items.map((i) => [i.row, i.outcome, i.problems.map((p) => p.code)])).toEqual([
      [2, 'added', []],
      [3, 'problems', ['OUT_OF_SCOPE']],
      [4, 'added', []],
    ]);
    expect(report.items[1]!.problems[0]).toMatchObject({ vars: { country: 'VN', own: 'PH' } });
    // A row naming no country is a nomination of the focal point's own member state.
    expect(readApplication(w.db, report.items[2]!.applicationId!)!.fields).toMatchObject({ country: 'PH', nominatingCountry: 'PH' });
    expect(applications()).toBe(2);
  });

  it('skips a row whose applicant arrived while the import ran (a sync between two batches): already imported, not added twice', async () => {
    const rows = ['Given name,Family name,Email,Country,Applicant type'];
    for (let i = 1; i <= 4; i++) rows.push(`Person${i},Tan,p${i}@psd.gov.sg,Singapore,practitioner`);
    const arrived = '0190bbbb-0000-7000-8000-000000000009';
    const report = await runImport(w.ctx, file(Buffer.from(rows.join('\n'))), {
      dryRun: false,
      batchSize: 2,
      onProgress: (p) => {
        // After the first batch: the fourth applicant comes in by another way, with the same import key.
        if (p.done === 2 && !p.finished) w.funnel.write('peer', [{ entity: 'application', id: arrived, fields: { givenName: 'Person4', importKey: importKey('p4@psd.gov.sg', {}) } }]);
      },
    });
    expect(report.items.map((i) => [i.row, i.outcome])).toEqual([
      [2, 'added'],
      [3, 'added'],
      [4, 'added'],
      [5, 'already_imported'],
    ]);
    expect(report).toMatchObject({ added: 3, alreadyImported: 1, failure: null });
    expect(applications()).toBe(4);
    expect(events()).toBe(3);
  });

  it('refuses a reviewer and a device with no profile, writing nothing', async () => {
    chooseProfile(w.db, w.funnel, { id: '0190aaaa-0000-7000-8000-000000000003', name: 'Rev', role: 'reviewer', country: 'TH' });
    const before = changes();
    await expect(runImport(w.ctx, file(Buffer.from(SHEET)), { dryRun: false })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    w.db.prepare("DELETE FROM meta WHERE key = 'profile.user'").run();
    await expect(runImport(w.ctx, file(Buffer.from(SHEET)), { dryRun: false })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect(changes()).toBe(before);
  });

  it('an unreadable file is refused with its code and nothing is written', async () => {
    const before = changes();
    const error = await runImport(w.ctx, file(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10, 0x00]), 'photo.csv'), { dryRun: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('IMPORT_UNREADABLE');
    expect(changes()).toBe(before);
  });

  it('when the database refuses a batch midway, the batches before stay whole, nothing of that batch is written, and the report says so', async () => {
    const rows = ['Given name,Family name,Email,Country,Applicant type'];
    for (let i = 1; i <= 7; i++) rows.push(`${i === 6 ? 'Refusé' : `Person${i}`},Tan,p${i}@psd.gov.sg,Singapore,practitioner`);
    // The database refuses the sixth applicant (a disk error, a constraint) inside the third batch of two.
    w.db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON records WHEN json_extract(NEW.data, '$.givenName') = 'Refusé' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    const logged: unknown[] = [];
    const progress: { done: number; total: number; finished: boolean }[] = [];
    const report = await runImport(w.ctx, file(Buffer.from(rows.join('\n'))), { dryRun: false, batchSize: 2, log: (_m, e) => logged.push(e), onProgress: (p) => progress.push(p) });
    expect(report).toMatchObject({ added: 4, notWritten: 3, wouldAdd: 7, failure: { code: 'INTERNAL' } });
    expect(report.failure!.message).toContain('rows 6–7');
    expect(report.items.map((i) => i.outcome)).toEqual(['added', 'added', 'added', 'added', 'not_written', 'not_written', 'not_written']);
    expect(logged).toHaveLength(1);
    expect(progress.at(-1)).toEqual({ done: 4, total: 7, finished: true });
    // Consistent: each application has exactly its submitted event, and the change log holds no more than the records.
    expect(applications()).toBe(4);
    expect(events()).toBe(4);
    for (const id of appIds()) expect(readEvents(w.db, id)).toHaveLength(1);
    expect(count("SELECT count(*) FROM changes WHERE entity IN ('application', 'vetting_event')")).toBe(8);

    // Once the cause is gone, the same file brings in the rest and nothing twice.
    w.db.exec('DROP TRIGGER refuse');
    const again = await runImport(w.ctx, file(Buffer.from(rows.join('\n'))), { dryRun: false, batchSize: 2 });
    expect(again).toMatchObject({ added: 3, alreadyImported: 4, failure: null });
    expect(applications()).toBe(7);
  });
});
