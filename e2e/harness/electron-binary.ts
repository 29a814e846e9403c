// Finds an installed Electron binary WITHOUT triggering electron's download-on-first-use
// (requiring the `electron` package offline tries to download and throws).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ElectronBinary {
  path: string | null;
  /** Why there is none, in one sentence a developer can act on. */
  reason: string;
}

export function findElectronBinary(root = resolve(import.meta.dirname, '..', '..')): ElectronBinary {
  const fromEnv = process.env['ELECTRON_BINARY'];
  if (fromEnv && existsSync(fromEnv)) return { path: fromEnv, reason: '' };
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      path: null,
      reason:
        'no Electron binary on this machine (node_modules/electron/path.txt is missing: Electron downloads its binary on first launch, which needs internet access to GitHub). Set ELECTRON_BINARY or run on a machine where `npm start` works.',
    };
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { path: null, reason: `the Electron binary ${binary} is missing.` };
  return { path: binary, reason: '' };
}
