// Small JSON files written so that a crash or power cut leaves either the old or the new
// content, never half of each: write a temporary file, flush it to disk, rename it over the old
// one, then flush the folder so the rename itself is durable.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_PREFIX = '.tmp-';

export type JsonFileRead = { kind: 'ok'; value: unknown } | { kind: 'missing' } | { kind: 'corrupt' };

export function readJsonFileSync(path: string): JsonFileRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'corrupt' };
  }
  try {
    return { kind: 'ok', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'corrupt' };
  }
}

export async function writeJsonFileAtomic(path: string, value: unknown): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `${TEMP_PREFIX}${basename(path)}-${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

export async function removeFile(path: string): Promise<void> {
  await rm(path, { force: true });
  await syncFolder(dirname(path));
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for flushing; NTFS makes the rename durable on its own there.
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort, see above
  }
}

/**
 * Moves an unreadable file out of the way as `<name>.corrupt-<timestamp>.json`, so it is kept
 * for a human to look at but never read again. Returns the new name, or null if it could not move.
 */
export function setAsideCorruptFile(path: string, now: number): string | null {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const target = path.replace(/\.json$/, '') + `.corrupt-${stamp}.json`;
  try {
    renameSync(path, target);
    return basename(target);
  } catch {
    return null;
  }
}

export function ensureFolderSync(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
}

/** Names of `*.json` files in a folder, without temporaries and set-aside corrupt files. */
export function listJsonFilesSync(folder: string, namePattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter((name) => namePattern.test(name));
}

/** Leftovers of writes interrupted by a crash: such a write never resolved, so nothing relied on it. */
export function removeStaleTempFilesSync(folder: string): void {
  for (const name of listJsonFilesSync(folder, /^\.tmp-/)) rmSync(join(folder, name), { force: true });
}
