// `npm start`: builds the app and runs it in Electron. Electron downloads its binary the first
// time it is used; where that cannot happen (no internet access to GitHub), this says so in
// plain words and points to the browser demo, instead of ending in a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PATH_MARKER = '@@ELECTRON_PATH@@';

export const NO_ELECTRON_MESSAGE = [
  'Electron could not be downloaded on this machine (it needs internet access to GitHub the first time it runs).',
  'To try the app without Electron, run: npm run demo',
].join('\n');

export const BUILD_FAILED_MESSAGE = 'The app could not be built; the messages above say why.';

/**
 * The steps, with their side effects injected so a test can run them offline:
 * find Electron (first, so nobody waits for a build that cannot run), build, launch.
 * Resolves with the exit code.
 */
export async function start(deps) {
  deps.log('Looking for Electron (the first run downloads it, which can take a minute)…');
  const electron = await deps.resolveElectron();
  if (!electron.ok) {
    deps.error(NO_ELECTRON_MESSAGE);
    return 1;
  }
  deps.log('Building the app…');
  const buildCode = await deps.build();
  if (buildCode !== 0) {
    deps.error(BUILD_FAILED_MESSAGE);
    return buildCode > 0 ? buildCode : 1;
  }
  deps.log('Starting Org Token Helper…');
  return deps.launch(electron.path);
}

/**
 * Requiring the `electron` package returns the binary's path, downloading it first if needed,
 * and throws when it cannot. That happens in a child process whose output is captured, so a
 * failure shows our message instead of the download's stack trace.
 */
export function resolveElectronInChild({ cwd = ROOT, timeoutMs = 5 * 60_000 } = {}) {
  const script = `process.stdout.write('\\n${PATH_MARKER}' + require('electron') + '\\n')`;
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: timeoutMs,
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
  });
  if (result.status !== 0 || typeof result.stdout !== 'string') return { ok: false };
  const line = result.stdout.split('\n').find((candidate) => candidate.startsWith(PATH_MARKER));
  const path = line?.slice(PATH_MARKER.length).trim();
  return path && existsSync(path) ? { ok: true, path } : { ok: false };
}

function run(command, args) {
  return new Promise((resolveCode) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
    child.on('error', () => resolveCode(1));
    child.on('exit', (code, signal) => resolveCode(code ?? (signal ? 1 : 0)));
  });
}

export function buildWithElectronVite() {
  const require = createRequire(join(ROOT, 'package.json'));
  const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  return run(process.execPath, [bin, 'build']);
}

export function launchElectron(electronPath) {
  return run(electronPath, [ROOT]);
}

const isEntryPoint = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const code = await start({
    resolveElectron: () => resolveElectronInChild(),
    build: buildWithElectronVite,
    launch: launchElectron,
    log: (line) => console.log(line),
    error: (line) => console.error(line),
  });
  process.exitCode = code;
}
