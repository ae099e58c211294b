import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExpertCreate } from '../../../../shared/model/expert';
import { openCore, type Core } from '../../app';
import { openDatabase } from '../../db/open';

let open: Core[] = [];
afterEach(() => {
  open.forEach((c) => c.close());
  open = [];
});
const core = (dataDir: string) => {
  const c = openCore({ dataDir, mode: 'test', actor: 'ana' });
  open.push(c);
  return c;
};
const ids = async (c: Core, query: string) => {
  const r = await c.dispatch('experts.search', { query });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { items: { id: string }[] }).items.map((i) => i.id);
};

describe('expert projection', () => {
  it('is rebuilt from the records when its stored version is older, and only then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'curator-proj-'));
    const first = core(dir);
    const r = await first.dispatch('experts.create', { expert: { givenName: 'Budi', familyName: 'Santoso', country: 'ID' } });
    if (!r.ok) throw new Error(r.error.message);
    const id = (r.value as { id: string }).id;
    first.close();

    // An index left by an older app: stale version, and rows missing.
    const db = openDatabase(join(dir, 'curator.db'));
    db.exec("UPDATE meta SET value = '1' WHERE key = 'projection.experts'; DELETE FROM expert_index; INSERT INTO expert_fts (expert_fts) VALUES ('delete-all');");
    db.close();
    const second = core(dir);
    expect(await ids(second, 'santoso')).toEqual([id]);
    second.close();

    // Same version: the index is left as it is (here, deliberately emptied).
    const again = openDatabase(join(dir, 'curator.db'));
    again.exec("DELETE FROM expert_index; INSERT INTO expert_fts (expert_fts) VALUES ('delete-all');");
    again.close();
    expect(await ids(core(dir), 'santoso')).toEqual([]);
  });

  it('keeps the vowel signs of Thai, Lao, Khmer and Myanmar as part of words', async () => {
    const c = core(mkdtempSync(join(tmpdir(), 'curator-proj-')));
    const made: Record<string, string> = {};
    for (const [givenName, familyName, country] of [['สมชาย', 'ใจดี', 'TH'], ['ສົມສັກ', 'ພົມມະຈັນ', 'LA'], ['សុខ', 'ចាន់', 'KH'], ['အောင်', 'ကျော်', 'MM']] as const) {
      const r = await c.dispatch('experts.create', { expert: { givenName, familyName, country } });
      if (!r.ok) throw new Error(r.error.message);
      made[givenName] = (r.value as { id: string }).id;
    }
    expect(await ids(c, 'ใจดี')).toEqual([made['สมชาย']]);
    expect(await ids(c, 'ສົມສັກ')).toEqual([made['ສົມສັກ']]);
    expect(await ids(c, 'សុខ')).toEqual([made['សុខ']]);
    expect(await ids(c, 'ကျော်')).toEqual([made['အောင်']]);
  });
});

/**
 * Search in the scripts of the member states, through the real core. Each script has names,
 * an agency and a position written in it, and pairs of names that differ only by a vowel
 * sign (which the fold used to strip, so they found each other).
 */
describe('search in every ASEAN script', () => {
  const people: Record<string, ExpertCreate> = {
    somchai: { givenName: 'สมชาย', familyName: 'ใจดี', country: 'TH', agency: 'สำนักงานคณะกรรมการข้าราชการพลเรือน', position: 'นักวิชาการทรัพยากรบุคคล' },
    malai: { givenName: 'มาลัย', familyName: 'ศรีสุข', country: 'TH', agency: 'กระทรวงมหาดไทย', position: 'ผู้อำนวยการสำนัก' },
    mali: { givenName: 'มาลี', familyName: 'วงศ์สวัสดิ์', country: 'TH' },
    somchaiLatin: { givenName: 'Somchai', familyName: 'Wongsawat', country: 'TH', agency: 'Office of the Civil Service Commission (OCSC)' },
    somsak: { givenName: 'ສົມສັກ', familyName: 'ພົມມະຈັນ', country: 'LA', agency: 'ກົມຄຸ້ມຄອງລັດຖະກອນ', position: 'ຫົວໜ້າພະແນກ' },
    somsouk: { givenName: 'ສົມສຸກ', familyName: 'ແກ້ວມະນີ', country: 'LA' },
    sophal: { givenName: 'សុផល', familyName: 'សុខ', nameOrder: 'family-given', country: 'KH', agency: 'ក្រសួងមុខងារសាធារណៈ', position: 'អនុប្រធាននាយកដ្ឋាន' },
    chan: { givenName: 'ដារ៉ា', familyName: 'ចាន់', nameOrder: 'family-given', country: 'KH' },
    chin: { givenName: 'ដារ៉ា', familyName: 'ចិន', nameOrder: 'family-given', country: 'KH' },
    aungKyawZaw: { givenName: 'အောင်ကျော်ဇော်', nameOrder: 'given-only', country: 'MM', agency: 'ပြည်ထောင်စုရာထူးဝန်အဖွဲ့', position: 'ညွှန်ကြားရေးမှူး' },
    moeThet: { givenName: 'မိုးသက်', nameOrder: 'given-only', country: 'MM' },
    minThet: { givenName: 'မင်းသက်', nameOrder: 'given-only', country: 'MM' },
    hung: { givenName: 'Văn Hùng', familyName: 'Nguyễn', nameOrder: 'family-given', country: 'VN', agency: 'Bộ Nội vụ' },
    pena: { givenName: 'María Cristina D.', familyName: 'Peña', country: 'PH', agency: 'Civil Service Commission' },
    aziz: { givenName: 'Ahmad Zaki bin Abdullah', nameOrder: 'given-only', country: 'MY', agency: 'Jabatan Perkhidmatan Awam' },
  };
  let dir: string;
  let c: Core;
  const id: Record<string, string> = {};
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'curator-scripts-'));
    c = openCore({ dataDir: dir, mode: 'test', actor: 'ana' });
    for (const [key, expert] of Object.entries(people)) {
      const r = await c.dispatch('experts.create', { expert });
      if (!r.ok) throw new Error(r.error.message);
      id[key] = (r.value as { id: string }).id;
    }
  });
  afterAll(() => c.close());
  /** The people a query finds, by key, in a stable order. */
  const found = async (query: string) => {
    const got = await ids(c, query);
    return Object.keys(id).filter((k) => got.includes(id[k] as string)).sort();
  };

  it('Thai: names, agency and position, by whole word and by typed prefix', async () => {
    expect(await found('ใจดี')).toEqual(['somchai']);
    expect(await found('สมช')).toEqual(['somchai']);
    expect(await found('สำนักงานคณะ')).toEqual(['somchai']);
    expect(await found('ข้าราชการ')).toEqual(['somchai']); // a word inside the unbroken agency name
    expect(await found('พลเรือ')).toEqual(['somchai']);
    expect(await found('ทรัพยากรบุคคล')).toEqual(['somchai']);
    expect(await found('มหาดไทย')).toEqual(['malai']);
    expect(await found('ผู้อำนวยการ')).toEqual(['malai']);
  });

  it('Lao: names, agency and position, by whole word and by typed prefix', async () => {
    expect(await found('ພົມມະຈັນ')).toEqual(['somsak']);
    expect(await found('ພົມ')).toEqual(['somsak']);
    expect(await found('ກົມຄຸ້ມ')).toEqual(['somsak']);
    expect(await found('ລັດຖະກອນ')).toEqual(['somsak']);
    expect(await found('ພະແນກ')).toEqual(['somsak']);
  });

  it('Khmer: names, agency and position, by whole word and by typed prefix', async () => {
    expect(await found('សុផល')).toEqual(['sophal']);
    expect(await found('សុផ')).toEqual(['sophal']);
    expect(await found('សុខ សុផល')).toEqual(['sophal']);
    expect(await found('មុខងារ')).toEqual(['sophal']);
    expect(await found('ក្រសួង')).toEqual(['sophal']);
    expect(await found('នាយកដ្ឋាន')).toEqual(['sophal']);
  });

  it('Myanmar: names, agency and position, by whole word and by typed prefix', async () => {
    expect(await found('ကျော်')).toEqual(['aungKyawZaw']); // a syllable inside the unspaced name
    expect(await found('အောင်ကျော်')).toEqual(['aungKyawZaw']);
    expect(await found('ရာထူးဝန်')).toEqual(['aungKyawZaw']);
    expect(await found('ညွှန်ကြား')).toEqual(['aungKyawZaw']);
    expect(await found('သက်')).toEqual(['minThet', 'moeThet']);
  });

  it('keeps apart words that differ only by a vowel sign', async () => {
    expect(await found('มาลี')).toEqual(['mali']);
    expect(await found('มาลัย')).toEqual(['malai']);
    expect(await found('ສົມສັກ')).toEqual(['somsak']);
    expect(await found('ສົມສຸກ')).toEqual(['somsouk']);
    expect(await found('ចាន់')).toEqual(['chan']);
    expect(await found('ចិន')).toEqual(['chin']);
    expect(await found('ដារ៉ា')).toEqual(['chan', 'chin']);
    expect(await found('မိုး')).toEqual(['moeThet']);
    expect(await found('မင်း')).toEqual(['minThet']);
  });

  it('finds native-script names by romanised queries', async () => {
    expect(await found('somchai')).toEqual(['somchai', 'somchaiLatin']);
    expect(await found('somchai chaidi')).toEqual(['somchai']);
    expect(await found('somsak')).toEqual(['somsak']);
    expect(await found('somsack phommachanh')).toEqual(['somsak']);
    expect(await found('keomany')).toEqual(['somsouk']);
    expect(await found('sok sophal')).toEqual(['sophal']);
    expect(await found('dara')).toEqual(['chan', 'chin']);
    expect(await found('aung kyaw')).toEqual(['aungKyawZaw']);
    expect(await found('kyawzaw')).toEqual(['aungKyawZaw']);
    expect(await found('moe thet')).toEqual(['moeThet']);
  });

  it('still finds Vietnamese, Filipino and Malay names with or without diacritics', async () => {
    expect(await found('nguyen van hung')).toEqual(['hung']);
    expect(await found('Nguyễn Hùng')).toEqual(['hung']);
    expect(await found('bo noi vu')).toEqual(['hung']);
    expect(await found('pena')).toEqual(['pena']);
    expect(await found('Peña maría')).toEqual(['pena']);
    expect(await found('zaki abdullah')).toEqual(['aziz']);
  });

  it('indexes Latin text exactly as before: its folded words, no extra forms', () => {
    const db = openDatabase(join(dir, 'curator.db'));
    try {
      db.exec('CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, expert_fts, instance)');
      const terms = (key: string, column: string) =>
        db.prepare('SELECT t.term FROM temp.terms t JOIN expert_index i ON i.rowid = t.doc WHERE i.id = ? AND t.col = ? ORDER BY t.offset').pluck().all(id[key], column);
      expect(terms('hung', 'names')).toEqual(['van', 'hung', 'nguyen']);
      expect(terms('hung', 'agency')).toEqual(['bo', 'noi', 'vu']);
      expect(terms('pena', 'names')).toEqual(['maria', 'cristina', 'd', 'pena']);
      expect(terms('somchaiLatin', 'agency')).toEqual(['office', 'of', 'the', 'civil', 'service', 'commission', 'ocsc']);
      expect(terms('aziz', 'names')).toEqual(['ahmad', 'zaki', 'bin', 'abdullah']);
      // Native-script text: its words, then its romanised forms.
      expect(terms('somchai', 'names')).toEqual(['สมชาย', 'ใจดี', 'somchai', 'chaidi', 'chaidee']);
    } finally {
      db.close();
    }
  });
});

describe('an index built by version 2', () => {
  it('is rebuilt with the marks and the romanised forms', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'curator-proj-'));
    const first = core(dir);
    const r = await first.dispatch('experts.create', { expert: { givenName: 'สมชาย', familyName: 'ใจดี', country: 'TH' } });
    if (!r.ok) throw new Error(r.error.message);
    const made = (r.value as { id: string }).id;
    first.close();

    // What version 2 wrote: the vowel signs stripped, no romanised forms.
    const db = openDatabase(join(dir, 'curator.db'));
    const rowid = db.prepare('SELECT rowid FROM expert_index WHERE id = ?').pluck().get(made);
    db.prepare('DELETE FROM expert_fts WHERE rowid = ?').run(rowid);
    db.prepare("INSERT INTO expert_fts (rowid, names, other_names, agency, position, expertise, portfolio, tags) VALUES (?, ' สมชาย ใจด', '', '', '', '', '', '')").run(rowid);
    db.exec("UPDATE meta SET value = '2' WHERE key = 'projection.experts'");
    expect(db.prepare("SELECT count(*) FROM expert_fts WHERE expert_fts MATCH '\"ใจดี\"'").pluck().get()).toBe(0);
    db.close();
    const second = core(dir);
    expect(await ids(second, 'ใจดี')).toEqual([made]);
    expect(await ids(second, 'somchai')).toEqual([made]);
  });
});
