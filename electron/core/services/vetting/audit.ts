import { AppError } from '../../../../shared/contract/result';
import { toSafeCsv, type CellValue } from '../../../../shared/export/cells';
import { verifyChain, type ChainReport } from '../../../../shared/model/vetting/chain';
import { eventFromRecord, type VettingEvent } from '../../../../shared/model/vetting/events';
import { buildGraph } from '../../../../shared/model/vetting/graph';
import { canDecide } from '../../../../shared/model/vetting/roles';
import type { Db } from '../../db/open';
import { auditWords, summariseEvent, type AuditLang } from './audit-summary';
import { peopleNames } from './conflicts';
import type { VettingContext } from './context';
import { readApplication } from './store';

/**
 * The audit trail (issue 7 point 7): an application's events as stored now — read and verified
 * here, never from a cache — in graph order with who did what when, and the chain check:
 * an event whose content no longer matches its hash, or whose hash no longer matches what a
 * later event recorded of it, was altered after the fact and is flagged. A stored record that
 * is not even a readable event any more is reported altered too.
 */

export interface AuditEntry {
  eventId: string;
  type: VettingEvent['type'];
  at: number;
  by: string;
  byName: string;
  summary: string;
  hash: string;
  valid: boolean;
}

function storedEvents(db: Db, applicationId: string): { events: VettingEvent[]; unreadable: string[] } {
  const rows = db.prepare("SELECT id, data FROM records WHERE entity = 'vetting_event' AND json_extract(data, '$.applicationId') = ?").all(applicationId) as { id: string; data: string }[];
  const events: VettingEvent[] = [];
  const unreadable: string[] = [];
  for (const row of rows) {
    let data: unknown;
    try {
      data = JSON.parse(row.data);
    } catch {
      data = null;
    }
    const event = data && typeof data === 'object' ? eventFromRecord(row.id, data as Record<string, unknown>) : null;
    if (event) events.push(event);
    else unreadable.push(row.id);
  }
  return { events, unreadable };
}

function requireAuditor(ctx: VettingContext): void {
  const who = ctx.requireActor();
  if (!canDecide(who)) throw new AppError('NOT_ALLOWED', 'The audit trail is the secretariat\'s: ask an administrator or a curator.');
}

function trail(ctx: VettingContext, applicationId: string, names: Map<string, string>, lang: AuditLang = 'en'): { entries: AuditEntry[]; chain: ChainReport } {
  const { events, unreadable } = storedEvents(ctx.db, applicationId);
  const chain = verifyChain(events);
  for (const id of unreadable) chain.altered.push({ eventId: id, signs: [{ code: 'CONTENT' }] });
  if (unreadable.length) {
    chain.ok = false;
    chain.altered.sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
  }
  const altered = new Set(chain.altered.map((a) => a.eventId));
  const entries = buildGraph(events).order.map((e) => ({
    eventId: e.id,
    type: e.type,
    at: e.at,
    by: e.by,
    byName: names.get(e.by) ?? e.by,
    summary: summariseEvent(e, names, lang),
    hash: e.hash,
    valid: !altered.has(e.id),
  }));
  return { entries, chain };
}

export function auditOf(ctx: VettingContext, applicationId: string) {
  requireAuditor(ctx);
  if (!readApplication(ctx.db, applicationId)) throw new AppError('NOT_FOUND', 'This application does not exist (or was deleted). Go back to the list of applications.');
  return { applicationId, ...trail(ctx, applicationId, peopleNames(ctx)) };
}

/**
 * The audit trail as CSV (cells neutralised, UTF-8 with a byte order mark): one application, or
 * every one; column titles and summaries in `lang` (what people wrote stays as written).
 */
export function auditCsv(ctx: VettingContext, applicationId: string | undefined, lang: AuditLang = 'en') {
  requireAuditor(ctx);
  const names = peopleNames(ctx);
  const { header, verified, altered } = auditWords(lang);
  const ids = applicationId
    ? [applicationId]
    : (ctx.db.prepare("SELECT id FROM records WHERE entity = 'application' ORDER BY id").pluck().all() as string[]);
  const rows: CellValue[][] = [[...header]];
  for (const id of ids) {
    const app = readApplication(ctx.db, id);
    if (!app) {
      if (applicationId) throw new AppError('NOT_FOUND', 'This application does not exist (or was deleted). Go back to the list of applications.');
      continue;
    }
    const applicant = [app.fields.givenName, app.fields.familyName].filter(Boolean).join(' ');
    const { entries } = trail(ctx, id, names, lang);
    for (const e of entries) {
      rows.push([id, applicant, e.eventId, e.type, new Date(e.at).toISOString(), e.by, e.byName, e.summary, e.hash, e.valid ? verified : altered]);
    }
  }
  const day = new Date(ctx.now()).toISOString().slice(0, 10);
  return {
    fileName: applicationId ? `audit-${applicationId}-${day}.csv` : `audit-all-${day}.csv`,
    mime: 'text/csv;charset=utf-8',
    dataBase64: Buffer.from(toSafeCsv(rows), 'utf8').toString('base64'),
  };
}
