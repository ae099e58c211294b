import type { Payloads } from './events';
import { Branch, eventId, payloads, reviewed } from './samples';
import { stages, type Stage } from './state';

/**
 * The state machine as a table of stages × events, computed by running checkNextEvent and the
 * state computation on a sample application in each stage — so the table cannot drift from the
 * rules. A cell is the stage the event leads to, or the refusal code.
 * Samples: `in_review` has one reviewer (r1) assigned whose review is in; events name r1 for
 * unassign/review and a new reviewer r2 for assign.
 */
export const tableEvents = [
  'submitted',
  'screened:eligible',
  'screened:not_eligible',
  'screened:info_requested',
  'info_received',
  'assigned',
  'unassigned',
  'review_submitted',
  'decided:accept',
  'decided:reject',
  'decided:return',
  'published',
  'withdrawn',
  'note',
] as const;
export type TableEvent = (typeof tableEvents)[number];

const samplePayload = (column: TableEvent): [keyof Payloads, unknown] => {
  switch (column) {
    case 'screened:eligible': return ['screened', payloads.eligible];
    case 'screened:not_eligible': return ['screened', payloads.notEligible];
    case 'screened:info_requested': return ['screened', payloads.infoRequested];
    case 'info_received': return ['info_received', { answer: 'Attached' }];
    case 'assigned': return ['assigned', { reviewerId: 'r2' }];
    case 'unassigned': return ['unassigned', { reviewerId: 'r1' }];
    case 'review_submitted': return ['review_submitted', payloads.review('r1')];
    case 'decided:accept': return ['decided', { outcome: 'accept', reason: '', expertId: eventId(999) }];
    case 'decided:reject': return ['decided', { outcome: 'reject', reason: 'Too few years' }];
    case 'decided:return': return ['decided', { outcome: 'return', reason: 'Send the certificates' }];
    case 'published': return ['published', { expertId: eventId(999), sections: ['career'] }];
    case 'withdrawn': return ['withdrawn', { reason: 'Took another post' }];
    case 'note': return ['note', { text: 'Called the applicant' }];
    default: return ['submitted', {}];
  }
};

/** A sample application in each stage. */
function sample(stage: Stage): Branch {
  const w = (b: Branch, column: TableEvent) => {
    const [type, payload] = samplePayload(column);
    b.write(type, payload as never);
    return b;
  };
  const submitted = () => w(new Branch(), 'submitted');
  switch (stage) {
    case 'new': return new Branch();
    case 'submitted': return submitted();
    case 'info_requested': return w(submitted(), 'screened:info_requested');
    case 'eligible': return w(submitted(), 'screened:eligible');
    case 'not_eligible': return w(submitted(), 'screened:not_eligible');
    case 'in_review': return reviewed('r1');
    case 'returned': return w(reviewed('r1'), 'decided:return');
    case 'accepted': return w(reviewed('r1'), 'decided:accept');
    case 'rejected': return w(reviewed('r1'), 'decided:reject');
    case 'published': return w(w(reviewed('r1'), 'decided:accept'), 'published');
    case 'withdrawn': return w(submitted(), 'withdrawn');
    case 'conflict': {
      const a = reviewed('r1');
      const b = a.fork();
      w(a, 'decided:accept');
      w(b, 'decided:reject');
      return a.merge(b);
    }
  }
}

export type TableCell = { to: Stage } | { refused: string };

/** Every stage × event: where the event leads, or why it is refused. */
export function stateMachineTable(): { stage: Stage; cells: Record<TableEvent, TableCell> }[] {
  return stages.map((stage) => {
    const cells = {} as Record<TableEvent, TableCell>;
    for (const column of tableEvents) {
      const branch = sample(stage);
      const [type, payload] = samplePayload(column);
      const verdict = branch.tryWrite(type, payload as never);
      cells[column] = verdict.ok ? { to: branch.state.stage } : { refused: verdict.code };
    }
    return { stage, cells };
  });
}

/** The table as Markdown, for the closing note and the docs: "→ stage" or the refusal code. */
export function stateMachineMarkdown(): string {
  const rows = stateMachineTable();
  const head = `| stage \\ event | ${tableEvents.join(' | ')} |`;
  const rule = `|---|${tableEvents.map(() => '---').join('|')}|`;
  const body = rows.map((r) => `| **${r.stage}** | ${tableEvents.map((c) => cellText(r.cells[c], r.stage)).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

const cellText = (cell: TableCell, from: Stage) => ('to' in cell ? (cell.to === from ? '(stays)' : `→ ${cell.to}`) : `✗ ${cell.refused}`);

