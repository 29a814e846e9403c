// How to read Slack's answers around a revoke; shared by saved and pasted tokens.
import type { UserError } from '../../shared/user-error';

/**
 * auth.test answers that prove Slack no longer accepts the token. `invalid_auth` can also mean an
 * IP allow-list refuses this computer, but right after Slack accepted the revoke from this same
 * computer, that reading is ruled out.
 */
export function isRefusedToken(error: UserError): boolean {
  return error.code === 'token-revoked' || error.code === 'invalid-auth';
}
