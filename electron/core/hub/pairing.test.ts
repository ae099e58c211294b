import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newSecret, pairingCode, pairingUri, parsePairing, pinMatches, PIN_PREFIX_BITS } from './pairing';

const fp = (seed: string) => createHash('sha256').update(seed).digest('hex');

describe('pairing code', () => {
  it('carries 80 bits of the certificate fingerprint and an 80-bit secret, and reads back as typed in any case and spacing', () => {
    expect(PIN_PREFIX_BITS).toBeGreaterThanOrEqual(60);
    const secret = newSecret();
    expect(secret).toMatch(/^[A-HJ-NP-Z2-9]{16}$/);
    const code = pairingCode(fp('hub one'), secret);
    expect(code).toMatch(/^([A-HJ-NP-Z2-9]{4}-){7}[A-HJ-NP-Z2-9]{4}$/);
    const typed = parsePairing(`  ${code.toLowerCase().replace(/-/g, ' ')} `);
    expect(typed).toEqual({ url: null, pin: fp('hub one').slice(0, 20), secret });
    expect(pinMatches(typed.pin, fp('hub one'))).toBe(true);
    expect(pinMatches(typed.pin, fp('hub two'))).toBe(false);
  });

  it('reads the QR text: address, full fingerprint and secret', () => {
    const secret = newSecret();
    const text = pairingUri('https://192.168.1.20:47800', fp('hub'), secret);
    expect(parsePairing(text)).toEqual({ url: 'https://192.168.1.20:47800', pin: fp('hub'), secret });
    expect(pinMatches(fp('hub'), fp('hub'))).toBe(true);
    expect(pinMatches(fp('hub'), fp('other'))).toBe(false);
  });

  it('refuses a malformed code or QR text with INVALID_INPUT, and never accepts a pin shorter than 80 bits', () => {
    for (const bad of ['ABCD-EFGH', 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-678O', 'accsm-hub://1.2.3.4:1?fp=abc&s=ABCD', '']) {
      expect(() => parsePairing(bad)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
    expect(pinMatches('', fp('hub'))).toBe(false);
    expect(pinMatches(fp('hub').slice(0, 19), fp('hub'))).toBe(false);
  });

  it('makes a different secret each time', () => {
    expect(new Set(Array.from({ length: 50 }, newSecret)).size).toBe(50);
  });
});
