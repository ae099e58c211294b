import { z } from 'zod';
import { figureFiltersSchema, figureMetrics, figureSchema } from '../model/reports/figure';

/**
 * Figures from the directory (issue 8, point 4). `figures.compute` counts the directory now,
 * with the directory search's filters; the caller keeps the answer in a Figure (adding its id,
 * title, chart kind and section), and refreshing a figure is computing it again and writing it
 * back with the new takenAt, total and rows. Spread into the one contract (methods.ts).
 */

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const figureComputeInputSchema = z.object({
  metric: z.enum(figureMetrics),
  filters: figureFiltersSchema.default({}),
  /** The language the rows are labelled in (a document exported in the other relabels them by key). */
  lang: z.enum(['en', 'id']).default('en'),
});

/** What a computation yields: the parts of a Figure that come from the data. */
export const figureDataSchema = figureSchema.pick({ metric: true, filters: true, takenAt: true, total: true, rows: true });
export type FigureData = z.infer<typeof figureDataSchema>;

export const figuresContract = {
  'figures.compute': method(figureComputeInputSchema, figureDataSchema),
} as const;
