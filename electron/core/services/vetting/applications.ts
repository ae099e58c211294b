import type { ApplicationDetail } from '../../../../shared/contract/vetting';
import type { ParsedInput } from '../../../../shared/contract/methods';
import { AppError, type FieldIssue } from '../../../../shared/contract/result';
import { canonicalJson } from '../../../../shared/canonical';
import { applicationDefaults, type ApplicationFields } from '../../../../shared/model/vetting/application';
import { canEditApplication } from '../../../../shared/model/vetting/roles';
import { finalStages } from '../../../../shared/model/vetting/state';
import type { Db } from '../../db/open';
import { attachmentMime } from '../attachments';
import { submitApplication } from './append';
import type { VettingContext } from './context';
import { applicationDetail, visibleApplication } from './detail';

/**
 * Writing the application record itself: a curator's entry (create) and edits (update). Its
 * steps (screening, reviews, decisions) are events: acts.ts. The kiosk and import have their
 * own ways in, built on submitApplication too.
 */

/** Fields set by their own paths, never by an edit: where it came from, and the duplicate verdicts (markDuplicate). */
const notEditable = ['source', 'importKey', 'duplicateMarks', 'matchedExpertId'] as const;

export function createApplication(ctx: VettingContext, input: ParsedInput<'applications.create'>['fields']): ApplicationDetail {
  const who = ctx.requireActor();
  if (input.source === 'kiosk') {
    throw new AppError('INVALID_INPUT', 'Applications from the workshop kiosk are entered there by the applicant. Choose "curator" or "import" as the source.', [{ path: ['source'], message: 'Not "kiosk" here.' }]);
  }
  if (!canEditApplication(who, input)) {
    throw new AppError('NOT_ALLOWED', `Your role (${who.role.replace('_', ' ')}) cannot enter an application${who.role === 'focal_point' ? ' nominated by another member state' : ''}. Nothing was saved.`);
  }
  const fields = { ...applicationDefaults, ...input } as ApplicationFields;
  checkAttachments(ctx.db, fields);
  const { id } = submitApplication(ctx, who, fields);
  return applicationDetail(ctx, id);
}

/**
 * Writes the fields of the patch that differ from the record. Refused for a role that cannot
 * edit it (NOT_ALLOWED) and once the application is closed — not eligible, rejected,
 * withdrawn or published (STEP_REFUSED, step WRONG_STAGE): its letter went out on what it
 * said then, and a published applicant is edited as an expert in the directory.
 */
export function updateApplication(ctx: VettingContext, { id, patch }: ParsedInput<'applications.update'>): ApplicationDetail {
  const who = ctx.requireActor();
  const { app, state } = visibleApplication(ctx, who, id);
  if (!canEditApplication(who, app.fields) || (patch.nominatingCountry !== undefined && !canEditApplication(who, { nominatingCountry: patch.nominatingCountry }))) {
    throw new AppError('NOT_ALLOWED', `Your role (${who.role.replace('_', ' ')}) cannot edit this application. Nothing was saved.`);
  }
  if (finalStages.has(state.stage)) {
    const what = state.stage === 'published' ? 'It is published: edit the expert in the directory instead.' : 'It is closed; its decision stands on what it said then. Add a note instead.';
    throw new AppError('STEP_REFUSED', `This application can no longer be edited. ${what}`, undefined, { step: 'WRONG_STAGE' });
  }
  const changed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v !== undefined && canonicalJson(v) !== canonicalJson(app.fields[k as keyof ApplicationFields])) changed[k] = v;
  }
  const fixed = notEditable.filter((k) => Object.hasOwn(changed, k));
  if (fixed.length) {
    throw new AppError('INVALID_INPUT', `${fixed.join(', ')} cannot be changed by an edit${fixed.some((k) => k === 'duplicateMarks' || k === 'matchedExpertId') ? ' (mark duplicates on the application page)' : ''}. Nothing was saved.`, fixed.map((k) => ({ path: [k], message: 'Not editable.' })));
  }
  checkAttachments(ctx.db, changed as Partial<ApplicationFields>);
  if (Object.keys(changed).length > 0) {
    ctx.funnel.write(who.id, [{ entity: 'application', id, fields: changed }]);
    ctx.changed('application');
  }
  return applicationDetail(ctx, id);
}

/**
 * Every attachment the fields name must be stored here with the type the reference says
 * (applications.putAttachment stored it after checking its bytes), or the record would point
 * at a file nobody can open.
 */
export function checkAttachments(db: Db, f: Partial<ApplicationFields>): void {
  const issues: FieldIssue[] = [];
  const check = (ref: { hash: string; mime: string } | null | undefined, path: (string | number)[]) => {
    if (ref && attachmentMime(db, ref.hash) !== ref.mime) issues.push({ path, message: 'Attach the file again.' });
  };
  check(f.cv, ['cv']);
  check(f.recommendationLetter, ['recommendationLetter']);
  (f.evidence ?? []).forEach((e, i) => check(e.attachment, ['evidence', i, 'attachment']));
  if (issues.length) {
    throw new AppError('ATTACHMENT_INVALID', 'A file the application names is not stored on this computer. Attach it again; nothing was saved.', issues);
  }
}
