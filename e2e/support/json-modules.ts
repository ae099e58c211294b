import { register } from 'node:module';

/**
 * Registers json-modules-hooks.mjs in this worker. Modules that import JSON (the core) must
 * be imported dynamically after this module has run, because static imports are resolved
 * before any module body executes.
 */
register('./json-modules-hooks.mjs', import.meta.url);
