import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const fakeElectron = fileURLToPath(new URL('./test/fakes/electron.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Loading the real `electron` package in plain Node tries to download a binary and throws.
    // Every unit test gets the one hand-written fake instead.
    alias: { electron: fakeElectron },
  },
  test: {
    include: [
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'e2e/sim-slack/**/*.test.ts',
      'e2e/harness/**/*.test.ts',
      'test/**/*.test.ts',
      'eslint-rules/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['./test/setup.ts'],
    // electron-store imports `electron` at its top level; inlining it lets the alias apply.
    server: { deps: { inline: ['electron-store'] } },
    testTimeout: 20_000,
    restoreMocks: true,
  },
});
