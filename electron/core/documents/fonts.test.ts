import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontBytes, fontsDir, faceFor } from './fonts';

describe('fonts', () => {
  it('are found by walking up from the code: the checkout, or next to app.asar in an installed app', () => {
    const root = mkdtempSync(join(tmpdir(), 'fonts-'));
    // An installed app: <resources>/app.asar/out/main/core-worker.js and <resources>/resources/fonts.
    mkdirSync(join(root, 'resources', 'fonts'), { recursive: true });
    writeFileSync(join(root, 'resources', 'fonts', 'NotoSans-Regular.ttf'), '');
    const code = join(root, 'app.asar', 'out', 'main');
    mkdirSync(code, { recursive: true });
    expect(fontsDir(code)).toBe(join(root, 'resources', 'fonts'));
  });

  it('ship every face the scripts use, as TrueType', () => {
    for (const script of ['latin', 'thai', 'lao', 'khmer', 'myanmar'] as const) {
      for (const [bold, italic] of [[false, false], [true, false], [false, true], [true, true]] as const) {
        const bytes = fontBytes(faceFor(script, bold, italic).file);
        expect(bytes.readUInt32BE(0)).toBe(0x00010000);
      }
    }
  });

  it('fall back to upright where a script has no italic', () => {
    expect(faceFor('thai', true, true)).toEqual({ file: 'NotoSansThai-Bold', style: 'bold' });
    expect(faceFor('latin', true, true)).toEqual({ file: 'NotoSans-BoldItalic', style: 'boldItalic' });
  });
});
