import type { Migration } from '../migrate';
import { m001Init } from './001_init';

/** Every migration, in order. Bundled into the code: the app never reads them from disk. */
export const migrations: readonly Migration[] = [m001Init];
