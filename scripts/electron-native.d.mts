// Types for electron-native.mjs, which runs in plain Node without a compile step.
export const NATIVE_DIR: '.electron-native';
export const MODULE: 'better-sqlite3';

export interface ElectronNativePaths {
  dir: string;
  moduleDir: string;
  packageJson: string;
  stamp: string;
  binding: string;
  source: string;
  electronPackageJson: string;
}
export function electronNativePaths(root: string): ElectronNativePaths;

export interface NativeBuildTarget {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}
export function stampText(target: NativeBuildTarget): string;

export interface FileReader {
  readText: (file: string) => string | null;
}
export function wantedTarget(io: FileReader & { paths: ElectronNativePaths; platform: string; arch: string }): NativeBuildTarget;

export type NativeBuildPlan = { action: 'reuse' } | { action: 'rebuild'; reason: 'missing' | 'changed' };
export function nativeBuildPlan(
  io: FileReader & { paths: ElectronNativePaths; wanted: NativeBuildTarget; exists: (file: string) => boolean },
): NativeBuildPlan;

export function copyFilter(source: string): (file: string) => boolean;
export function nativePackageJson(betterSqlite3: string): string;
export function prepareBuildFolder(paths: ElectronNativePaths, betterSqlite3: string): void;

export interface NativeRebuildOptions {
  buildPath: string;
  projectRootPath: string;
  electronVersion: string;
  onlyModules: string[];
  types: Array<'prod' | 'dev' | 'optional'>;
  force: boolean;
  mode: 'sequential' | 'parallel';
}
export function rebuildOptions(facts: { dir: string; electronVersion: string }): NativeRebuildOptions;

export const notices: {
  building: (electron: string) => string[];
  failed: (electron: string, reason: string) => string[];
};

export function ensureElectronNative(
  root: string,
  log?: (line: string) => void,
): Promise<{ wanted: NativeBuildTarget; rebuilt: boolean }>;
