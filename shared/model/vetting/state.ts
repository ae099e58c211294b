import type { EligibilityCriterion } from './criteria';
import type { DecisionOutcome, Follow, Payloads, ScreeningOutcome, VettingEvent } from './events';

/**
 * Where an application stands, computed from its events (compute.ts). `new` has no event yet;
 * `conflict` holds while concurrent events disagree on a transition and no event resolves it.
 */
export const stages = [
  'new',
  'submitted',
  'info_requested',
  'eligible',
  'not_eligible',
  'in_review',
  'returned',
  'accepted',
  'rejected',
  'published',
  'withdrawn',
  'conflict',
] as const;
export type Stage = (typeof stages)[number];

/** Stages no event but a note leaves (a conflict resolution aside). */
export const finalStages: ReadonlySet<Stage> = new Set(['not_eligible', 'rejected', 'published', 'withdrawn']);

type By = { eventId: string; at: number; by: string };
export interface Screening extends By {
  criteria: { criterion: EligibilityCriterion; met: boolean; note: string }[];
  outcome: ScreeningOutcome;
  what?: string;
}
export type Assignment = By & { reviewerId: string; override: { reason: string } | null };
export type Review = By & Payloads['review_submitted'];
export type Decision = By & { outcome: DecisionOutcome; reason: string; expertId?: string };
export interface ConflictSide {
  eventId: string;
  type: VettingEvent['type'];
  /** What the side decided: 'decided:accept', 'screened:eligible', 'withdrawn'... */
  verdict: string;
  at: number;
  by: string;
}

export interface ApplicationState {
  applicationId: string | null;
  stage: Stage;
  /** When the application entered its stage (the `at` of the event that moved it). */
  stageSince: number | null;
  /** The events no other event follows: what the next event must name in `follows`. */
  heads: Follow[];
  submitted: { eventId: string; at: number; by: string } | null;
  screening: Screening | null;
  /** The open request for information (from a screening or a "return" decision), if any. */
  infoRequest: (By & { what: string; from: 'screening' | 'decision' }) | null;
  answers: (By & { answer: string })[];
  /** Reviewers assigned now (an unassigned reviewer leaves the list). */
  assignments: Assignment[];
  /** The latest review of each reviewer. */
  reviews: Review[];
  decision: Decision | null;
  publication: (By & Payloads['published']) | null;
  withdrawal: (By & { reason: string }) | null;
  notes: (By & { text: string })[];
  /**
   * Concurrent events that disagree, and the state before them: a resolving event (a transition
   * following every head) is checked against `base`.
   */
  conflict: { sides: ConflictSide[]; base: ApplicationState } | null;
  /** Received events that break the rules: kept as history, without effect. */
  invalid: { eventId: string; code: string; message: string }[];
  /** Events whose predecessors have not arrived yet. */
  waiting: { eventId: string; missing: string[] }[];
  /** Events a conflict resolution superseded: history, without effect. */
  superseded: string[];
}

export const emptyState = (): ApplicationState => ({
  applicationId: null,
  stage: 'new',
  stageSince: null,
  heads: [],
  submitted: null,
  screening: null,
  infoRequest: null,
  answers: [],
  assignments: [],
  reviews: [],
  decision: null,
  publication: null,
  withdrawal: null,
  notes: [],
  conflict: null,
  invalid: [],
  waiting: [],
  superseded: [],
});

/** Events that move an application between stages and can therefore disagree. */
export const transitionTypes: ReadonlySet<VettingEvent['type']> = new Set(['screened', 'decided', 'published', 'withdrawn']);

/** What a transition decided; two concurrent transitions with different verdicts are a conflict. */
export function verdictOf(e: VettingEvent): string {
  if (e.type === 'screened') return `screened:${e.payload.outcome}`;
  if (e.type === 'decided') return `decided:${e.payload.outcome}`;
  return e.type;
}

const moveTo = (s: ApplicationState, stage: Stage, at: number) => {
  if (s.stage !== stage) {
    s.stage = stage;
    s.stageSince = at;
  }
};

/**
 * An event's effect on the state, for an event already found valid (rules.ts). Events that
 * are not transitions change the stage only from the stage they were written in, so a
 * concurrent one folded after a transition cannot undo it.
 */
export function applyEffect(s: ApplicationState, e: VettingEvent): void {
  const by = { eventId: e.id, at: e.at, by: e.by };
  s.applicationId ??= e.applicationId;
  switch (e.type) {
    case 'submitted':
      s.submitted = by;
      moveTo(s, 'submitted', e.at);
      return;
    case 'screened':
      s.screening = { ...by, criteria: e.payload.criteria, outcome: e.payload.outcome, ...(e.payload.what !== undefined ? { what: e.payload.what } : {}) };
      s.infoRequest = e.payload.outcome === 'info_requested' ? { ...by, what: e.payload.what ?? '', from: 'screening' } : null;
      moveTo(s, e.payload.outcome, e.at);
      return;
    case 'info_received':
      s.answers.push({ ...by, answer: e.payload.answer });
      if (s.stage === 'info_requested' || s.stage === 'returned') moveTo(s, s.stage === 'returned' ? 'in_review' : 'submitted', e.at);
      s.infoRequest = null;
      return;
    case 'assigned':
      s.assignments = s.assignments.filter((a) => a.reviewerId !== e.payload.reviewerId);
      s.assignments.push({ ...by, reviewerId: e.payload.reviewerId, override: e.payload.override ?? null });
      if (s.stage === 'eligible') moveTo(s, 'in_review', e.at);
      return;
    case 'unassigned':
      s.assignments = s.assignments.filter((a) => a.reviewerId !== e.payload.reviewerId);
      return;
    case 'review_submitted':
      s.reviews = s.reviews.filter((r) => r.reviewerId !== e.payload.reviewerId);
      s.reviews.push({ ...by, ...e.payload });
      return;
    case 'decided':
      s.decision = { ...by, ...e.payload };
      s.infoRequest = e.payload.outcome === 'return' ? { ...by, what: e.payload.reason, from: 'decision' } : null;
      moveTo(s, e.payload.outcome === 'accept' ? 'accepted' : e.payload.outcome === 'reject' ? 'rejected' : 'returned', e.at);
      return;
    case 'published':
      s.publication = { ...by, ...e.payload };
      moveTo(s, 'published', e.at);
      return;
    case 'withdrawn':
      s.withdrawal = { ...by, reason: e.payload.reason };
      s.infoRequest = null;
      moveTo(s, 'withdrawn', e.at);
      return;
    case 'note':
      s.notes.push({ ...by, text: e.payload.text });
      return;
  }
}
