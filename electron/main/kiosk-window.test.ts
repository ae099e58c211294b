import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/contract';
import { applyKioskMode, kioskModeAfter, type KioskWindow } from './kiosk-window';

function fakeWindow(kiosk = false) {
  const state = { kiosk, menuBar: true, closable: true, setKioskCalls: 0 };
  const window: KioskWindow = {
    isKiosk: () => state.kiosk,
    setKiosk: (flag) => {
      state.kiosk = flag;
      state.setKioskCalls++;
    },
    setMenuBarVisibility: (visible) => (state.menuBar = visible),
    setClosable: (closable) => (state.closable = closable),
  };
  return { window, state };
}

describe('the kiosk window', () => {
  it('follows the core’s answers to the kiosk methods, and nothing else', () => {
    const on = ok({ active: true, lang: 'id', submitted: 0 });
    const off = ok({ active: false, lang: null, submitted: 3 });
    expect(kioskModeAfter('kiosk.start', on)).toBe(true);
    expect(kioskModeAfter('kiosk.status', on)).toBe(true);
    expect(kioskModeAfter('kiosk.status', off)).toBe(false);
    expect(kioskModeAfter('kiosk.exit', off)).toBe(false);
    // A refused PIN leaves the window as it is; so does every other method.
    expect(kioskModeAfter('kiosk.exit', fail('KIOSK_PIN_WRONG', 'Wrong PIN.'))).toBeNull();
    expect(kioskModeAfter('kiosk.submit', ok({ reference: 'AB12-CD34' }))).toBeNull();
    expect(kioskModeAfter('experts.search', ok({ active: false }))).toBeNull();
    expect(kioskModeAfter(42, on)).toBeNull();
  });

  it('goes full-screen without menu bar or close button, and back', () => {
    const { window, state } = fakeWindow();
    applyKioskMode(window, true);
    expect(state).toMatchObject({ kiosk: true, menuBar: false, closable: false });
    applyKioskMode(window, true);
    expect(state.setKioskCalls).toBe(1);
    applyKioskMode(window, false);
    expect(state).toMatchObject({ kiosk: false, menuBar: true, closable: true });
  });
});
