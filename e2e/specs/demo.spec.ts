// Issue 2, acceptance 6: `npm run demo -- --check --screenshot FILE` starts the simulated Slack and
// the app in a visible Chromium window (under xvfb-run when there is no display), prints what to
// paste, screenshots the first screen and exits cleanly.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..', '..');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runDemo(args: string[], timeoutMs: number): Promise<Run> {
  const started = Date.now();
  return new Promise((done, fail) => {
    // detached: a timed-out run is ended with its whole process group (xvfb-run, Xvfb, Chromium).
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', ...args], { cwd: ROOT, env: { ...process.env }, detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      fail(new Error(`The demo did not exit within ${timeoutMs} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

test('npm run demo -- --check --screenshot FILE: exits 0, prints the simulated Client ID, writes a PNG of the first screen', async () => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), 'org-token-helper-demo-'));
  const screenshot = join(dir, 'first-screen.png');
  try {
    const run = await runDemo(['--check', '--screenshot', screenshot], 60_000);
    test.info().annotations.push({ type: 'demo-run-ms', description: String(run.ms) });
    expect(run.code, `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/^ {4}Client ID: {10}\d+\.\d+$/m);
    expect(run.stdout).toMatch(/Simulated Slack: +http:\/\/127\.0\.0\.1:\d+/);
    expect(run.stdout).toContain('Demo check: the first screen is showing.');

    expect(existsSync(screenshot)).toBe(true);
    const png = readFileSync(screenshot);
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: 1100, height: 800 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
