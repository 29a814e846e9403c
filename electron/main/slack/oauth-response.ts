// Reading oauth.v2.access answers (code exchange and refresh) into one shape.
import type { Result } from '../../shared/ipc-contract';
import type { OAuthAccessResult } from '../seams';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function splitScopes(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value.split(/[\s,]+/).filter((scope) => scope !== '');
}

function idAndName(value: unknown): { id: string; name: string } | null {
  if (!isRecord(value)) return null;
  const id = text(value['id']);
  return id ? { id, name: text(value['name']) ?? '' } : null;
}

const BOT_TOKEN = /^(xoxe\.)?xoxb-/;

/**
 * A user-scope install puts the token under `authed_user`. The flat top-level shape is the
 * legacy v1 answer and the refresh answer; there a bot token (an app that also asked for bot
 * scopes) must not be mistaken for the admin's user token.
 */
export function parseOAuthAccess(data: Record<string, unknown>): Result<OAuthAccessResult> {
  const authed = isRecord(data['authed_user']) ? data['authed_user'] : null;
  let source: Record<string, unknown> | null = null;
  if (authed && text(authed['access_token'])) {
    source = authed;
  } else {
    const topLevel = text(data['access_token']);
    if (topLevel && data['token_type'] !== 'bot' && !BOT_TOKEN.test(topLevel)) source = data;
  }
  const token = source ? text(source['access_token']) : null;
  if (!source || !token) return { ok: false, error: { code: 'no-token-in-response' } };

  const expiresIn = source['expires_in'];
  return {
    ok: true,
    value: {
      token,
      refreshToken: text(source['refresh_token']),
      expiresInSeconds: typeof expiresIn === 'number' && Number.isFinite(expiresIn) ? expiresIn : null,
      scopes: splitScopes(source['scope']),
      userId: text(authed?.['id']) ?? text(data['user_id']) ?? '',
      appId: text(data['app_id']),
      enterprise: idAndName(data['enterprise']),
      team: idAndName(data['team']),
      isEnterpriseInstall: data['is_enterprise_install'] === true,
    },
  };
}
