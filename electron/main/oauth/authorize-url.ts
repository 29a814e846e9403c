// The address the sign-in window (or the system browser) opens at Slack.
import { randomBytes } from 'node:crypto';

export interface AuthorizeUrlParams {
  /** e.g. `https://slack.com/oauth/v2/authorize` (from SlackEndpoints). */
  authorizeUrl: string;
  clientId: string;
  userScopes: readonly string[];
  redirectUri: string;
  state: string;
}

/**
 * Only `user_scope`: these APIs need a user token, and asking for bot scopes (`scope`) would
 * add a bot user the admin did not choose.
 */
export function buildAuthorizeUrl(params: AuthorizeUrlParams): string {
  const url = new URL(params.authorizeUrl);
  url.searchParams.set('client_id', params.clientId);
  url.searchParams.set('user_scope', params.userScopes.join(','));
  url.searchParams.set('redirect_uri', params.redirectUri);
  url.searchParams.set('state', params.state);
  return url.toString();
}

/** 256 bits from the OS random source: unguessable, and URL-safe without encoding. */
export function createState(): string {
  return randomBytes(32).toString('base64url');
}
