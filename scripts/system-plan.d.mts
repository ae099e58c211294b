// Types for system-plan.mjs, which runs in plain Node without a compile step.
export const DEFAULT_CHROMIUM: string;
export const SYSTEM_PACKAGES: readonly { name: string; why: string }[];

export interface SystemFacts {
  chromiumPath: string;
  chromiumFromEnv: boolean;
  chromiumFound: boolean;
  hasAptGet: boolean;
  /** Which of SYSTEM_PACKAGES dpkg reports installed; null without dpkg. */
  installedPackages: string[] | null;
  isRoot: boolean;
  hasSudo: boolean;
}
export type SystemPlan =
  | { action: 'ok' }
  | { action: 'install'; packages: string[]; commands: string[][]; notice: string[] }
  | { action: 'stop'; message: string[] };
export function systemPlan(facts: SystemFacts): SystemPlan;
