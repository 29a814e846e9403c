import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, createState } from './authorize-url';

describe('buildAuthorizeUrl', () => {
  const url = new URL(
    buildAuthorizeUrl({
      authorizeUrl: 'https://slack.com/oauth/v2/authorize',
      clientId: '1234567890.1234567890123',
      userScopes: ['admin', 'auditlogs:read', 'admin.teams:read'],
      redirectUri: 'https://localhost',
      state: 'abc_DEF-123',
    }),
  );

  it('asks Slack for user scopes, comma-separated, with our client id, redirect and state', () => {
    expect(url.origin + url.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(url.searchParams.get('client_id')).toBe('1234567890.1234567890123');
    expect(url.searchParams.get('user_scope')).toBe('admin,auditlogs:read,admin.teams:read');
    expect(url.searchParams.get('redirect_uri')).toBe('https://localhost');
    expect(url.searchParams.get('state')).toBe('abc_DEF-123');
  });

  it('asks for no bot scopes', () => {
    expect(url.searchParams.has('scope')).toBe(false);
  });

  it('keeps the path of a simulated or GovSlack authorize address', () => {
    const gov = new URL(
      buildAuthorizeUrl({ authorizeUrl: 'http://127.0.0.1:5123/oauth/v2/authorize', clientId: '1.2', userScopes: ['admin'], redirectUri: 'https://localhost', state: 's' }),
    );
    expect(gov.origin).toBe('http://127.0.0.1:5123');
    expect(gov.pathname).toBe('/oauth/v2/authorize');
  });
});

describe('createState', () => {
  it('is URL-safe and carries at least 128 bits', () => {
    const state = createState();
    expect(state).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(state, 'base64url').length).toBeGreaterThanOrEqual(16);
  });

  it('differs every time', () => {
    const seen = new Set(Array.from({ length: 50 }, () => createState()));
    expect(seen.size).toBe(50);
  });
});
