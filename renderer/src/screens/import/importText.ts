import type { ImportReport, ImportRowProblem, RowOutcome } from '../../../../shared/contract/import';
import { toSafeCsv } from '../../../../shared/export/cells';
import { importTargetKeys, type ImportTargetKey } from '../../../../shared/import/targets';
import { valueKindLabels } from '../../../../shared/import/problems';
import type { FileOut } from '../../lib/saveFile';
import { countryName, issueMessage, type Locale, type MessageKey, type Translate } from '../../i18n';

const targets = new Set<string>(importTargetKeys);
const kinds = new Set<string>(Object.keys(valueKindLabels));

export const targetLabel = (t: Translate, key: ImportTargetKey) => t(`import.target.${key}` as MessageKey);

/** A row's problem in the curator's language: the same template as the core's English sentence, its values translated. */
export function problemText(p: ImportRowProblem, locale: Locale, t: Translate): string {
  const vars: Record<string, string | number> = { ...p.vars };
  if (typeof vars.field === 'string' && targets.has(vars.field)) vars.field = targetLabel(t, vars.field as ImportTargetKey);
  if (typeof vars.kind === 'string' && kinds.has(vars.kind)) vars.kind = t(`import.kind.${vars.kind}` as MessageKey);
  if (p.code === 'INVALID' && typeof vars.detail === 'string') vars.detail = issueMessage({ message: vars.detail }, t);
  if (p.code === 'OUT_OF_SCOPE') {
    vars.country = countryName(locale, String(vars.country));
    vars.own = countryName(locale, String(vars.own));
  }
  return t(`import.problem.${p.code}` as MessageKey, vars);
}

export const outcomeLabel = (t: Translate, o: RowOutcome) => t(`import.outcome.${o}` as MessageKey);

/** The result as a CSV file (one line per row of the sheet), every cell neutralised against formula injection. */
export function reportCsv(report: ImportReport, locale: Locale, t: Translate): FileOut {
  const lines = [
    [t('import.csv.row'), t('import.csv.applicant'), t('import.csv.outcome'), t('import.csv.problems')],
    ...report.items.map((i) => [i.row, i.name, outcomeLabel(t, i.outcome), i.problems.map((p) => problemText(p, locale, t)).join('\n')]),
  ];
  const bytes = new TextEncoder().encode(toSafeCsv(lines));
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  const base = report.fileName.replace(/\.[^.]*$/, '') || 'import';
  return { fileName: `${base}-${t('import.csv.suffix')}.csv`, mime: 'text/csv', dataBase64: btoa(binary) };
}

/** The file's bytes as base64, for the contract (JSON carries no binary). */
export async function fileBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}
