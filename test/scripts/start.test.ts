import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BUILD_FAILED_MESSAGE, NO_ELECTRON_MESSAGE, resolveElectronInChild, start, type StartDeps } from '../../scripts/start.mjs';

function deps(overrides: Partial<StartDeps> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const all: StartDeps = {
    resolveElectron: () => ({ ok: true, path: '/electron/dist/electron' }),
    build: vi.fn(() => Promise.resolve(0)),
    launch: vi.fn(() => Promise.resolve(0)),
    log: (line) => out.push(line),
    error: (line) => err.push(line),
    ...overrides,
  };
  return { all, out, err };
}

describe('npm start', () => {
  it('builds, then runs the app in Electron', async () => {
    const { all } = deps();
    await expect(start(all)).resolves.toBe(0);
    expect(all.build).toHaveBeenCalledTimes(1);
    expect(all.launch).toHaveBeenCalledWith('/electron/dist/electron');
  });

  it('explains plainly when Electron cannot be downloaded, and points to the demo', async () => {
    const { all, err } = deps({
      resolveElectron: () => {
        return { ok: false };
      },
    });
    await expect(start(all)).resolves.toBe(1);
    expect(err.join('\n')).toBe(NO_ELECTRON_MESSAGE);
    expect(NO_ELECTRON_MESSAGE).toContain('npm run demo');
    expect(err.join('\n')).not.toMatch(/\bat \S+ \(|Error:/);
    expect(all.build).not.toHaveBeenCalled();
    expect(all.launch).not.toHaveBeenCalled();
  });

  it('stops with the build’s exit code when the build fails', async () => {
    const { all, err } = deps({ build: vi.fn(() => Promise.resolve(2)) });
    await expect(start(all)).resolves.toBe(2);
    expect(err).toEqual([BUILD_FAILED_MESSAGE]);
    expect(all.launch).not.toHaveBeenCalled();
  });

  it('passes on Electron’s exit code', async () => {
    const { all } = deps({ launch: vi.fn(() => Promise.resolve(3)) });
    await expect(start(all)).resolves.toBe(3);
  });
});

describe('resolveElectronInChild', () => {
  // A project folder whose `electron` package behaves like the real one offline: it throws.
  function projectWithElectron(indexSource: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'start-'));
    mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
    writeFileSync(join(dir, 'node_modules', 'electron', 'index.js'), indexSource);
    return dir;
  }

  it('reports failure, without output, when requiring electron throws (no download possible)', () => {
    const cwd = projectWithElectron("console.log('Downloading Electron binary...'); throw new Error('getaddrinfo ENOTFOUND github.com');");
    expect(resolveElectronInChild({ cwd, timeoutMs: 20_000 })).toEqual({ ok: false });
  });

  it('finds the binary path electron reports, ignoring download chatter', () => {
    const cwd = projectWithElectron('');
    const binary = join(cwd, 'fake-electron-binary');
    writeFileSync(binary, '');
    writeFileSync(join(cwd, 'node_modules', 'electron', 'index.js'), `console.log('Downloading Electron binary...'); module.exports = ${JSON.stringify(binary)};`);
    expect(resolveElectronInChild({ cwd, timeoutMs: 20_000 })).toEqual({ ok: true, path: binary });
  });

  it('reports failure when the reported binary does not exist', () => {
    const cwd = projectWithElectron("module.exports = '/nowhere/electron';");
    expect(resolveElectronInChild({ cwd, timeoutMs: 20_000 })).toEqual({ ok: false });
  });
});
