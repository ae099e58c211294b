import type { z } from 'zod';
import type { dashboardSchema } from '../../../../shared/contract/vetting';
import { countryCodes } from '../../../../shared/model/countries';
import { stages, type Stage } from '../../../../shared/model/vetting/state';

export type Dashboard = z.infer<typeof dashboardSchema>;

/** One colour per stage, the same in every chart and legend (Mantine palette names). */
export const stageColors: Record<Stage, string> = {
  new: 'gray.5',
  submitted: 'blue.4',
  info_requested: 'yellow.6',
  eligible: 'cyan.6',
  not_eligible: 'orange.7',
  in_review: 'indigo.6',
  returned: 'grape.5',
  accepted: 'teal.6',
  rejected: 'red.7',
  published: 'green.8',
  withdrawn: 'dark.3',
  conflict: 'pink.7',
};

/**
 * The stage × country figures as a matrix: one row per country that has applications, one
 * column per stage that occurs, in the model's orders (so the chart, its legend and the table
 * agree), with totals.
 */
export function stageCountryMatrix(d: Dashboard) {
  const count = new Map<string, number>();
  for (const c of d.byStageCountry) count.set(`${c.country}|${c.stage}`, (count.get(`${c.country}|${c.stage}`) ?? 0) + c.count);
  const usedStages = stages.filter((s) => d.byStageCountry.some((c) => c.stage === s && c.count > 0));
  const usedCountries = countryCodes.filter((k) => d.byStageCountry.some((c) => c.country === k && c.count > 0));
  const rows = usedCountries.map((country) => {
    const cells = Object.fromEntries(usedStages.map((s) => [s, count.get(`${country}|${s}`) ?? 0])) as Record<Stage, number>;
    return { country, cells, total: usedStages.reduce((sum, s) => sum + (cells[s] ?? 0), 0) };
  });
  const stageTotals = Object.fromEntries(usedStages.map((s) => [s, rows.reduce((sum, r) => sum + r.cells[s], 0)])) as Record<Stage, number>;
  return { stages: usedStages, rows, stageTotals };
}

/**
 * The charts are drawn for the eye only (aria-hidden, the tables beside them carry the same
 * figures): without recharts' keyboard layer, nothing hidden can take the focus.
 */
export const hiddenChart = { accessibilityLayer: false, tabIndex: -1 } as const;
