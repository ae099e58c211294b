import { AppError } from '../../../../shared/contract/result';
import { uuidv7 } from '../../../../shared/ids';
import { nextEvent } from '../../../../shared/model/vetting/build';
import { applicationState } from '../../../../shared/model/vetting/compute';
import { eventFields, type EventType, type Payloads, type VettingEvent } from '../../../../shared/model/vetting/events';
import { conflictsOf, type ReviewerProfile } from '../../../../shared/model/vetting/interest';
import { canWriteEvent } from '../../../../shared/model/vetting/roles';
import { checkNextEvent } from '../../../../shared/model/vetting/rules';
import type { ApplicationState } from '../../../../shared/model/vetting/state';
import type { Write } from '../../changes/types';
import type { VettingContext, VettingActor } from './context';
import { readApplication, readEvents, type StoredApplication } from './store';

export interface AppendOptions {
  /** The reviewer's profile for an assignment (conflict-of-interest rules); required for `assigned`. */
  reviewer?: ReviewerProfile;
  /** Other writes committed in the same transaction (an accepted application's expert). */
  alongside?: Write[];
}

export interface Appended {
  /** The (first) event written. */
  event: VettingEvent;
  /** Every event written, in order. */
  events: VettingEvent[];
  application: StoredApplication;
  /** The state after the events. */
  state: ApplicationState;
}

/** One step of an appendSteps call: a type and its payload (`submitted` comes only with submitApplication). */
export type FollowingStep = { [K in Exclude<EventType, 'submitted'>]: { type: K; payload: Payloads[K] } }[Exclude<EventType, 'submitted'>];

/**
 * The one way a vetting event is written on this device: who acts may take this step (roles.ts),
 * the state machine allows it (rules.ts), an assignment is free of conflicts of interest or
 * carries a curator's override reason (interest.ts); then the sealed event, following every
 * head, goes through the funnel with `alongside` in one transaction. Refusals are AppErrors
 * with stable codes and nothing is written.
 */
export function appendEvent<K extends Exclude<EventType, 'submitted'>>(
  ctx: VettingContext,
  applicationId: string,
  type: K,
  payload: Payloads[K],
  options: AppendOptions = {},
): Appended {
  return appendSteps(ctx, applicationId, [{ type, payload } as FollowingStep], options);
}

/**
 * Several steps written as one: each is checked like appendEvent's against the state the ones
 * before it leave (built with nextEvent on that state, so it follows them), and all of them,
 * with `alongside`, go through the funnel in one transaction, or none does. An accept uses it:
 * `decided` then `published`, with the expert they name.
 */
export function appendSteps(ctx: VettingContext, applicationId: string, steps: readonly FollowingStep[], options: AppendOptions = {}): Appended {
  if (steps.length === 0) throw new Error('appendSteps: no step to write.');
  const who = ctx.requireActor();
  const application = readApplication(ctx.db, applicationId);
  if (!application) throw new AppError('NOT_FOUND', 'This application does not exist (or was deleted). Go back to the list of applications.');
  const events = readEvents(ctx.db, applicationId);
  let state = applicationState(events);
  const written: VettingEvent[] = [];
  for (const { type, payload } of steps) {
    if (!canWriteEvent(who, { type, payload }, application.fields, state)) {
      throw new AppError('NOT_ALLOWED', `Your role (${who.role.replace('_', ' ')}) cannot take this step on this application. Nothing was recorded.`);
    }
    if (type === 'assigned') refuseConflictedAssignment(ctx, application, payload as Payloads['assigned'], options.reviewer);
    const event = nextEvent(state, { id: uuidv7(), applicationId, type, payload, at: ctx.now(), by: who.id });
    const verdict = checkNextEvent(state, event);
    if (!verdict.ok) throw new AppError('STEP_REFUSED', verdict.message, undefined, { step: verdict.code });
    written.push(event);
    state = applicationState([...events, ...written]);
  }
  write(ctx, who, [...written.map((e) => ({ entity: 'vetting_event', id: e.id, fields: eventFields(e) })), ...(options.alongside ?? [])]);
  // `state` is already that of the stored events plus the written ones: nothing else writes in between (one thread, one transaction).
  return { event: written[0]!, events: written, application, state };
}

/**
 * The first event of a new application, written with its record in one transaction (curator
 * entry, kiosk, import). `fields` are the application's fields, already validated.
 */
export function submitApplication(ctx: VettingContext, who: VettingActor, fields: Record<string, unknown>): { id: string; event: VettingEvent } {
  const id = uuidv7();
  const event = nextEvent({ heads: [] }, { id: uuidv7(), applicationId: id, type: 'submitted', payload: {}, at: ctx.now(), by: who.id });
  write(ctx, who, [
    { entity: 'application', id, fields },
    { entity: 'vetting_event', id: event.id, fields: eventFields(event) },
  ]);
  return { id, event };
}

function refuseConflictedAssignment(ctx: VettingContext, app: StoredApplication, payload: Payloads['assigned'], reviewer: ReviewerProfile | undefined): void {
  if (!reviewer || reviewer.id !== payload.reviewerId) throw new Error('appendEvent: an assignment needs the reviewer profile of the reviewer it assigns.');
  const conflicts = conflictsOf(reviewer, app.fields, ctx.settings());
  if (conflicts.length === 0 || payload.override) return;
  const why = conflicts.map((c) => `${c.code.toLowerCase().replace('_', ' ')}: ${c.detail}`).join('; ');
  throw new AppError('INTEREST_CONFLICT', `${reviewer.name} has a conflict of interest with this application (${why}), so they were not assigned. Choose another reviewer, or assign anyway with a reason, which is recorded.`, undefined, { conflicts });
}

function write(ctx: VettingContext, who: VettingActor, writes: Write[]): void {
  ctx.funnel.write(who.id, writes);
  ctx.changed(...new Set(writes.map((w) => w.entity)));
}
