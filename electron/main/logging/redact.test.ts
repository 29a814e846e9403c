import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact';

const SECRETS = {
  user: 'xoxp-1234567890-1234567890-1234567890123-0123456789abcdef0123456789abcdef',
  bot: 'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
  rotating: 'xoxe.xoxp-1-Mi0yLTExMjM0NTY3ODkwLTEyMzQ1Njc4OTAtMTIzNDU2Nzg5MDEyMw',
  refresh: 'xoxe-1-My0xLTEyMzQ1Njc4OTAtMTIzNDU2Nzg5MDEyMy1hYmNkZWY',
  browser: 'xoxc-1234567890-1234567890-1234567890-abcdef',
  cookie: 'xoxd-AbCdEf%2BGhIj%3D',
  app: 'xapp-1-A0123456789-1234567890123-abcdef0123456789',
  clientSecret: '0123456789abcdef0123456789abcdef',
  code: '1234567890.1234567890123.abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
};

function expectNoSecret(output: string): void {
  for (const secret of Object.values(SECRETS)) expect(output).not.toContain(secret);
}

describe('redactSecrets', () => {
  it.each(Object.entries(SECRETS).filter(([kind]) => !['clientSecret', 'code'].includes(kind)))('removes a %s token, keeping its kind', (_kind, token) => {
    const output = redactSecrets(`auth.test failed for ${token} (invalid_auth)`);
    expect(output).not.toContain(token);
    expect(output).toMatch(/(xox[a-z]|xoxe\.xoxp|xoxe|xapp)-\[redacted\]/);
    expect(output).toContain('(invalid_auth)');
  });

  it('removes the OAuth code from a redirect address but keeps the rest', () => {
    const output = redactSecrets(`redirect https://localhost/?code=${SECRETS.code}&state=abc123`);
    expect(output).not.toContain(SECRETS.code);
    expect(output).toContain('https://localhost/?code=[redacted]');
    expect(output).not.toContain('abc123');
  });

  it('removes client secrets and tokens from form bodies', () => {
    const output = redactSecrets(`client_id=123.456&client_secret=${SECRETS.clientSecret}&refresh_token=${SECRETS.refresh}&grant_type=refresh_token`);
    expectNoSecret(output);
    expect(output).toContain('client_id=123.456');
    expect(output).toContain('grant_type=refresh_token');
  });

  it('removes secrets from JSON', () => {
    const output = redactSecrets(
      JSON.stringify({ ok: true, access_token: 'not-a-prefix-token', clientSecret: 'abc', refreshToken: 'def', authed_user: { token: 'ghi' }, team: 'Acme' }),
    );
    expect(output).not.toMatch(/not-a-prefix-token|"abc"|"def"|"ghi"/);
    expect(output).toContain('"team":"Acme"');
  });

  it('removes Authorization headers', () => {
    expect(redactSecrets('Authorization: Bearer abc.def-ghi_jkl')).toBe('Authorization: [redacted]');
    expect(redactSecrets('authorization=Basic MTIzOjQ1Ng==')).toBe('authorization=[redacted]');
    expect(redactSecrets('{"Authorization":"Bearer abcdefghijkl"}')).not.toContain('abcdefghijkl');
    expect(redactSecrets('sent with Bearer abcdefghijklmnop')).toBe('sent with Bearer [redacted]');
  });

  it('removes bare 32-character hex secrets', () => {
    expect(redactSecrets(`secret ${SECRETS.clientSecret.toUpperCase()} end`)).toBe('secret [redacted] end');
  });

  it('removes credentials in URLs', () => {
    expect(redactSecrets('proxy https://admin:hunter2@proxy.example:8080/')).toBe('proxy https://[redacted]@proxy.example:8080/');
  });

  it('scrubs a stack trace that mentions several secrets', () => {
    const trace = `Error: bad_client_secret for ${SECRETS.clientSecret}\n    at exchange (oauth.ts:10) code=${SECRETS.code} token=${SECRETS.user}`;
    expectNoSecret(redactSecrets(trace));
  });

  it('leaves ordinary text alone', () => {
    const text = 'SCIM probe failed: HTTP 403 (missing_scope) for user U0123ABC in E0456DEF after 1.2 s';
    expect(redactSecrets(text)).toBe(text);
  });
});
