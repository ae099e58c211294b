// Module resolve hook: give `.json` imports the `type: 'json'` attribute Node's ESM loader
// requires. The core imports JSON the way bundlers and `moduleResolution: bundler` allow
// (no attribute); tsx, Vite and vitest accept that, Playwright's loader does not.
export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  const hasAttributes = context.importAttributes && Object.keys(context.importAttributes).length > 0;
  if (result.url.endsWith('.json') && !hasAttributes) return { ...result, importAttributes: { type: 'json' } };
  return result;
}
