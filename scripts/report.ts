/**
 * Exports case studies and stories from the command line, as the app's export does (issue 8):
 *
 *   npm run report -- --data-dir DIR --out DIR [--all | --id ID] [--lang en|id] [--format docx|pdf]
 *
 * --id ID writes that case study or story; --all (the default) writes an MTR compilation of
 * every live case study and story. Both formats unless --format names one. Refused, writing
 * nothing, when a story lacks a recorded consent or a quote's interview has no consent.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError } from '../shared/contract/result';
import { openDatabase } from '../electron/core/db/open';
import type { DocumentFormat } from '../electron/core/documents';
import { exportReports, type ReportsExportInput } from '../electron/core/services/reports-export/service';
import { loadShippedTaxonomy } from '../electron/core/services/taxonomy-resource';

const usage = 'Usage: npm run report -- --data-dir DIR --out DIR [--all | --id ID] [--lang en|id] [--format docx|pdf]';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    out: { type: 'string' },
    all: { type: 'boolean' },
    id: { type: 'string' },
    lang: { type: 'string', default: 'en' },
    format: { type: 'string' },
    help: { type: 'boolean' },
  },
  strict: true,
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
if (!values['data-dir'] || !values.out) fail(`Say where the data is and where to write.\n${usage}`);
if (values.all && values.id) fail(`Give --all or --id, not both.\n${usage}`);
const lang = values.lang;
if (lang !== 'en' && lang !== 'id') fail(`--lang is en or id, not "${lang}".`);
const formats: DocumentFormat[] = values.format ? [values.format as DocumentFormat] : ['docx', 'pdf'];
if (formats.some((f) => f !== 'docx' && f !== 'pdf')) fail(`--format is docx or pdf, not "${values.format}".`);

const dbFile = join(resolve(values['data-dir']), 'curator.db');
if (!existsSync(dbFile)) fail(`No A-EXPECS Curator data in ${resolve(values['data-dir'])} (no curator.db). Give the app's data folder.`);
const db = openDatabase(dbFile);
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
try {
  for (const format of formats) {
    const input: ReportsExportInput = values.id ? { mode: 'one', id: values.id, format, lang } : { mode: 'mtr', format, lang };
    const file = await exportReports({ db, taxonomy: loadShippedTaxonomy(), now: () => Date.now() }, input, (p) => {
      if (!p.finished) process.stderr.write(`\r${format.toUpperCase()}: ${p.done} of ${p.total - 1} documents`);
    });
    const path = join(out, file.fileName);
    writeFileSync(path, file.bytes);
    process.stderr.write('\r');
    process.stdout.write(`${path} (${file.count} ${file.count === 1 ? 'document' : 'documents'})\n`);
  }
} catch (e) {
  if (e instanceof AppError) fail(`${e.code}: ${e.message}`);
  throw e;
} finally {
  db.close();
}
