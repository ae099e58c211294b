/**
 * The preload runs sandboxed, bundled into one CommonJS file (see electron.vite.config.ts).
 * It exposes the bridge and nothing else: no ipcRenderer, no channel names, no Node.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { CuratorBridge } from '../../shared/contract';
import { createBridge } from './bridge';

const bridge = createBridge(ipcRenderer) satisfies CuratorBridge;
contextBridge.exposeInMainWorld('curator', bridge);
