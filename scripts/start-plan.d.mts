// Types for start-plan.mjs, which runs in plain Node without a compile step.
export interface ElectronBinaryIo {
  electronDir: string;
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  readText: (path: string) => string | null;
}
export function electronBinary(io: ElectronBinaryIo): string | null;

export interface Step {
  tool: 'electron-native' | 'electron-vite' | 'tsx';
  args: string[];
}
export interface StartPlan {
  mode: 'electron' | 'browser';
  notice: string[];
  steps: Step[];
}
export function startPlan(facts: { binary: string | null }): StartPlan;
