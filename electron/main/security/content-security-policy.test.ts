import { beforeEach, describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { resetFakeElectron, session } from '../../../test/fakes/electron';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicyMetaContent, installContentSecurityPolicy } from './content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows no inline or eval script, and no remote host', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*|blob:/);
  });

  it('denies everything by default and allows only the bundle', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('font-src')).toEqual(["'self'"]);
  });

  it('blocks plugins, base rewriting, form posts and framing', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('gives the meta tag the same policy without frame-ancestors, which meta cannot carry', () => {
    const meta = directives(contentSecurityPolicyMetaContent());
    expect(meta.has('frame-ancestors')).toBe(false);
    for (const [name, values] of policy) {
      if (name !== 'frame-ancestors') expect(meta.get(name)).toEqual(values);
    }
  });
});

describe('installContentSecurityPolicy', () => {
  beforeEach(() => resetFakeElectron());

  const isApp = (url: string): boolean => url.startsWith('app://bundle/');

  it('adds the policy to the app’s own responses, replacing a weaker one', async () => {
    installContentSecurityPolicy(session.defaultSession as unknown as Session, isApp);
    const result = await session.defaultSession.webRequest.simulateHeaders('app://bundle/index.html', {
      'content-security-policy': ["script-src 'unsafe-inline'"],
      'Content-Type': ['text/html'],
    });
    expect(result.responseHeaders?.['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(result.responseHeaders?.['content-security-policy']).toBeUndefined();
    expect(result.responseHeaders?.['Content-Type']).toEqual(['text/html']);
  });

  it('leaves other responses alone', async () => {
    installContentSecurityPolicy(session.defaultSession as unknown as Session, isApp);
    const result = await session.defaultSession.webRequest.simulateHeaders('https://slack.com/', { 'Content-Type': ['text/html'] });
    expect(result.responseHeaders).toBeUndefined();
    expect(result.cancel).toBeUndefined();
  });
});
