import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { id } from '../../renderer/src/i18n/id';
import { AppError } from '../contract/result';
import { readCsv } from './csv';
import { importKey } from './key';
import { suggestMapping } from './mapping';
import { previewImport } from './preview';
import { importProblemCodes, importProblemTemplates, importTargetLabels, valueKindLabels } from './problems';
import type { ImportTable } from './table';
import { importTargetKeys } from './targets';
import { parseLanguages } from './values';

const csv = (text: string) => readCsv(Buffer.from(text, 'utf8'));

describe('suggestMapping', () => {
  it('recognises headers in English and Bahasa Indonesia, whatever their case, accents and punctuation', () => {
    expect(suggestMapping(['Nama depan', 'Nama keluarga', 'Surel', 'Negara', 'Instansi', 'Jabatan', 'Bahasa', 'Lama pengalaman', 'Jenis pelamar', 'Negara pengusul'])).toEqual([
      'givenName',
      'familyName',
      'email',
      'country',
      'agency',
      'position',
      'languages',
      'yearsExperience',
      'applicantType',
      'nominatingCountry',
    ]);
    expect(suggestMapping(['GIVEN NAME *', 'Surname', 'E-mail', 'Country ', 'Notes', 'Telephone', 'Recommender', 'Recommender organisation'])).toEqual([
      'givenName',
      'familyName',
      'email',
      'country',
      null,
      'phone',
      'recommenderName',
      'recommenderOrganisation',
    ]);
  });

  it('maps each target to one column only, the leftmost', () => {
    expect(suggestMapping(['Email', 'Surel', 'Given name'])).toEqual(['email', null, 'givenName']);
  });
});

describe('previewImport', () => {
  const sheet = [
    'Nama depan;Nama keluarga;Surel;Negara;Bahasa;Lama pengalaman;Jenis pelamar;Keahlian',
    'Siti;Rahayu;Siti.Rahayu@bkn.go.id;Indonesia;Bahasa Indonesia (native), English (fluent);15 tahun;praktisi;"Manajemen talenta; Reformasi birokrasi"',
    ';Tan;tan@psd.gov.sg;SG;;;;',
    'Ana;Lopes;ana@example.tl;Atlantis;Klingon;many;academic;',
    '',
    'Budi;Santoso;not-an-email;ID;;12;;',
    'siti;RAHAYU;siti.rahayu@BKN.go.id;ID;;;;',
  ].join('\n');

  it('turns each good row into a validated proposed profile and lists every problem with its row, column and a sentence', () => {
    const preview = previewImport(csv(sheet), { applicantType: 'academic' });
    expect(preview.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'new'],
      [3, 'problems'],
      [4, 'problems'],
      [6, 'problems'],
      [7, 'problems'],
    ]);
    const siti = preview.rows[0]!;
    expect(siti.profile).toMatchObject({
      givenName: 'Siti',
      familyName: 'Rahayu',
      email: 'Siti.Rahayu@bkn.go.id',
      country: 'ID',
      languages: [
        { code: 'id', proficiency: 'native' },
        { code: 'en', proficiency: 'fluent' },
      ],
      yearsExperience: 15,
      expertise: ['Manajemen talenta', 'Reformasi birokrasi'],
    });
    expect(siti.application).toEqual({ applicantType: 'practitioner', nominatingCountry: 'ID', recommenderName: '', recommenderOrganisation: '', recommenderBody: null });

    const problems = preview.rows.flatMap((r) => r.problems.map((p) => [p.row, p.code, p.field, p.column]));
    expect(problems).toEqual([
      [3, 'MISSING', 'givenName', 'A (Nama depan)'],
      [4, 'UNKNOWN_VALUE', 'country', 'D (Negara)'],
      [4, 'UNKNOWN_VALUE', 'languages', 'E (Bahasa)'],
      [4, 'NOT_A_NUMBER', 'yearsExperience', 'F (Lama pengalaman)'],
      [6, 'INVALID', 'email', 'C (Surel)'],
      [7, 'DUPLICATE_IN_FILE', null, null],
    ]);
    const sentences = preview.rows.flatMap((r) => r.problems.map((p) => p.message));
    expect(sentences).toEqual([
      'Row 3: Given name is missing. Fill it in, or leave the row out.',
      'Row 4, column D (Negara): “Atlantis” is not an ASEAN member state the app knows. Correct the cell.',
      'Row 4, column E (Bahasa): “Klingon” is not a language the app knows. Correct the cell.',
      'Row 4, column F (Lama pengalaman): “many” is not a whole number of years. Write a number such as 12.',
      'Row 6, column C (Surel) (E-mail): Enter an email address such as name@agency.gov.',
      'Row 7 repeats the applicant of row 2 (the same e-mail address, or the same details). Only row 2 is imported; remove or correct the repeat.',
    ]);
    expect(preview.summary).toEqual({ rows: 5, new: 1, alreadyImported: 0, withProblems: 4, problems: 6 });
    // Without a default for the import, a row that states no applicant type misses it.
    const noDefault = previewImport(csv(sheet));
    expect(noDefault.rows.find((r) => r.row === 6)!.problems.map((p) => [p.code, p.field])).toEqual([
      ['MISSING', 'applicantType'],
      ['INVALID', 'email'],
    ]);
  });

  it('gives every row a stable import key, so importing the same file again adds nothing', () => {
    const first = previewImport(csv(sheet), { applicantType: 'academic' });
    const keys = new Set(first.rows.filter((r) => r.status === 'new').map((r) => r.importKey));
    const again = previewImport(csv(sheet), { existingKeys: keys, applicantType: 'academic' });
    expect(again.summary).toMatchObject({ new: 0, alreadyImported: 2 });
    // Row 7 is Siti again (same e-mail, other case): already imported, not a new applicant.
    expect(again.rows.filter((r) => r.status === 'already_imported').map((r) => r.row)).toEqual([2, 7]);
    expect(again.rows.map((r) => r.importKey)).toEqual(first.rows.map((r) => r.importKey));
  });

  it('keys a row by its e-mail, or by its content whatever the column order and headers', () => {
    expect(importKey(' Siti.Rahayu@BKN.go.id ', { givenName: 'Siti' })).toBe(importKey('siti.rahayu@bkn.go.id', { givenName: 'Other' }));
    expect(importKey('', { givenName: 'Ana', country: 'TL' })).toBe(importKey('', { country: 'tl', givenName: ' Ana ' }));
    expect(importKey('', { givenName: 'Ana', country: 'TL' })).not.toBe(importKey('', { givenName: 'Ana', country: 'PH' }));
    const a = previewImport(csv('Given name,Country\nAna,TL\n'));
    const b = previewImport(csv('Negara;Nama depan;Catatan\nTimor-Leste;Ana;\n'));
    expect(a.rows[0]!.importKey).not.toBe(b.rows[0]!.importKey); // "TL" and "Timor-Leste" are different text ...
    const c = previewImport(csv('Negara;Nama depan\nTL;Ana\n'));
    expect(c.rows[0]!.importKey).toBe(a.rows[0]!.importKey); // ... but the same text under other headers is the same row.
  });

  it('takes the curator\u2019s mapping, the focal point\u2019s country for rows that name none, and refuses a mapping that does not fit', () => {
    const table = csv('Name,Mail,Org\nLe Van An,an@moha.gov.vn,MOHA\n');
    expect(previewImport(table).rows[0]!.problems.map((p) => p.field)).toEqual(['givenName', 'country', 'applicantType']);
    const mapped = previewImport(table, { mapping: ['givenName', 'email', 'agency'], nominatingCountry: 'VN', applicantType: 'practitioner' });
    expect(mapped.rows[0]).toMatchObject({ status: 'new', profile: { givenName: 'Le Van An', country: 'VN', agency: 'MOHA' }, application: { nominatingCountry: 'VN', applicantType: 'practitioner' } });
    for (const wrong of [['givenName', 'email'], ['givenName', 'givenName', null], ['givenName', 'password', null]]) {
      expect(() => previewImport(table, { mapping: wrong })).toThrow(AppError);
    }
  });

  it('holds the application\u2019s own fields to the application entity\u2019s schemas, so the preview shows what the write would refuse', () => {
    // A hidden text-direction mark (U+202E) in the recommender's name: the application entity refuses it.
    const preview = previewImport(csv('Given name,Country,Applicant type,Recommender\nAna,TL,academic,Dr \u202eX\n'));
    expect(preview.rows[0]!.status).toBe('problems');
    expect(preview.rows[0]!.problems.map((p) => [p.code, p.field, p.column, p.vars.detail])).toEqual([
      ['INVALID', 'recommenderName', 'D (Recommender)', 'The recommender name contains a control character or a hidden text-direction mark. Retype it without them.'],
    ]);
  });

  it('names a formula cell as the row\u2019s problem and never reads its cached result', () => {
    const table: ImportTable = {
      format: 'xlsx',
      encoding: null,
      sheetName: 'Sheet1',
      headers: ['Given name', 'Country', 'E-mail'],
      headerRow: 1,
      rows: [{ number: 2, cells: ['Ana', 'TL', { formula: 'HYPERLINK("http://evil.example","x")' }] }],
    };
    const preview = previewImport(table, { applicantType: 'both' });
    expect(preview.rows[0]).toMatchObject({ status: 'problems', profile: null, problems: [{ code: 'FORMULA', column: 'C (E-mail)', field: 'email' }] });
  });

  it('takes a CSV cell starting with "=" for a formula (a planted one, since CSV holds values), but not "+62 …" or "-"', () => {
    const preview = previewImport(csv('Given name,Country,Phone,Agency\n"=HYPERLINK(""http://evil.example"",""Ana"")",TL,+670 333 1234,-\nBudi,ID,+62 21 555 0100,-\n'), { applicantType: 'both' });
    expect(preview.rows.map((r) => r.status)).toEqual(['problems', 'new']);
    expect(preview.rows[0]!.problems).toMatchObject([{ code: 'FORMULA', column: 'A (Given name)', field: 'givenName' }]);
    expect(preview.rows[1]!.profile).toMatchObject({ phone: '+62 21 555 0100', agency: '-' });
  });

  it('reads languages with levels in English and Bahasa Indonesia', () => {
    expect(parseLanguages('Thai (bahasa ibu); English - fluent\nLao: dasar')).toEqual({
      value: [
        { code: 'th', proficiency: 'native' },
        { code: 'en', proficiency: 'fluent' },
        { code: 'lo', proficiency: 'basic' },
      ],
    });
    expect(parseLanguages('English (superb)')).toEqual({ problem: 'UNKNOWN_VALUE', kind: 'PROFICIENCY', value: 'superb' });
  });
});

describe('problem sentences in both languages', () => {
  it('are the dictionary\u2019s templates in English, and exist in Bahasa Indonesia with the same placeholders', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const code of importProblemCodes) {
      expect(en[`import.problem.${code}`]).toBe(importProblemTemplates[code]);
      expect(names(id[`import.problem.${code}`])).toEqual(names(importProblemTemplates[code]));
    }
    for (const key of importTargetKeys) expect(en[`import.target.${key}`]).toBe(importTargetLabels[key]);
    for (const [kind, label] of Object.entries(valueKindLabels)) expect(en[`import.kind.${kind}` as keyof typeof en]).toBe(label);
  });
});
