import './zod-jitless';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseBridge, createApi } from './api/client';
import { App } from './App';

// The transport is chosen once, before anything renders: the preload's bridge in Electron,
// HTTP with the launch token in browser mode (which also clears the token from the address bar).
const api = createApi(chooseBridge(window));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
