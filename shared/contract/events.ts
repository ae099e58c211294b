import { z } from 'zod';
import { syncStatusSchema } from './sync';

/** Events the core pushes to the UI: progress of long work, and "data changed" hints. */
export const eventSchemas = {
  progress: z.object({
    task: z.enum(['demo', 'import', 'export', 'sync']),
    done: z.number().int(),
    total: z.number().int(),
    finished: z.boolean(),
  }),
  changed: z.object({ entities: z.array(z.string()) }),
  /** Where sync stands, sent whenever it moves (the shell's status line listens). */
  sync: syncStatusSchema,
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export const eventNames = Object.keys(eventSchemas) as EventName[];
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventSchemas, name);
