import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['{electron,shared,renderer,server,bench}/**/*.test.{ts,tsx}', 'scripts/**/*.test.{ts,tsx}'],
    // Renderer component tests opt into jsdom with a `// @vitest-environment jsdom` docblock.
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
