import { defineConfig } from '@playwright/test';

// Every browser spec launches the app through e2e/harness (Debian's Chromium, never a
// downloaded browser); the Electron spec runs only where an Electron binary exists.
export default defineConfig({
  testDir: 'e2e/specs',
  outputDir: 'test-results',
  // Two cores: one worker keeps timings honest and the simulated Slack uncontended.
  workers: 1,
  fullyParallel: false,
  retries: process.env['CI'] ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list']] : [['list']],
  forbidOnly: !!process.env['CI'],
});
