// "Does this token really work?": who it belongs to, which scopes Slack granted, and one real
// call per chosen API.
import type { ApiCheck, ApiId, TokenTestReport } from '../../shared/ipc-contract';
import type { SlackGateway } from '../seams';

/** The scope each probe needs (see slack-gateway.ts for the calls). */
export const PROBE_SCOPE: Readonly<Record<ApiId, string>> = {
  scim: 'admin',
  'audit-logs': 'auditlogs:read',
  discovery: 'discovery:read',
  'admin-api': 'admin.teams:read',
};

export interface TestTokenArgs {
  gateway: SlackGateway;
  token: string;
  tokenId: string;
  requestedScopes: readonly string[];
  apis: readonly ApiId[];
  /** Milliseconds since the epoch. */
  now: number;
}

export async function testToken(args: TestTokenArgs): Promise<TokenTestReport> {
  const testedAt = new Date(args.now).toISOString();
  const requestedScopes = [...args.requestedScopes];
  const auth = await args.gateway.authTest(args.token);
  if (!auth.ok) {
    return { tokenId: args.tokenId, testedAt, identity: null, error: auth.error, grantedScopes: [], requestedScopes, missingScopes: [], apiChecks: [] };
  }

  const granted = auth.value.scopes;
  const missingScopes = requestedScopes.filter((scope) => !granted.includes(scope));
  // Slack always sends x-oauth-scopes; should it ever be missing, try the APIs rather than
  // claim every scope is absent.
  const scopesKnown = granted.length > 0;

  const apiChecks: ApiCheck[] = [];
  // One after another: the probes share the org's rate-limit tiers.
  for (const api of args.apis) {
    if (scopesKnown && !granted.includes(PROBE_SCOPE[api])) {
      apiChecks.push({ api, status: 'skipped', skippedReason: 'missing-scope' });
      continue;
    }
    apiChecks.push(await args.gateway.probe(api, args.token));
  }

  return { tokenId: args.tokenId, testedAt, identity: auth.value.identity, grantedScopes: [...granted], requestedScopes, missingScopes, apiChecks };
}
