import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SimState } from './state';
import type { ApiReply, MethodSpec } from './api-call';
import { fail, isRecord } from './api-call';
import { bearerToken, formToRecord, mediaType, readBody, sendJson } from './http-util';
import { authRevoke, authTest, toolingTokensRotate } from './auth-methods';
import { adminTeamsList, discoveryEnterpriseInfo } from './admin-methods';
import { appsManifestCreate, appsManifestValidate } from './manifest';
import { oauthV2Access } from './oauth-access';

// slack.com/api/<method>: argument parsing, token checks and the x-oauth-scopes headers that
// every real Web API answer carries, in front of the per-method handlers.

export const API_PREFIX = '/api/';

const METHODS: Readonly<Record<string, MethodSpec>> = {
  'oauth.v2.access': oauthV2Access,
  'auth.test': authTest,
  'auth.revoke': authRevoke,
  'admin.teams.list': adminTeamsList,
  'discovery.enterprise.info': discoveryEnterpriseInfo,
  'apps.manifest.validate': appsManifestValidate,
  'apps.manifest.create': appsManifestCreate,
  'tooling.tokens.rotate': toolingTokensRotate,
};

type Args = { params: Record<string, string>; json: boolean } | { reply: ApiReply };

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

async function readArgs(req: IncomingMessage): Promise<Args> {
  const raw = await readBody(req);
  const type = mediaType(req);
  if (raw === '' || type === 'application/x-www-form-urlencoded') {
    return { params: formToRecord(new URLSearchParams(raw)), json: false };
  }
  if (type === 'application/json') {
    let doc: unknown;
    try {
      doc = JSON.parse(raw);
    } catch {
      return { reply: fail('invalid_json') };
    }
    if (!isRecord(doc)) return { reply: fail('json_not_object') };
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(doc)) if (v !== undefined && v !== null) params[k] = stringify(v);
    return { params, json: true };
  }
  // No method here takes files, so multipart bodies are refused as Slack refuses malformed ones.
  if (type === 'multipart/form-data') return { reply: fail('invalid_form_data') };
  return { reply: fail('invalid_post_type') };
}

function scopeHeaders(scopes: readonly string[], accepted: string | undefined): Record<string, string> {
  return {
    'x-oauth-scopes': scopes.join(','),
    ...(accepted ? { 'x-accepted-oauth-scopes': accepted } : {}),
  };
}

async function answer(state: SimState, origin: string, req: IncomingMessage, method: string): Promise<ApiReply> {
  const query = new URL(req.url ?? '/', origin).searchParams;
  // Slack refuses tokens in query strings (they end up in proxy and server logs). Answering
  // invalid_auth makes an app that leaks its token into a URL fail loudly in every test.
  if (query.has('token')) return fail('invalid_auth');

  const spec = METHODS[method];
  // Slack answers unknown methods with HTTP 404 and this body; @slack/web-api then raises its
  // HTTP error rather than a platform error, as it does against the real service.
  if (!spec) return { status: 404, body: { ok: false, error: 'unknown_method', req_method: method } };

  // Stricter than Slack, which also serves GET: the app is meant to POST (tokens in bodies or
  // headers, never URLs), so a GET here is an app bug worth failing on.
  if (req.method !== 'POST') return fail('invalid_request');

  const args = await readArgs(req);
  if ('reply' in args) return args.reply;
  const { params } = args;

  if (spec.auth === 'none') return spec.handle({ state, origin, req, params, token: null });

  // JSON bodies must carry the token in the Authorization header, as on Slack.
  const raw = bearerToken(req) ?? (args.json ? undefined : params.token);
  if (!raw) return fail('not_authed');
  const token = state.tokens.get(raw);
  if (token?.kind !== 'access') return fail('invalid_auth');
  const status = state.statusOf(token);
  if (status === 'revoked') return fail('token_revoked');
  if (status === 'expired') return fail('token_expired');

  const headers = scopeHeaders(token.grant.scopes, spec.scope);
  if (spec.scope && !token.grant.scopes.includes(spec.scope)) {
    return {
      headers,
      body: { ok: false, error: 'missing_scope', needed: spec.scope, provided: token.grant.scopes.join(',') },
    };
  }
  const reply = spec.handle({ state, origin, req, params, token });
  return { ...reply, headers: { ...headers, ...reply.headers } };
}

export async function handleWebApi(
  state: SimState,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
): Promise<void> {
  const reply = await answer(state, origin, req, method);
  sendJson(res, reply.status ?? 200, reply.body, reply.headers);
}
