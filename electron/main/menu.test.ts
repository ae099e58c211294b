import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu';
import { languageOf, messages } from './messages';

/** Every role and label in the menu, depth first. */
function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}
const roles = (items: MenuItemConstructorOptions[]) => flatten(items).map((item) => item.role).filter(Boolean);

describe('menuTemplate', () => {
  it('offers reload and developer tools only in development', () => {
    const dev = roles(menuTemplate({ text: messages.en, isPackaged: false, platform: 'linux' }));
    const packaged = roles(menuTemplate({ text: messages.en, isPackaged: true, platform: 'linux' }));
    expect(dev).toContain('reload');
    expect(dev).toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('forceReload');
    expect(packaged).not.toContain('toggleDevTools');
  });

  it('has File/Quit, the edit roles and Help/About', () => {
    const template = menuTemplate({ text: messages.en, isPackaged: true, platform: 'win32' });
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(template)).toEqual(expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'about']));
  });

  it('speaks Bahasa Indonesia', () => {
    const template = menuTemplate({ text: messages.id, isPackaged: true, platform: 'linux' });
    expect(template.map((item) => item.label)).toEqual(['Berkas', 'Sunting', 'Tampilan', 'Jendela', 'Bantuan']);
    const labels = flatten(template).map((item) => item.label);
    expect(labels).toContain('Keluar');
    expect(labels).toContain('Tentang A-EXPECS Curator');
  });

  it('follows macOS conventions there', () => {
    const template = menuTemplate({ text: messages.en, isPackaged: true, platform: 'darwin' });
    expect(template[0]?.role).toBe('appMenu');
    expect(roles(template.slice(1, 2))).toEqual(['close']);
  });
});

describe('languageOf', () => {
  it('picks Bahasa Indonesia for Indonesian locales and English for the rest', () => {
    expect(languageOf('id')).toBe('id');
    expect(languageOf('id-ID')).toBe('id');
    expect(languageOf('in_ID')).toBe('id');
    expect(languageOf('en-US')).toBe('en');
    expect(languageOf('ms-MY')).toBe('en');
    expect(languageOf('')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });

  it('has every message in both languages', () => {
    expect(Object.keys(messages.id).sort()).toEqual(Object.keys(messages.en).sort());
    for (const [key, value] of Object.entries(messages.id)) {
      if (typeof value === 'string') expect(value, key).not.toBe('');
    }
  });
});
