/**
 * The Electron shell: lifecycle, the window, security, menu, updater, and the one IPC
 * handler. Every decision that can be a plain function lives in its own tested module;
 * this file only wires them to Electron.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, safeStorage, session, shell, type WebContents } from 'electron';
import { startCoreWorker, type CoreHandle } from '../core/worker/host';
import { resolveAppFile, mimeTypeFor, serveAttachment, servePhoto, ATTACHMENT_PREFIX } from './app-protocol';
import { contentSecurityPolicy } from './csp';
import { selectDataDir } from './data-dir';
import { agreedToOpen, externalLinkPrompt, oneQuestionAtATime } from './external-links';
import { applySpellcheckPlan, denyAllPermissions, enforceCsp, hardenWebContents, type AskToOpenExternal } from './harden';
import { menuTemplate } from './menu';
import { languageOf, messages } from './messages';
import { electronNativeBinding, nativeDriverAdvice } from './native-binding';
import { forwardEvents, handleRpc } from './rpc';
import { applyKioskMode, kioskModeAfter } from './kiosk-window';
import { updatePlan } from './update-policy';
import { spellcheckPlan } from './spellcheck';
import { safeStorageCipher } from './secret-cipher';
import { scheduleUpdateCheck } from './updater';
import { APP_ORIGIN, APP_SCHEME, originOf } from './urls';
import { windowOptions } from './window';

// electron-vite sets this in `electron-vite dev`; a packaged app ignores it.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appOrigin = devServerUrl ? originOf(new URL(devServerUrl)) : APP_ORIGIN;
const csp = contentSecurityPolicy(devServerUrl ? { devServerUrl } : {});
const rendererRoot = path.join(import.meta.dirname, '../renderer');
const preloadPath = path.join(import.meta.dirname, '../preload/index.cjs');
// The core's thread: electron.vite.config.ts builds electron/core/worker/entry.ts next to this file.
const coreWorkerEntry = path.join(import.meta.dirname, 'core-worker.js');

// Must happen before 'ready': app:// behaves like https (origin, fetch, secure context).
protocol.registerSchemesAsPrivileged([
  // stream: <audio> plays interview recordings from app:// (buffered and seekable).
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true } },
]);
app.enableSandbox();

// Before the single-instance lock, which lives in the userData folder.
const dataDir = selectDataDir({ appData: app.getPath('appData'), isPackaged: app.isPackaged, env: process.env, cwd: process.cwd() });
app.setPath('userData', dataDir.dir);

let core: CoreHandle | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the database; it will bring its window forward.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigin, askToOpenExternal));
  app.whenReady().then(start).catch((error: unknown) => fail(error));
}

async function start() {
  const text = messages[languageOf(app.getLocale())];
  // First thing after 'ready', before any window, so the spell-checker never starts a download.
  applySpellcheckPlan(session.defaultSession, spellcheckPlan({ platform: process.platform, available: session.defaultSession.availableSpellCheckerLanguages }));

  try {
    // From source, better-sqlite3's Electron build made by `npm start` (node_modules has the Node one).
    const nativeBinding = electronNativeBinding({ isPackaged: app.isPackaged, mainDir: import.meta.dirname, exists: existsSync });
    // The core runs on its own thread: a long import or sync never stalls IPC or the window.
    core = await startCoreWorker({
      dataDir: app.getPath('userData'),
      mode: 'electron',
      version: app.getVersion(),
      nativeBinding,
      entry: coreWorkerEntry,
      // Demo data only from source or in a build made for demonstrations.
      packaged: app.isPackaged,
      demoBuild: process.env.CURATOR_DEMO_BUILD === '1',
      // The sync token sealed by the system keychain where there is one (after 'ready', as safeStorage requires).
      secretCipher: await safeStorageCipher(safeStorage, process.platform),
    });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'DB_TOO_NEW') {
      // Expected after a downgrade: say what to do and leave the database untouched.
      dialog.showErrorBox(text.dbTooNewTitle, `${message}\n\n${text.dbTooNewAdvice}`);
      app.quit();
    } else {
      const advice = nativeDriverAdvice(message, app.isPackaged, text);
      dialog.showErrorBox(text.startFailedTitle, advice ? `${message}\n\n${advice}` : message);
      app.exit(1);
    }
    return;
  }
  const openedCore = core;

  denyAllPermissions(session.defaultSession);
  // Attachments keep their own sandbox policy (shared/attachmentFiles.ts); every other response gets the page's.
  enforceCsp(session.defaultSession, csp, (url) => url.startsWith(`${APP_ORIGIN}${ATTACHMENT_PREFIX}`));
  protocol.handle(
    APP_SCHEME,
    (request) =>
      servePhoto(request.url, (hash, size) => openedCore.photoFile(hash, size)) ??
      serveAttachment(request.url, (hash) => openedCore.attachmentFile(hash), request.headers.get('range')) ??
      serveRenderer(request),
  );

  ipcMain.handle('rpc', async (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    // A frame without a parent is the top frame of its page; iframes never get to call.
    const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
    const result = await handleRpc((m, i) => openedCore.dispatch(m, i), appOrigin, sender, method, input);
    // The workshop kiosk: the window follows the core (the renderer asks kiosk.status at every start).
    const kiosk = kioskModeAfter(method, result);
    const window = kiosk === null ? null : BrowserWindow.fromWebContents(event.sender);
    if (window && kiosk !== null) applyKioskMode(window, kiosk);
    return result;
  });
  forwardEvents(
    (name, listener) => openedCore.on(name, listener),
    (name, payload) => {
      for (const window of BrowserWindow.getAllWindows()) {
        if (!window.webContents.isDestroyed()) window.webContents.send('event', name, payload);
      }
    },
  );

  app.setAboutPanelOptions({ applicationName: 'A-EXPECS Curator', applicationVersion: app.getVersion(), copyright: 'ACCSM Secretariat' });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ text, isPackaged: app.isPackaged, platform: process.platform })));

  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });

  scheduleUpdateCheck(
    updatePlan({ isPackaged: app.isPackaged, hasUpdateFeed: existsSync(path.join(process.resourcesPath, 'app-update.yml')), env: process.env }),
    text,
    () => mainWindow,
  );
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(windowOptions({ preloadPath, dark: nativeTheme.shouldUseDarkColors }));
  window.once('ready-to-show', () => window.show());
  // In the workshop kiosk the applicant cannot close the window (setClosable does nothing on Linux).
  window.on('close', (event) => {
    if (window.isKiosk()) event.preventDefault();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

/** app:// → a file of the built renderer, with the CSP on the response itself. */
async function serveRenderer(request: Request): Promise<Response> {
  const file = resolveAppFile(rendererRoot, request.url);
  if (!file) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: { 'Content-Type': mimeTypeFor(file), 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

/** The curator decides on every external link; the question and its wording come from external-links.ts. */
const askToOpenExternal: AskToOpenExternal = oneQuestionAtATime(async (url: string, contents: WebContents) => {
  const prompt = externalLinkPrompt(url, messages[languageOf(app.getLocale())]);
  if (!prompt) return;
  const parent = BrowserWindow.fromWebContents(contents);
  const { response } = await (parent ? dialog.showMessageBox(parent, prompt.dialog) : dialog.showMessageBox(prompt.dialog));
  if (agreedToOpen(response)) await shell.openExternal(prompt.url);
});

function fail(error: unknown) {
  console.error(error);
  app.exit(1);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// Closing the database (WAL checkpoint) happens on the core's thread: hold the quit until it is done.
app.on('will-quit', (event) => {
  const closing = core;
  if (!closing) return;
  core = null;
  event.preventDefault();
  closing
    .close()
    .catch((error: unknown) => console.error(error))
    .finally(() => app.quit());
});
