import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string;
  /** Window title; the product name. */
  title?: string;
  /** The OS theme, so the first paint matches the renderer's light or dark background. */
  dark?: boolean;
}

/** Mantine's default body colours (white, dark[7]): no flash of another colour before React paints. */
export const BACKGROUND_LIGHT = '#ffffff';
export const BACKGROUND_DARK = '#242424';

/**
 * The main window. The renderer gets no Node and no Electron: it runs sandboxed, in its own
 * JavaScript world, and reaches the app only through the preload's `curator` bridge.
 */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: input.title ?? 'A-EXPECS Curator',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show', so the curator never sees a blank white frame.
    show: false,
    backgroundColor: input.dark ? BACKGROUND_DARK : BACKGROUND_LIGHT,
    autoHideMenuBar: false,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}
