import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativePaths } from '../../scripts/electron-native.mjs';
import { messages } from './messages';
import { electronNativeBinding, isNativeModuleMismatch, nativeDriverAdvice } from './native-binding';

const root = path.join('/repo');
const mainDir = path.join(root, 'out', 'main');
const built = electronNativePaths(root).binding;
const exists = (files: string[]) => (file: string) => files.includes(file);

describe('electronNativeBinding', () => {
  it('from source, loads the Electron build that scripts/electron-native.mjs makes', () => {
    expect(electronNativeBinding({ isPackaged: false, mainDir, exists: exists([built]) })).toBe(built);
  });

  it('from source without that build, leaves better-sqlite3 to its own lookup', () => {
    expect(electronNativeBinding({ isPackaged: false, mainDir, exists: exists([]) })).toBeUndefined();
  });

  it('packaged, always uses the module electron-builder rebuilt', () => {
    expect(electronNativeBinding({ isPackaged: true, mainDir, exists: exists([built]) })).toBeUndefined();
  });
});

// Node's message, as better-sqlite3 throws it when node_modules holds the Node build.
const mismatch = `The module '/repo/node_modules/better-sqlite3/build/Release/better_sqlite3.node'
was compiled against a different Node.js version using
NODE_MODULE_VERSION 115. This version of Node.js requires
NODE_MODULE_VERSION 150. Please try re-compiling or re-installing
the module (for instance, using \`npm rebuild\` or \`npm install\`).`;

describe('nativeDriverAdvice', () => {
  it('recognises an ABI mismatch, by either of its phrasings', () => {
    expect(isNativeModuleMismatch(mismatch)).toBe(true);
    expect(isNativeModuleMismatch('NODE_MODULE_VERSION 115')).toBe(true);
    expect(isNativeModuleMismatch('was compiled against a different Node.js version')).toBe(true);
    expect(isNativeModuleMismatch('SQLITE_CANTOPEN: unable to open database file')).toBe(false);
  });

  it('from source, says that `npm start` builds the driver for Electron, in English and Bahasa Indonesia', () => {
    expect(nativeDriverAdvice(mismatch, false, messages.en)).toContain('npm start');
    expect(nativeDriverAdvice(mismatch, false, messages.en)).toContain('Electron');
    expect(nativeDriverAdvice(mismatch, false, messages.id)).toContain('npm start');
    expect(nativeDriverAdvice(mismatch, false, messages.id)).toContain('membangun driver');
  });

  it('packaged, where there is no npm, says to install the app again', () => {
    expect(nativeDriverAdvice(mismatch, true, messages.en)).toBe(messages.en.nativeDriverReinstall);
    expect(nativeDriverAdvice(mismatch, true, messages.id)).toBe(messages.id.nativeDriverReinstall);
  });

  it('adds nothing to other start-up failures', () => {
    expect(nativeDriverAdvice('SQLITE_CANTOPEN: unable to open database file', false, messages.en)).toBeNull();
  });
});
