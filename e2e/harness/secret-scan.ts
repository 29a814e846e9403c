// Looks for secrets where they must never be: every file under the app's data folder, and
// everything the renderer's page could keep (Web Storage, cookies, IndexedDB, Cache Storage).
// A secret counts as found as typed, URL-encoded, or base64/base64url-encoded at any byte
// alignment (so a secret inside a longer encoded blob is found too).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Page } from 'playwright-core';
import { filesUnder } from '../../electron/main/ipc/test-support/secrets-on-disk';

export { filesUnder };

export interface SecretHit {
  where: string;
  secret: string;
  form: string;
}

/** Every encoded form of `secret` worth searching for, named. */
export function secretForms(secret: string): { form: string; text: string }[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [
    { form: 'plain', text: secret },
    { form: 'url-encoded', text: encodeURIComponent(secret) },
    { form: 'form-encoded', text: new URLSearchParams({ v: secret }).toString().slice(2) },
    { form: 'json-escaped', text: JSON.stringify(secret).slice(1, -1) },
  ];
  // base64 of a secret preceded by 0, 1 or 2 other bytes: keep only the characters that depend on
  // the secret's bytes alone, so the form matches wherever the secret sits inside a larger blob.
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const firstWholeGroup = offset === 0 ? 0 : 4;
    const lastWholeGroup = Math.floor((offset + bytes.length) / 3) * 4;
    const core = encoded.slice(firstWholeGroup, lastWholeGroup);
    if (core.length >= 16) {
      forms.push({ form: `base64@${offset}`, text: core });
      forms.push({ form: `base64url@${offset}`, text: core.replaceAll('+', '-').replaceAll('/', '_') });
    }
  }
  return forms;
}

function searchText(where: string, content: string, secrets: Record<string, string>): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    for (const { form, text } of secretForms(secret)) {
      if (content.includes(text)) {
        hits.push({ where, secret: name, form });
        break;
      }
    }
  }
  return hits;
}

/** Each file under `dir` holding a secret in any searched form (read as UTF-8 and as UTF-16). */
export function scanFolder(dir: string, secrets: Record<string, string>): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const file of filesUnder(dir)) {
    const raw = readFileSync(file);
    const where = relative(dir, file);
    const found = searchText(where, raw.toString('latin1'), secrets);
    const wide = searchText(`${where} (utf-16)`, raw.toString('utf16le'), secrets);
    hits.push(...found, ...wide.filter((hit) => !found.some((f) => f.secret === hit.secret)));
  }
  return hits;
}

export interface RendererStorage {
  localStorage: Record<string, string>;
  sessionStorage: Record<string, string>;
  documentCookie: string;
  contextCookies: string;
  indexedDb: { name: string; stores: Record<string, unknown[]> }[];
  cacheStorage: { cache: string; url: string; body: string }[];
}

/** Everything the app's page has put in browser storage, as text. */
export async function readRendererStorage(page: Page): Promise<RendererStorage> {
  const inPage = await page.evaluate(async () => {
    const readIndexedDb = async (): Promise<{ name: string; stores: Record<string, unknown[]> }[]> => {
      const databases = await indexedDB.databases();
      const result: { name: string; stores: Record<string, unknown[]> }[] = [];
      for (const info of databases) {
        if (!info.name) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(info.name as string);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('open failed'));
        });
        const stores: Record<string, unknown[]> = {};
        for (const storeName of Array.from(db.objectStoreNames)) {
          stores[storeName] = await new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error ?? new Error('read failed'));
          });
        }
        db.close();
        result.push({ name: info.name, stores });
      }
      return result;
    };
    const readCaches = async (): Promise<{ cache: string; url: string; body: string }[]> => {
      if (typeof caches === 'undefined') return [];
      const result: { cache: string; url: string; body: string }[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          result.push({ cache: name, url: request.url, body: response ? await response.text() : '' });
        }
      }
      return result;
    };
    return {
      localStorage: { ...localStorage },
      sessionStorage: { ...sessionStorage },
      documentCookie: document.cookie,
      indexedDb: await readIndexedDb(),
      cacheStorage: await readCaches(),
    };
  });
  const cookies = await page.context().cookies();
  return { ...inPage, contextCookies: JSON.stringify(cookies) };
}

/** Each part of the renderer's storage holding a secret in any searched form. */
export async function scanRendererStorage(page: Page, secrets: Record<string, string>): Promise<SecretHit[]> {
  const storage = await readRendererStorage(page);
  return Object.entries(storage).flatMap(([part, value]) =>
    searchText(`renderer ${part}`, typeof value === 'string' ? value : JSON.stringify(value), secrets),
  );
}
