import type { MenuItemConstructorOptions } from 'electron';
import type { Messages } from './messages';

export interface MenuContext {
  text: Messages;
  /** Reload and developer tools exist only in development: a packaged app has nothing to debug for a curator. */
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

/** The application menu: standard roles only, so Electron supplies shortcuts and platform behaviour. */
export function menuTemplate({ text, isPackaged, platform }: MenuContext): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(isPackaged
      ? []
      : ([
          { role: 'reload', label: text.reload },
          { role: 'toggleDevTools', label: text.devTools },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])),
    { role: 'resetZoom', label: text.resetZoom },
    { role: 'zoomIn', label: text.zoomIn },
    { role: 'zoomOut', label: text.zoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: text.fullScreen },
  ];

  return [
    // macOS puts Quit and About in the menu named after the app.
    ...(mac ? ([{ role: 'appMenu' }] satisfies MenuItemConstructorOptions[]) : []),
    { label: text.file, submenu: [mac ? { role: 'close' } : { role: 'quit', label: text.quit }] },
    {
      label: text.edit,
      submenu: [
        { role: 'undo', label: text.undo },
        { role: 'redo', label: text.redo },
        { type: 'separator' },
        { role: 'cut', label: text.cut },
        { role: 'copy', label: text.copy },
        { role: 'paste', label: text.paste },
        { role: 'selectAll', label: text.selectAll },
      ],
    },
    { label: text.view, submenu: view },
    { label: text.window, submenu: [{ role: 'minimize', label: text.minimize }] },
    { label: text.help, role: 'help', submenu: [{ role: 'about', label: text.about }] },
  ];
}
