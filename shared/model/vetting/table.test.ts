import { describe, expect, it } from 'vitest';
import { stateMachineMarkdown, stateMachineTable } from './table';

describe('the state machine table', () => {
  it('gives every stage × event a target stage or a refusal code', () => {
    const table = stateMachineTable();
    const cell = (stage: string, event: string) => (table.find((r) => r.stage === stage)!.cells as Record<string, unknown>)[event];
    expect(cell('new', 'submitted')).toEqual({ to: 'submitted' });
    expect(cell('new', 'note')).toEqual({ refused: 'NOT_SUBMITTED' });
    expect(cell('in_review', 'decided:accept')).toEqual({ to: 'accepted' });
    expect(cell('accepted', 'published')).toEqual({ to: 'published' });
    expect(cell('published', 'withdrawn')).toEqual({ refused: 'WRONG_STAGE' });
    expect(cell('conflict', 'assigned')).toEqual({ refused: 'IN_CONFLICT' });
    expect(cell('conflict', 'decided:reject')).toEqual({ to: 'rejected' });
    expect(cell('conflict', 'note')).toEqual({ to: 'conflict' });
  });

  it('prints as Markdown, one row per stage', () => {
    const md = stateMachineMarkdown();
    if (process.env.PRINT_STATE_TABLE) console.log(md);
    expect(md.split('\n')).toHaveLength(2 + stateMachineTable().length);
  });
});
