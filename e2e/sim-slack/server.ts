import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimSlack } from './types';
import { CONFIG_TOKEN_LIFETIME_MS, SimState } from './state';
import { Delays, applyFault } from './faults';
import { BodyTooLargeError, sendText } from './http-util';
import { AUTHORIZE_PATH, DECIDE_PATH, SIGN_IN_PATH, handleAuthorizePage, handleDecide, handleSignIn } from './oauth-pages';
import { API_PREFIX, handleWebApi } from './web-api';
import {
  AUDIT_ACTIONS_PATH,
  AUDIT_LOGS_PATH,
  AUDIT_SCHEMAS_PATH,
  SCIM_USERS_PATHS,
  handleAuditActions,
  handleAuditLogs,
  handleAuditSchemas,
  handleScimUsers,
} from './scim-audit';

// One origin serves what Slack spreads over slack.com (OAuth pages, Web API) and
// api.slack.com (SCIM, Audit Logs), so the app under test needs a single base URL.

function isScimUsersPath(pathname: string): boolean {
  return (SCIM_USERS_PATHS as readonly string[]).includes(pathname);
}

/** Which fault target a request belongs to, if any. */
function faultTargetOf(method: string, pathname: string): string | null {
  if (pathname.startsWith(API_PREFIX)) return apiMethodOf(pathname);
  if (pathname === AUTHORIZE_PATH && method === 'GET') return 'authorize';
  if (isScimUsersPath(pathname)) return 'scim.users';
  if (pathname === AUDIT_LOGS_PATH) return 'audit.logs';
  return null;
}

function apiMethodOf(pathname: string): string {
  const rest = pathname.slice(API_PREFIX.length);
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}

async function route(
  state: SimState,
  delays: Delays,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', origin);
  const { pathname } = url;

  const target = faultTargetOf(method, pathname);
  const fault = target === null ? null : state.takeFault(target);
  if (fault && (await applyFault(fault, req, res, delays))) return;

  if (pathname.startsWith(API_PREFIX)) {
    await handleWebApi(state, origin, req, res, apiMethodOf(pathname));
  } else if (pathname === AUTHORIZE_PATH && method === 'GET') {
    handleAuthorizePage({ state, req, res, url });
  } else if (pathname === SIGN_IN_PATH && method === 'POST') {
    await handleSignIn({ state, req, res, url });
  } else if (pathname === DECIDE_PATH && method === 'POST') {
    await handleDecide({ state, req, res, url });
  } else if (isScimUsersPath(pathname)) {
    handleScimUsers(state, origin, req, res);
  } else if (pathname === AUDIT_LOGS_PATH) {
    handleAuditLogs(state, origin, req, res);
  } else if (pathname === AUDIT_SCHEMAS_PATH && method === 'GET') {
    handleAuditSchemas(res);
  } else if (pathname === AUDIT_ACTIONS_PATH && method === 'GET') {
    handleAuditActions(res);
  } else {
    sendText(res, 404, 'Not Found');
  }
}

function debugEnabled(): boolean {
  return Boolean(process.env.SIM_SLACK_DEBUG);
}

export async function startSimSlack(options: { port?: number } = {}): Promise<SimSlack> {
  const state = new SimState();
  const delays = new Delays();
  let origin = '';

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://sim.invalid').pathname;
    // Method and path only: query strings, headers and bodies can hold codes, secrets and tokens.
    state.requests.push({ method: req.method ?? 'GET', path, at: state.now() });
    if (debugEnabled()) {
      res.on('finish', () => {
        process.stderr.write(`[sim-slack] ${req.method ?? 'GET'} ${path} -> ${String(res.statusCode)}\n`);
      });
    }
    route(state, delays, origin, req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof BodyTooLargeError) {
        sendText(res, 413, 'Request Entity Too Large');
        return;
      }
      if (debugEnabled()) process.stderr.write(`[sim-slack] handler failed: ${err instanceof Error ? err.name : 'error'}\n`);
      sendText(res, 500, 'Internal Server Error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${String(port)}`;

  let closing: Promise<void> | null = null;

  return {
    origin,
    enterprise: state.enterprise,
    workspaces: state.workspaces,
    users: state.users,
    requests: state.requests,
    installs: state.installs,
    registerApp: (overrides) => state.registerApp(overrides),
    setFault: (target, fault, opts) => {
      state.setFault(target, fault, opts?.times ?? null);
    },
    clearFaults: () => {
      state.clearFaults();
    },
    mintUserToken: ({ user, scopes, enterpriseInstall = true, app, rotating = false }) => {
      const grant = state.newGrant({
        kind: 'user',
        appId: app?.appId ?? null,
        userId: user.id,
        botId: null,
        isEnterpriseInstall: enterpriseInstall,
        teamId: enterpriseInstall ? null : (state.workspaces[0]?.id ?? null),
        scopes,
      });
      const lifetimeMs = (app?.tokenLifetimeSeconds ?? 43200) * 1000;
      const { access, refresh } = state.issueTokens(grant, rotating, lifetimeMs);
      return refresh ? { token: access.token, refreshToken: refresh.token } : { token: access.token };
    },
    mintConfigToken: ({ user, orgLevel = false }) => {
      const grant = state.newGrant({
        kind: 'config',
        appId: null,
        userId: user.id,
        botId: null,
        isEnterpriseInstall: orgLevel,
        teamId: orgLevel ? null : (state.workspaces[0]?.id ?? null),
        scopes: ['app_configurations:read', 'app_configurations:write'],
      });
      const { access, refresh } = state.issueTokens(grant, true, CONFIG_TOKEN_LIFETIME_MS);
      if (!refresh) throw new Error('config tokens always come with a refresh token');
      return { token: access.token, refreshToken: refresh.token };
    },
    tokenStatus: (token) => state.tokenStatus(token),
    advanceClock: (ms) => {
      state.advanceClock(ms);
    },
    now: () => state.now(),
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        delays.cancelAll();
        server.close((err) => {
          if (err) reject(err);
          else resolve();
        });
        // Keep-alive sockets (fetch, WebClient) would otherwise hold close() open for seconds.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
