import { z } from 'zod';

/**
 * The renderer's CSP has no 'unsafe-eval' (electron/main/csp.ts), so zod must not probe for
 * eval (`new Function('')`) to compile its fast object parsers: the probe fails, as it should,
 * but every window then reports a CSP violation. Imported first by main.tsx, before any module
 * that parses a schema when it loads.
 */
z.config({ jitless: true });
