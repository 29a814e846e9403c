// Everything the app asks Slack, in one place, answering Result values with UserErrors.
// Web API methods go through @slack/web-api; SCIM and Audit Logs are REST and use fetch.
import { LogLevel, WebClient } from '@slack/web-api';
import type { Logger } from '@slack/web-api';
import type { ApiCheck, ApiId, Result, TokenIdentity } from '../../shared/ipc-contract';
import type { SlackEndpoints } from '../../shared/slack-endpoints';
import type { UserError } from '../../shared/user-error';
import type { AuthTestResult, OAuthAccessResult, SlackGateway } from '../seams';
import { parseOAuthAccess } from './oauth-response';
import { restErrorCode, transportError, userErrorFromRestStatus, userErrorFromWebApiError } from './slack-error-map';

export interface SlackGatewayOptions {
  getEndpoints: () => SlackEndpoints;
  /** Per request. */
  timeoutMs?: number;
  /** A longer Retry-After is reported at once instead of waited out. */
  maxRateLimitWaitSeconds?: number;
  /** Called every second while waiting out a 429, and with 0 when the retry starts. */
  onRateLimitWait?: (operation: string, secondsLeft: number) => void;
  sleep?: (ms: number) => Promise<void>;
  fetchImpl?: typeof fetch;
}

/**
 * The library logs request URLs, bodies and headers at debug level and failures at warn level;
 * none of that may reach a log file, so its logger drops everything.
 */
const SILENT_LOGGER: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function failure<T>(error: UserError): Result<T> {
  return { ok: false, error };
}

/** Where the setup should send the admin after a failed code exchange. */
function exchangeBackTo(error: UserError): UserError {
  const credentials = ['bad-client-secret', 'invalid-client-id', 'bad-redirect-uri'];
  return { ...error, backTo: credentials.includes(error.code) ? 'credentials' : 'sign-in' };
}

function identityFrom(result: Record<string, unknown>): TokenIdentity | null {
  const userId = text(result['user_id']);
  if (!userId) return null;
  return {
    orgName: text(result['team']),
    enterpriseId: text(result['enterprise_id']),
    teamId: text(result['team_id']),
    userName: text(result['user']),
    userId,
    url: text(result['url']),
    isEnterpriseInstall: result['is_enterprise_install'] === true,
  };
}

/** @slack/web-api puts the `x-oauth-scopes` header here. */
function grantedScopes(result: Record<string, unknown>): string[] {
  const metadata = result['response_metadata'];
  const scopes = isRecord(metadata) ? metadata['scopes'] : undefined;
  return Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string' && scope !== '') : [];
}

const REST_PROBES: Partial<Record<ApiId, { operation: string; path: string }>> = {
  scim: { operation: 'scim', path: '/scim/v2/Users?count=1' },
  // Not /schemas or /actions: those answer without a token and would prove nothing.
  'audit-logs': { operation: 'audit-logs', path: '/audit/v1/logs?limit=1' },
};

const WEB_API_PROBES: Partial<Record<ApiId, { method: string; args: Record<string, unknown> }>> = {
  discovery: { method: 'discovery.enterprise.info', args: {} },
  'admin-api': { method: 'admin.teams.list', args: { limit: 1 } },
};

export function createSlackGateway(options: SlackGatewayOptions): SlackGateway {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxWait = options.maxRateLimitWaitSeconds ?? 30;
  const sleep = options.sleep ?? defaultSleep;
  const fetchImpl = options.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));

  function client(token?: string, headers: Record<string, string> = {}): WebClient {
    return new WebClient(token, {
      slackApiUrl: options.getEndpoints().webApiBaseUrl,
      timeout: timeoutMs,
      // The library's default retries for about 30 minutes; an admin is waiting at the screen.
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: SILENT_LOGGER,
      fetch: fetchImpl,
      // A fresh object: the constructor adds to it.
      headers: { ...headers },
    });
  }

  /** One retry after a short Retry-After, counting down for the UI; longer waits are reported. */
  async function withRateLimit<T>(operation: string, attempt: () => Promise<Result<T>>): Promise<Result<T>> {
    const first = await attempt();
    if (first.ok || first.error.code !== 'rate-limited') return first;
    const wait = first.error.retryAfterSeconds;
    if (wait === undefined || wait > maxWait) return first;
    for (let secondsLeft = wait; secondsLeft > 0; secondsLeft -= 1) {
      options.onRateLimitWait?.(operation, secondsLeft);
      await sleep(1000);
    }
    options.onRateLimitWait?.(operation, 0);
    return attempt();
  }

  async function callWebApi(method: string, token: string | undefined, args: Record<string, unknown>, headers?: Record<string, string>): Promise<Result<Record<string, unknown>>> {
    return withRateLimit(method, async () => {
      try {
        const result: unknown = await client(token, headers).apiCall(method, args);
        return isRecord(result) ? { ok: true, value: result } : failure({ code: 'unexpected-response' });
      } catch (error) {
        return failure(userErrorFromWebApiError(error));
      }
    });
  }

  async function oauthAccess(clientId: string, clientSecret: string, args: Record<string, unknown>): Promise<Result<OAuthAccessResult>> {
    // HTTP Basic, as Slack recommends: the secret stays out of the form body and every URL.
    const basic = Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
    const response = await callWebApi('oauth.v2.access', undefined, args, { Authorization: `Basic ${basic}` });
    if (!response.ok) return response;
    return parseOAuthAccess(response.value);
  }

  async function restGet(api: ApiId, operation: string, path: string, token: string): Promise<Result<unknown>> {
    const url = new URL(path, options.getEndpoints().restApiOrigin).toString();
    return withRateLimit(operation, async () => {
      let response: Response;
      let body: string;
      try {
        response = await fetchImpl(url, {
          method: 'GET',
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
          redirect: 'error',
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.status === 429) {
          const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
          return failure(Number.isNaN(retryAfter) ? { code: 'rate-limited' } : { code: 'rate-limited', retryAfterSeconds: retryAfter });
        }
        if (response.status >= 500) return failure({ code: 'slack-server-error', httpStatus: response.status });
        body = await response.text();
      } catch (error) {
        return failure(transportError(error));
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return failure({ code: 'unexpected-response', httpStatus: response.status });
      }
      if (response.status >= 200 && response.status < 300) {
        return isRecord(parsed) ? { ok: true, value: parsed } : failure({ code: 'unexpected-response', httpStatus: response.status });
      }
      return failure(userErrorFromRestStatus(api, response.status, restErrorCode(parsed)));
    });
  }

  return {
    async exchangeCode({ clientId, clientSecret, code, redirectUri }) {
      const result = await oauthAccess(clientId, clientSecret, { code, redirect_uri: redirectUri });
      return result.ok ? result : failure(exchangeBackTo(result.error));
    },

    async refreshToken({ clientId, clientSecret, refreshToken }) {
      return oauthAccess(clientId, clientSecret, { grant_type: 'refresh_token', refresh_token: refreshToken });
    },

    async authTest(token): Promise<Result<AuthTestResult>> {
      // The token goes in the Authorization header (the constructor's), never the body or URL.
      const result = await callWebApi('auth.test', token, {});
      if (!result.ok) return result;
      const identity = identityFrom(result.value);
      if (!identity) return failure({ code: 'unexpected-response' });
      return { ok: true, value: { identity, scopes: grantedScopes(result.value) } };
    },

    async revoke(token, { dryRun }) {
      const result = await callWebApi('auth.revoke', token, dryRun ? { test: true } : {});
      if (!result.ok) return result;
      return { ok: true, value: { revoked: result.value['revoked'] === true } };
    },

    async probe(api, token): Promise<ApiCheck> {
      const rest = REST_PROBES[api];
      const web = WEB_API_PROBES[api];
      let result: Result<unknown>;
      if (rest) result = await restGet(api, rest.operation, rest.path, token);
      else if (web) result = await callWebApi(web.method, token, web.args);
      else result = failure({ code: 'internal' });
      return result.ok ? { api, status: 'ok' } : { api, status: 'failed', error: result.error };
    },
  };
}
