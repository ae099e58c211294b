import JSZip from 'jszip';
import { AppError } from '../../../../shared/contract/result';
import { applicationState } from '../../../../shared/model/vetting/compute';
import { canSeeApplication } from '../../../../shared/model/vetting/roles';
import { renderDocument, documentMime, type DocumentFormat } from '../../documents';
import type { VettingContext, VettingActor } from '../vetting/context';
import { readApplication, readEvents } from '../vetting/store';
import { applicationReference } from '../../../../shared/model/vetting/reference';
import { letterData, type LetterData } from './data';
import { letterDocument, letterFileName } from './template';
import { letterTexts, type LetterLang } from './texts';

/**
 * Decision letters for export (`letters.export`): one application's letter as DOCX or PDF, or
 * several in one ZIP — every decided application's when no ids are given. Every application
 * asked for is checked before anything is rendered, so a refusal writes nothing; letters are
 * rendered one at a time with a pause between them, so other calls are answered meanwhile.
 */

export interface LettersInput {
  ids?: string[] | undefined;
  format: DocumentFormat;
  lang: LetterLang;
}

export interface LettersFile {
  fileName: string;
  mime: string;
  bytes: Buffer;
  count: number;
}

export type LettersProgress = (p: { done: number; total: number; finished: boolean }) => void;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Applications read between two pauses while every decided one is gathered. */
const READ_BATCH = 100;

export async function exportLetters(ctx: VettingContext, input: LettersInput, progress: LettersProgress = () => {}): Promise<LettersFile> {
  const who = ctx.requireActor();
  if (who.role === 'reviewer') {
    throw new AppError('NOT_ALLOWED', 'Decision letters are written by the secretariat; a reviewer cannot export them. Ask a curator. Nothing was exported.');
  }
  const letters = input.ids ? chosen(ctx, who, [...new Set(input.ids)]) : await allDecided(ctx, who);
  const today = ctx.now();
  if (input.ids && letters.length === 1) {
    const d = letters[0]!;
    const bytes = await renderDocument(letterDocument(d, input.lang, today), input.format);
    return { fileName: letterFileName(d, input.lang, input.format), mime: documentMime[input.format], bytes, count: 1 };
  }
  const zip = new JSZip();
  const names = new Set<string>();
  const total = letters.length;
  progress({ done: 0, total, finished: false });
  for (const [i, d] of letters.entries()) {
    let name = letterFileName(d, input.lang, input.format);
    for (let n = 2; names.has(name); n++) name = letterFileName({ ...d, reference: `${d.reference}-${n}` }, input.lang, input.format);
    names.add(name);
    // Already compressed (DOCX is a ZIP, PDF streams are deflated): stored as they are.
    zip.file(name, await renderDocument(letterDocument(d, input.lang, today), input.format), { compression: 'STORE', date: new Date(today) });
    progress({ done: i + 1, total, finished: false });
    await pause();
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', streamFiles: true });
  progress({ done: total, total, finished: true });
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(today);
  return { fileName: `${letterTexts[input.lang].zipStem}-${day}-${input.lang}.zip`, mime: 'application/zip', bytes, count: total };
}

/** The letters of the applications asked for; refuses the whole export if one has none. */
function chosen(ctx: VettingContext, who: VettingActor, ids: string[]): LetterData[] {
  const years = ctx.settings().yearsThreshold;
  return ids.map((id) => {
    const app = readApplication(ctx.db, id);
    const state = app ? applicationState(readEvents(ctx.db, id)) : null;
    if (!app || !state || !canSeeApplication(who, app.fields, state)) {
      throw new AppError('NOT_FOUND', `No application ${applicationReference(id)} was found (it may have been deleted, or it is not one you may see). Nothing was exported.`);
    }
    const d = letterData(id, app.fields, state, years);
    if (!d) {
      const why = state.stage === 'conflict' ? 'has two decisions that disagree; resolve the conflict first' : `has no decision yet (its stage: ${state.stage.replace('_', ' ')})`;
      throw new AppError('NO_DECISION', `The application ${applicationReference(id)} (${app.fields.givenName}) ${why}, so there is no letter to write. Decide it first, or leave it out of the export. Nothing was exported.`);
    }
    return d;
  });
}

/** Every application with a decision the actor may see, oldest decision first. */
async function allDecided(ctx: VettingContext, who: VettingActor): Promise<LetterData[]> {
  const ids = ctx.db.prepare("SELECT id FROM records WHERE entity = 'application' ORDER BY id").pluck().all() as string[];
  const years = ctx.settings().yearsThreshold;
  const out: LetterData[] = [];
  for (const [i, id] of ids.entries()) {
    if (i > 0 && i % READ_BATCH === 0) await pause();
    const app = readApplication(ctx.db, id);
    if (!app) continue;
    const state = applicationState(readEvents(ctx.db, id));
    if (!canSeeApplication(who, app.fields, state)) continue;
    const d = letterData(id, app.fields, state, years);
    if (d) out.push(d);
  }
  if (out.length === 0) {
    throw new AppError('NO_DECISION', 'No application has a decision yet, so there are no letters to export. Letters can be exported once applications are accepted, rejected, returned, withdrawn or found not eligible.');
  }
  return out.sort((a, b) => a.decidedAt - b.decidedAt || a.reference.localeCompare(b.reference));
}
