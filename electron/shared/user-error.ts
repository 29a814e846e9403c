// What the main process tells the renderer when something goes wrong. Only a code and a few
// non-secret facts cross IPC: the renderer turns the code into plain English or Korean
// (`errors.<code>.title` / `errors.<code>.body` in the catalogues), so no message text, stack
// trace or secret ever travels with an error.

export const USER_ERROR_CODES = [
  // Sign-in window and redirect
  'sign-in-cancelled', // the admin closed the sign-in window
  'access-denied', // Cancel on Slack's page
  'state-mismatch',
  'redirect-uri-mismatch', // Slack's error page: redirect_uri did not match any configured URIs
  'sign-in-timeout',
  'sign-in-in-progress',
  'not-allowed', // an Admin without the Channel Management role installing admin.* scopes
  'install-not-permitted', // Slack refused the install for this user (not an owner/admin)
  'sign-in-page-failed', // the sign-in page could not be loaded
  // Pasted redirect address (browser fallback)
  'pasted-url-invalid',
  'pasted-url-foreign-host',
  'pasted-url-no-code',
  'no-sign-in-started',
  // oauth.v2.access
  'workspace-install', // is_enterprise_install was not true
  'invalid-code',
  'code-already-used',
  'bad-client-secret',
  'invalid-client-id',
  'bad-redirect-uri',
  'oauth-authorization-url-mismatch',
  'cannot-install-an-org-installed-app',
  'team-access-not-granted',
  'enterprise-is-restricted',
  'invalid-refresh-token',
  'no-token-in-response',
  // Input shape
  'invalid-client-id-format',
  'invalid-client-secret-format',
  'missing-client-credentials',
  'invalid-scopes',
  'invalid-token-format',
  'browser-session-token', // xoxc-/xoxd- values
  // Token use (auth.test, probes, revoke)
  'invalid-auth',
  'not-authed',
  'token-revoked',
  'token-expired',
  'account-inactive',
  'no-permission',
  'org-login-required',
  'ekm-access-denied',
  'missing-scope',
  'not-an-admin',
  'feature-not-enabled',
  'owner-only', // Audit Logs refused: the token is not an Org Owner's
  'revoke-not-confirmed', // Slack still accepts the token after auth.revoke
  'refresh-token-not-revocable', // auth.revoke refused a pasted refresh token (xoxe-); it may already be used up
  // Transport
  'rate-limited',
  'slack-server-error',
  'unexpected-response', // HTML or other non-JSON instead of JSON
  'timeout',
  'network',
  // Local
  'token-not-found',
  'leaked-token-expired', // the in-memory handle for a pasted token is gone
  'encryption-unavailable',
  'store-failed',
  'token-unreadable', // the saved token's encrypted copy cannot be decrypted (damaged, or the OS key changed)
  'token-lost-memory-only', // kept in memory only (no safe encryption) and gone since the app was closed
  'token-not-rotating', // refresh asked for a token that does not expire
  'rotation-needs-client-secret', // the app's client secret was not remembered, so the token cannot be refreshed in the background
  'link-not-allowed', // an address outside the allowlist of Slack help and docs sites was not opened
  'unknown-slack-error',
  'internal',
] as const;

export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

/** Where the guided setup should send the admin to fix the problem. */
export type SetupStepId = 'choose-apis' | 'scopes' | 'credentials' | 'sign-in' | 'test' | 'result';

export interface UserError {
  code: UserErrorCode;
  /** Slack's own error code (e.g. `bad_client_secret`), shown small under the explanation. */
  slackError?: string;
  /** Seconds Slack asked us to wait (429). */
  retryAfterSeconds?: number;
  /** The setup step that fixes this problem. */
  backTo?: SetupStepId;
  /** HTTP status for transport errors, shown small. */
  httpStatus?: number;
}

export function isUserErrorCode(value: unknown): value is UserErrorCode {
  return typeof value === 'string' && (USER_ERROR_CODES as readonly string[]).includes(value);
}
