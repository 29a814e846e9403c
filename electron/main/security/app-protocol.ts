// The app's pages are served from a privileged custom scheme, `app://bundle/`, instead of file://.
// That gives the window a real origin of its own (the IPC guard checks senders against it),
// lets every response carry the Content-Security-Policy header, keeps the page away from the
// rest of the disk (file:// pages can read other file:// URLs), and lets the
// GrantFileProtocolExtraPrivileges fuse be turned off. Only files under out/renderer are served.
import { readFile as nodeReadFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * `standard` gives relative URLs and web storage, `secure` makes it a secure context like https,
 * `supportFetchAPI` lets the bundle load its own modules. No CSP bypass, no CORS, no service workers.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an `app://bundle/…` URL to a file under `rendererRoot`, or null for anything else:
 * another host or scheme, an encoded separator or NUL, or a path that would leave the root.
 */
export function resolveAppFilePath(rendererRoot: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== APP_HOST || url.port !== '' || url.username || url.password) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname || '/');
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = resolve(rendererRoot);
  const target = resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  const inside = relative(root, target);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return target;
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

function plainResponse(status: number): Response {
  return new Response(null, { status, headers: { 'X-Content-Type-Options': 'nosniff' } });
}

/** The `protocol.handle` handler: the bundle's files, each with the CSP header. */
export function createAppProtocolHandler(rendererRoot: string, readFile: ReadFile = nodeReadFile): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405);
    const filePath = resolveAppFilePath(rendererRoot, request.url);
    if (filePath === null) return plainResponse(404);
    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch {
      return plainResponse(404);
    }
    return new Response(request.method === 'HEAD' ? null : Buffer.from(body), {
      status: 200,
      headers: {
        'Content-Type': mimeTypeFor(filePath),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}

/** Must run after the app is ready. */
export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string, readFile?: ReadFile): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, readFile));
}

/**
 * "Is this one of our pages?": `app://bundle/…`, or, in development only, the Vite dev server's
 * origin. Used by the navigation guard, the IPC sender check and the CSP header installer.
 */
export function createAppUrlCheck(devServerUrl: string | null = null): (url: string) => boolean {
  let devOrigin: string | null = null;
  if (devServerUrl) {
    try {
      const parsed = new URL(devServerUrl);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') devOrigin = parsed.origin;
    } catch {
      devOrigin = null;
    }
  }
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.username || parsed.password) return false;
    // Node reports "null" as the origin of a custom scheme, so compare its parts.
    if (parsed.protocol === `${APP_SCHEME}:`) return parsed.hostname.toLowerCase() === APP_HOST && parsed.port === '';
    return devOrigin !== null && parsed.origin === devOrigin;
  };
}
