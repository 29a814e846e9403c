// `npm run demo`: the whole app without Electron or a Slack org. Starts the simulated Slack,
// registers a Slack app there, and opens the app through the browser harness in a visible
// Chromium window (under xvfb-run when there is no display).
//   --check [--screenshot FILE]   open, wait for the first screen, optionally screenshot, exit.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchApp } from '../e2e/harness/launch-app';
import { startSimSlack } from '../e2e/sim-slack/index';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const screenshotIndex = args.indexOf('--screenshot');
const screenshotPath = screenshotIndex >= 0 ? args[screenshotIndex + 1] : undefined;

/** Runs this script again under xvfb-run and settles only by exiting with the child's code. */
function reExecUnderXvfb(): Promise<never> {
  const child = spawn('xvfb-run', ['-a', '--server-args=-screen 0 1280x900x24', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, ORG_TOKEN_HELPER_UNDER_XVFB: '1' },
  });
  // Never resolves: this process only waits for the child (whose handle keeps it alive).
  return new Promise<never>(() => {
    child.on('exit', (code) => process.exit(code ?? 1));
    child.on('error', () => process.exit(1));
  });
}

async function main(): Promise<void> {
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['ORG_TOKEN_HELPER_UNDER_XVFB']) {
    if (spawnSync('which', ['xvfb-run']).status === 0) return reExecUnderXvfb();
    console.error('There is no display. Install Xvfb (apt-get install -y xvfb xauth) or run with a desktop.');
    process.exit(1);
  }
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    console.log('Building the app first (npm run build)…');
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const sim = await startSimSlack();
  const simApp = sim.registerApp();
  const app = await launchApp({ slackOrigin: sim.origin, headless: false });
  await app.page.getByRole('heading', { level: 1 }).first().waitFor({ state: 'visible' });

  console.log(
    [
      '',
      'Org Token Helper is running against a SIMULATED Slack (nothing here reaches slack.com).',
      `  Simulated Slack:      ${sim.origin}`,
      '  In step 3 of the setup, paste these (they exist only in the simulation):',
      `    Client ID:          ${simApp.clientId}`,
      `    Client Secret:      ${simApp.clientSecret}`,
      `  Sign in to Slack as:  ${sim.users.owner.email} / ${sim.users.owner.password}  (Org Owner)`,
      `                    or  ${sim.users.admin.email} / ${sim.users.admin.password}  (Org Admin)`,
      '  Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  const shutdown = async (): Promise<void> => {
    await app.close();
    await sim.close();
  };
  if (check) {
    if (screenshotPath) await app.page.screenshot({ path: resolve(screenshotPath) });
    console.log('Demo check: the first screen is showing.');
    await shutdown();
    return;
  }
  app.page.on('close', () => void shutdown().then(() => process.exit(0)));
  process.on('SIGINT', () => void shutdown().then(() => process.exit(0)));
  process.on('SIGTERM', () => void shutdown().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
