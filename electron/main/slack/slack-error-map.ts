// Turning whatever Slack (or the network) answered into a UserError: a code and a few safe facts.
// No message text is kept: library errors quote URLs, bodies and headers, which may hold secrets.
import { ErrorCode } from '@slack/web-api';
import type { ApiId } from '../../shared/ipc-contract';
import type { UserError, UserErrorCode } from '../../shared/user-error';

/** Slack's error codes are short snake_case words; anything else (an HTML page) is not one. */
const SLACK_ERROR_SHAPE = /^[a-z0-9_.]{1,64}$/;

export function isSlackErrorCode(value: unknown): value is string {
  return typeof value === 'string' && SLACK_ERROR_SHAPE.test(value);
}

const SLACK_TO_USER: Readonly<Record<string, UserErrorCode>> = {
  invalid_code: 'invalid-code',
  code_already_used: 'code-already-used',
  code_expired: 'invalid-code',
  bad_client_secret: 'bad-client-secret',
  invalid_client_id: 'invalid-client-id',
  bad_redirect_uri: 'bad-redirect-uri',
  oauth_authorization_url_mismatch: 'oauth-authorization-url-mismatch',
  cannot_install_an_org_installed_app: 'cannot-install-an-org-installed-app',
  team_access_not_granted: 'team-access-not-granted',
  enterprise_is_restricted: 'enterprise-is-restricted',
  invalid_refresh_token: 'invalid-refresh-token',
  invalid_auth: 'invalid-auth',
  invalid_authentication: 'invalid-auth',
  not_authed: 'not-authed',
  token_revoked: 'token-revoked',
  token_expired: 'token-expired',
  account_inactive: 'account-inactive',
  no_permission: 'no-permission',
  org_login_required: 'org-login-required',
  ekm_access_denied: 'ekm-access-denied',
  missing_scope: 'missing-scope',
  insufficient_scope: 'missing-scope',
  insufficient_scopes: 'missing-scope',
  not_an_admin: 'not-an-admin',
  feature_not_enabled: 'feature-not-enabled',
  not_allowed: 'not-allowed',
  access_denied: 'access-denied',
  ratelimited: 'rate-limited',
  // A workspace-level token used where an org-level one is needed.
  not_allowed_token_type: 'workspace-install',
  team_not_authorized: 'workspace-install',
};

/** A Slack error code as the renderer should explain it; Slack's own code is kept alongside. */
export function userErrorFromSlackError(slackError: unknown): UserError {
  if (!isSlackErrorCode(slackError)) return { code: 'unexpected-response' };
  return { code: SLACK_TO_USER[slackError] ?? 'unknown-slack-error', slackError };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function nameOf(value: unknown): string {
  return isRecord(value) && typeof value['name'] === 'string' ? value['name'] : '';
}

function codeOf(value: unknown): string {
  return isRecord(value) && typeof value['code'] === 'string' ? value['code'] : '';
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** fetch failed before an answer: our own timeout, or no connection at all. */
export function transportError(error: unknown): UserError {
  let current: unknown = error;
  // fetch wraps the socket error in `cause`; look a few levels down.
  for (let depth = 0; depth < 4 && current !== undefined; depth += 1) {
    if (nameOf(current) === 'TimeoutError' || nameOf(current) === 'AbortError' || TIMEOUT_CODES.has(codeOf(current))) {
      return { code: 'timeout' };
    }
    current = isRecord(current) ? current['cause'] : undefined;
  }
  return { code: 'network' };
}

/** What @slack/web-api threw, as a UserError. */
export function userErrorFromWebApiError(error: unknown): UserError {
  const code = codeOf(error);
  const record = isRecord(error) ? error : {};
  if (code === ErrorCode.PlatformError) {
    const data = isRecord(record['data']) ? record['data'] : {};
    const mapped = userErrorFromSlackError(data['error']);
    if (mapped.code === 'rate-limited') {
      const metadata = isRecord(data['response_metadata']) ? data['response_metadata'] : {};
      const retryAfter = metadata['retryAfter'];
      return typeof retryAfter === 'number' ? { ...mapped, retryAfterSeconds: retryAfter } : mapped;
    }
    return mapped;
  }
  if (code === ErrorCode.RateLimitedError) {
    const retryAfter = record['retryAfter'];
    return typeof retryAfter === 'number' ? { code: 'rate-limited', retryAfterSeconds: retryAfter } : { code: 'rate-limited' };
  }
  if (code === ErrorCode.HTTPError) {
    const status = typeof record['statusCode'] === 'number' ? record['statusCode'] : 0;
    if (status >= 500) return { code: 'slack-server-error', httpStatus: status };
    return { code: 'unexpected-response', httpStatus: status };
  }
  if (code === ErrorCode.RequestError) return transportError(record['original']);
  // A 429 whose Retry-After the library could not read surfaces as a plain Error.
  if (error instanceof Error && error.message.startsWith('Retry header did not contain a valid timeout')) {
    return { code: 'rate-limited' };
  }
  // Reading the body can still time out or be cut off after the library's own try block.
  if (nameOf(error) === 'TimeoutError' || nameOf(error) === 'AbortError' || error instanceof TypeError) {
    return transportError(error);
  }
  return { code: 'internal' };
}

/**
 * SCIM and Audit Logs answer with real HTTP statuses. 403 covers several different problems,
 * told apart by the error code in the body (`{error}` for Audit, `{Errors:{description}}` for SCIM).
 */
export function userErrorFromRestStatus(api: ApiId, status: number, slackError: string | null): UserError {
  const withSlack = (userCode: UserErrorCode): UserError => (slackError ? { code: userCode, slackError, httpStatus: status } : { code: userCode, httpStatus: status });
  if (status >= 500) return { code: 'slack-server-error', httpStatus: status };
  const mapped = slackError ? SLACK_TO_USER[slackError] : undefined;
  if (status === 401) {
    const tokenProblems: UserErrorCode[] = ['token-revoked', 'token-expired', 'account-inactive', 'not-authed'];
    return withSlack(mapped && tokenProblems.includes(mapped) ? mapped : 'invalid-auth');
  }
  if (status === 403) {
    // "Enterprise organization administrator tokens are not currently supported" (Audit Logs).
    if (api === 'audit-logs' && slackError === 'user_not_authorized') return withSlack('owner-only');
    if (mapped) return withSlack(mapped);
    if (slackError?.includes('scope')) return withSlack('missing-scope');
    return withSlack('no-permission');
  }
  if (mapped) return withSlack(mapped);
  return withSlack('unexpected-response');
}

/** The error code in a SCIM or Audit Logs error body, when it has a safe one. */
export function restErrorCode(body: unknown): string | null {
  if (!isRecord(body)) return null;
  if (isSlackErrorCode(body['error'])) return body['error'];
  const errors = body['Errors'];
  const first: unknown = Array.isArray(errors) ? errors[0] : errors;
  if (isRecord(first) && isSlackErrorCode(first['description'])) return first['description'];
  return null;
}
