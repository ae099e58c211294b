import { describe, expect, it } from 'vitest';
import { stageCountryMatrix, type Dashboard } from './dashboardModel';

describe('stage × country matrix', () => {
  it('keeps only the stages and countries that occur, in the model’s order, with totals', () => {
    const d: Dashboard = {
      byStageCountry: [
        { stage: 'in_review', country: 'TH', count: 2 },
        { stage: 'submitted', country: 'ID', count: 3 },
        { stage: 'in_review', country: 'ID', count: 1 },
        { stage: 'published', country: 'ID', count: 0 },
      ],
      medianDaysPerStage: [],
      reviewerLoad: [],
      total: 6,
    };
    const m = stageCountryMatrix(d);
    expect(m.stages).toEqual(['submitted', 'in_review']);
    expect(m.rows.map((r) => r.country)).toEqual(['ID', 'TH']);
    expect(m.rows[0]).toMatchObject({ cells: { submitted: 3, in_review: 1 }, total: 4 });
    expect(m.rows[1]).toMatchObject({ cells: { submitted: 0, in_review: 2 }, total: 2 });
    expect(m.stageTotals).toEqual({ submitted: 3, in_review: 3 });
  });
});
