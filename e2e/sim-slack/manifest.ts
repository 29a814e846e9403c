import type { MethodSpec, ApiCall, ApiReply } from './api-call';
import { fail, isRecord } from './api-call';
import { isKnownBotScope, isKnownUserScope } from './scopes';
import { AUTHORIZE_PATH } from './oauth-pages';

// apps.manifest.validate / apps.manifest.create, with the subset of manifest rules that the
// app's generated manifest can get wrong.

const MAX_NAME_LENGTH = 35;

interface ManifestError {
  message: string;
  pointer: string;
}

export interface ParsedManifest {
  name: string;
  redirectUrls: string[];
  userScopes: string[];
  botScopes: string[];
  tokenRotation: boolean;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function stringList(
  value: unknown,
  pointer: string,
  errors: ManifestError[],
  check: (item: string) => string | null,
): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    errors.push({ message: 'must be an array', pointer });
    return [];
  }
  const out: string[] = [];
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string') {
      errors.push({ message: 'must be a string', pointer: `${pointer}/${String(i)}` });
      return;
    }
    const problem = check(item);
    if (problem) errors.push({ message: problem, pointer: `${pointer}/${String(i)}` });
    else out.push(item);
  });
  return out;
}

export function parseManifest(raw: string): { manifest: ParsedManifest } | { errors: ManifestError[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(raw);
  } catch {
    return { errors: [{ message: 'Manifest is not valid JSON', pointer: '/' }] };
  }
  if (!isRecord(doc)) return { errors: [{ message: 'Manifest must be a JSON object', pointer: '/' }] };

  const errors: ManifestError[] = [];
  const display = isRecord(doc.display_information) ? doc.display_information : {};
  const name = display.name;
  if (typeof name !== 'string' || name.trim() === '') {
    errors.push({ message: 'Name is required', pointer: '/display_information/name' });
  } else if (name.length > MAX_NAME_LENGTH) {
    errors.push({
      message: `Name must be ${String(MAX_NAME_LENGTH)} characters or fewer`,
      pointer: '/display_information/name',
    });
  }

  const oauth = isRecord(doc.oauth_config) ? doc.oauth_config : {};
  const redirectUrls = stringList(oauth.redirect_urls, '/oauth_config/redirect_urls', errors, (u) =>
    isHttpsUrl(u) ? null : 'Redirect URLs must be valid https URLs',
  );
  const scopes = isRecord(oauth.scopes) ? oauth.scopes : {};
  const userScopes = stringList(scopes.user, '/oauth_config/scopes/user', errors, (s) =>
    isKnownUserScope(s) ? null : `Invalid scope: ${s}`,
  );
  const botScopes = stringList(scopes.bot, '/oauth_config/scopes/bot', errors, (s) =>
    isKnownBotScope(s) ? null : `Invalid scope: ${s}`,
  );

  const settings = isRecord(doc.settings) ? doc.settings : {};
  const rotation = settings.token_rotation_enabled;
  if (rotation !== undefined && typeof rotation !== 'boolean') {
    errors.push({ message: 'must be a boolean', pointer: '/settings/token_rotation_enabled' });
  }

  if (errors.length > 0 || typeof name !== 'string') return { errors };
  return {
    manifest: { name, redirectUrls, userScopes, botScopes, tokenRotation: rotation === true },
  };
}

/** Shared checks: a workspace-level app configuration token and a parseable manifest. */
function checkManifestCall(call: ApiCall): { manifest: ParsedManifest } | { reply: ApiReply } {
  const grant = call.token?.grant;
  // Only app configuration tokens may manage apps; any other token is just not one Slack accepts here.
  if (grant?.kind !== 'config') return { reply: fail('invalid_auth') };
  if (grant.isEnterpriseInstall) return { reply: fail('enterprise_is_restricted') };
  const raw = call.params.manifest;
  if (raw === undefined || raw === '') return { reply: fail('invalid_arguments') };
  const parsed = parseManifest(raw);
  if ('errors' in parsed) return { reply: fail('invalid_manifest', { errors: parsed.errors }) };
  return parsed;
}

export const appsManifestValidate: MethodSpec = {
  auth: 'token',
  handle(call) {
    const checked = checkManifestCall(call);
    return 'reply' in checked ? checked.reply : { body: { ok: true } };
  },
};

export const appsManifestCreate: MethodSpec = {
  auth: 'token',
  handle(call) {
    const checked = checkManifestCall(call);
    if ('reply' in checked) return checked.reply;
    const { manifest } = checked;
    const app = call.state.registerApp({
      name: manifest.name,
      redirectUrls: manifest.redirectUrls,
      tokenRotation: manifest.tokenRotation,
    });
    const extras = call.state.appExtras.get(app.appId);
    const query = new URLSearchParams({ client_id: app.clientId });
    if (manifest.botScopes.length > 0) query.set('scope', manifest.botScopes.join(','));
    if (manifest.userScopes.length > 0) query.set('user_scope', manifest.userScopes.join(','));
    return {
      body: {
        ok: true,
        app_id: app.appId,
        credentials: {
          client_id: app.clientId,
          client_secret: app.clientSecret,
          verification_token: extras?.verificationToken ?? '',
          signing_secret: extras?.signingSecret ?? '',
        },
        oauth_authorize_url: `${call.origin}${AUTHORIZE_PATH}?${query.toString()}`,
      },
    };
  },
};
