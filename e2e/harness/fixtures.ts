// Playwright fixtures: a fresh simulated Slack per test, and `launch()` for the app through the
// harness (closed after the test). Specs import `test` and `expect` from here.
import { test as base, expect } from '@playwright/test';
import { startSimSlack, type SimApp, type SimSlack } from '../sim-slack/index';
import { launchApp, type LaunchOptions, type LaunchedApp } from './launch-app';

interface Fixtures {
  sim: SimSlack;
  simApp: SimApp;
  launch: (options?: Omit<LaunchOptions, 'slackOrigin'>) => Promise<LaunchedApp>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  sim: async ({}, use) => {
    const sim = await startSimSlack();
    await use(sim);
    await sim.close();
  },
  simApp: async ({ sim }, use) => {
    await use(sim.registerApp());
  },
  launch: async ({ sim }, use) => {
    const launched: LaunchedApp[] = [];
    await use(async (options = {}) => {
      const app = await launchApp({ slackOrigin: sim.origin, ...options });
      launched.push(app);
      return app;
    });
    for (const app of launched) await app.close();
  },
});

export { expect };
