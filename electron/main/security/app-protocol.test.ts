import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  createAppProtocolHandler,
  createAppUrlCheck,
  installAppProtocol,
  registerAppScheme,
  resolveAppFilePath,
} from './app-protocol';

const root = '/opt/app/out/renderer';

describe('resolveAppFilePath', () => {
  it.each([
    ['app://bundle/index.html', `${root}/index.html`],
    ['app://bundle/', `${root}/index.html`],
    ['app://bundle', `${root}/index.html`],
    ['app://bundle/assets/index-abc.js', `${root}/assets/index-abc.js`],
    ['app://bundle/assets/', `${root}/assets/index.html`],
    ['app://bundle/index.html?lang=ko#/vault', `${root}/index.html`],
    ['app://bundle/assets/../index.html', `${root}/index.html`],
    ['app://bundle/fonts/Noto%20Sans.woff2', `${root}/fonts/Noto Sans.woff2`],
  ])('serves %s from the bundle', (url, expected) => {
    expect(resolveAppFilePath(root, url)).toBe(expected);
  });

  it.each([
    ['encoded slashes', 'app://bundle/assets/..%2f..%2f..%2fetc%2fpasswd'],
    ['encoded backslashes', 'app://bundle/..%5c..%5cWindows%5cwin.ini'],
    ['NUL byte', 'app://bundle/index.html%00.png'],
    ['bad escape', 'app://bundle/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///opt/app/out/renderer/index.html'],
    ['https', 'https://bundle/index.html'],
    ['a port', 'app://bundle:8080/index.html'],
    ['credentials', 'app://user:pw@bundle/index.html'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppFilePath(root, url)).toBeNull();
  });

  it.each(['app://bundle/../../etc/passwd', 'app://bundle/%2e%2e/%2e%2e/etc/passwd'])('keeps dot-dot segments inside the bundle: %s', (url) => {
    // The URL parser collapses them before we see the path.
    expect(resolveAppFilePath(root, url)).toBe(`${root}/etc/passwd`);
  });

  it('refuses a sibling folder whose name starts like the root', () => {
    expect(resolveAppFilePath(root, 'app://bundle/..%2frenderer-secrets/x')).toBeNull();
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'app-protocol-'));
    mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Org Token Helper</title>');
    writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'export {};');
    writeFileSync(join(dir, 'secret.txt'), 'xoxp-not-for-the-page');
  });

  it('serves a bundle file with its type and the CSP header', async () => {
    const handler = createAppProtocolHandler(join(dir, 'renderer'));
    const response = await handler(new Request('app://bundle/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('Org Token Helper');

    const script = await handler(new Request('app://bundle/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a file outside the bundle, without reading it', async () => {
    const readFile = vi.fn(() => Promise.resolve(new Uint8Array()));
    const handler = createAppProtocolHandler(join(dir, 'renderer'), readFile);
    const response = await handler(new Request('app://bundle/assets/..%2f..%2fsecret.txt'));
    expect(response.status).toBe(404);
    expect(readFile).not.toHaveBeenCalled();
  });

  it('answers 404 for a missing file', async () => {
    const response = await createAppProtocolHandler(join(dir, 'renderer'))(new Request('app://bundle/nope.js'));
    expect(response.status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await createAppProtocolHandler(join(dir, 'renderer'))(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});

describe('registration', () => {
  it('registers app:// as a secure standard scheme without CSP bypass', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged } as unknown as Protocol);
    const [[schemes]] = registerSchemesAsPrivileged.mock.calls as [[Array<{ scheme: string; privileges: Record<string, boolean> }>]];
    expect(schemes).toEqual([{ scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(schemes[0]?.privileges['bypassCSP']).toBeFalsy();
    expect(schemes[0]?.privileges['corsEnabled']).toBeFalsy();
  });

  it('installs the handler for the app scheme', () => {
    const handle = vi.fn();
    installAppProtocol({ handle } as unknown as Protocol, root);
    expect(handle).toHaveBeenCalledWith(APP_SCHEME, expect.any(Function));
  });
});

describe('createAppUrlCheck', () => {
  it('recognises the app’s own pages only', () => {
    const isApp = createAppUrlCheck(null);
    expect(isApp(APP_ENTRY_URL)).toBe(true);
    expect(isApp('app://bundle/index.html#/vault')).toBe(true);
    expect(isApp('app://other/index.html')).toBe(false);
    expect(isApp('file:///opt/app/out/renderer/index.html')).toBe(false);
    expect(isApp('http://localhost:5173/')).toBe(false);
    expect(isApp('https://slack.com/')).toBe(false);
    expect(isApp('not a url')).toBe(false);
  });

  it('accepts the dev server origin only when one is given', () => {
    const isApp = createAppUrlCheck('http://localhost:5173/');
    expect(isApp('http://localhost:5173/index.html')).toBe(true);
    expect(isApp('http://localhost:5174/')).toBe(false);
    expect(isApp('http://localhost.evil.test:5173/')).toBe(false);
  });

  it('ignores a dev server URL that is not http(s)', () => {
    const isApp = createAppUrlCheck('javascript:alert(1)');
    expect(isApp('javascript:alert(1)')).toBe(false);
  });
});
