// Test projects: unit (node), renderer (happy-dom), crash (kill -9 harness), e2e (Chromium + web host).
// `npm test` builds first; the e2e project drives the built bundles.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        plugins: [react()],
        test: { name: 'renderer', environment: 'happy-dom', include: ['tests/renderer/**/*.test.{ts,tsx}'] },
      },
      {
        extends: true,
        test: { name: 'crash', environment: 'node', include: ['tests/crash/**/*.test.ts'], pool: 'forks', testTimeout: 300_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
