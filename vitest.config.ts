// Test projects: unit (node), renderer (happy-dom), crash (kill -9 harness), e2e (Chromium + web host).
// `npm test` builds first; the e2e project drives the built bundles.
import os from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
  test: {
    reporters: ['default'],
    // At least two files at a time, even on two cores: an e2e file spends much of its time waiting on
    // Chromium and the web host, and a unit file fills that time (vitest's default would be one).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      // A ceiling for a stuck test, not a speed check (speed is `npm run bench`): PDF and render tests
      // take seconds, more while an e2e file runs beside them.
      { extends: true, test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        extends: true,
        plugins: [react()],
        test: { name: 'renderer', environment: 'happy-dom', include: ['tests/renderer/**/*.test.{ts,tsx}'], testTimeout: 30_000 },
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
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
