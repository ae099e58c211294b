import { describe, expect, it } from 'vitest';
import { BACKGROUND_DARK, BACKGROUND_LIGHT, windowOptions } from './window';

describe('windowOptions', () => {
  const options = windowOptions({ preloadPath: '/app/out/preload/index.cjs' });
  const web = options.webPreferences ?? {};

  it('isolates the renderer from Node and Electron', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('loads the given preload', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
  });

  it('stays hidden until the first paint is ready, at a usable size', () => {
    expect(options.show).toBe(false);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
  });

  it('paints the background of the theme in use', () => {
    expect(options.backgroundColor).toBe(BACKGROUND_LIGHT);
    expect(windowOptions({ preloadPath: '/p', dark: true }).backgroundColor).toBe(BACKGROUND_DARK);
  });
});
