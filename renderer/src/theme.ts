import { DEFAULT_THEME, Drawer, Modal, Notification, createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

/**
 * The app's Mantine theme, tuned so text meets WCAG AA contrast (4.5:1) in both colour
 * schemes; e2e/accessibility.spec.ts checks every screen with axe.
 *
 * Mantine's defaults fall short in three places: the primary shade 6 under white text
 * (blue 3.6:1), `dimmed` text (gray 6 on white 3.3:1, dark 2 on dark 6 3.5:1), and the
 * "light" variant's text (badges, active nav links: shade 6 on its own tint, 2.3–3.2:1).
 */
export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 under white text: blue 5.0:1, red 4.5:1 (shade 6: 3.6:1 and 3.3:1).
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Noto Sans", system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans Thai", "Noto Sans Khmer", "Noto Sans Lao", "Noto Sans Myanmar", sans-serif',
  components: {
    Modal: Modal.extend({ styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } } }),
    Drawer: Drawer.extend({ styles: { title: { fontWeight: 600 } } }),
    // Under a title Mantine greys the message with gray 6 / dark 2 (3.3:1); dimmed passes.
    Notification: Notification.extend({ styles: { description: { color: 'var(--mantine-color-dimmed)' } } }),
  },
});

/**
 * How much darker than shade 9 the light variant's text is in the light scheme, per colour:
 * enough for ≥ 4.5:1 on the variant's tint over white and over gray 0 (hovered rows).
 * Yellow, lime and green are light hues and need the most.
 */
const lightTextDarkening: Partial<Record<string, number>> = { yellow: 0.35, lime: 0.25, green: 0.25 };

export const cssVariablesResolver: CSSVariablesResolver = () => {
  const light: Record<string, string> = {
    // 5.8:1 on white, 5.2:1 on the active row's blue 0.
    '--mantine-color-dimmed': '#5f666d',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  };
  for (const name of Object.keys(DEFAULT_THEME.colors)) {
    light[`--mantine-color-${name}-light-color`] = darken(DEFAULT_THEME.colors[name]![9], lightTextDarkening[name] ?? 0.15);
  }
  return {
    variables: {},
    light,
    dark: {
      // Dark 1 on the dark 6 of popovers and notifications: 6.9:1 (dark 2: 3.5:1).
      '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
      '--mantine-color-error': 'var(--mantine-color-red-5)',
    },
  };
};
