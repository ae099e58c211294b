import { writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * Accessibility checks with axe-core: WCAG 2.1 A and AA rules plus axe's best practices
 * (heading order, landmarks). A serious or critical violation fails the test; the others
 * (moderate, minor) are reported in the test's attachments so they stay visible without
 * blocking. Each check attaches its full list of violations as JSON, so a report can say
 * per screen what axe found.
 */

const FAILING_IMPACTS = new Set(['serious', 'critical']);

export interface AxeSummary {
  screen: string;
  violations: { id: string; impact: string | null; nodes: number; help: string; targets: string[] }[];
}

function summarise(screen: string, violations: Result[]): AxeSummary {
  return {
    screen,
    violations: violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      nodes: v.nodes.length,
      help: v.help,
      targets: v.nodes.slice(0, 8).map((n) => `${n.target.join(' ')} :: ${n.any.map((c) => c.message).join('; ')}`),
    })),
  };
}

/** Runs axe on what the page shows now; fails on serious or critical violations. */
export async function expectAccessible(page: Page, testInfo: TestInfo, screen: string): Promise<AxeSummary> {
  // Let Mantine's enter transitions finish: a half-faded dialog or toast has half its contrast.
  // A transition mounted this frame starts on the next one (it is not running yet, only
  // pending), so wait two frames first, count pending ones as busy, and want two quiet looks
  // in a row (a toast that appeared between the checks was scanned half-faded once in CI).
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const busy = () => document.getAnimations().some((a) => a.playState === 'running' || a.pending);
        const poll = (left: number, quiet: number) => {
          const next = busy() ? 0 : quiet + 1;
          if (next >= 2 || left === 0) resolve();
          else setTimeout(() => poll(left - 1, next), 50);
        };
        requestAnimationFrame(() => requestAnimationFrame(() => poll(60, 0)));
      }),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = summarise(screen, results.violations);
  await testInfo.attach(`axe-${screen}`, { body: JSON.stringify(summary, null, 2), contentType: 'application/json' });
  // Also as a file in the test's output folder, for reports that count violations per screen.
  writeFileSync(testInfo.outputPath(`axe-${screen}.json`), JSON.stringify(summary, null, 2));
  const failing = summary.violations.filter((v) => v.impact && FAILING_IMPACTS.has(v.impact));
  expect.soft(failing, `serious or critical axe violations on ${screen}:\n${JSON.stringify(failing, null, 2)}`).toEqual([]);
  return summary;
}
