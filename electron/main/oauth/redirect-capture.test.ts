import { describe, expect, it, vi } from 'vitest';
import { createRedirectCatcher, isRedirectTarget } from './redirect-capture';

describe('isRedirectTarget', () => {
  it.each([
    'https://localhost',
    'https://localhost/',
    'https://localhost/?code=abc&state=xyz',
    'https://LOCALHOST/?code=abc',
    'https://localhost:443/?code=abc',
    'https://localhost/callback?code=abc',
  ])('catches %s for https://localhost', (url) => {
    expect(isRedirectTarget(url, 'https://localhost')).toBe(true);
  });

  it.each([
    'https://localhost.evil.test/?code=abc',
    'http://localhost/?code=abc',
    'https://localhost:8443/?code=abc',
    'https://evil.test/?redirect=https://localhost/',
    'https://user:pw@localhost/?code=abc',
    'https://slack.com/oauth/v2/authorize?redirect_uri=https://localhost',
    'not a url',
    '',
  ])('does not catch %s', (url) => {
    expect(isRedirectTarget(url, 'https://localhost')).toBe(false);
  });

  it('accepts the path and its sub-paths when the redirect URI has a path', () => {
    expect(isRedirectTarget('https://localhost/oauth?code=1', 'https://localhost/oauth')).toBe(true);
    expect(isRedirectTarget('https://localhost/oauth/done?code=1', 'https://localhost/oauth')).toBe(true);
    expect(isRedirectTarget('https://localhost/oauthx?code=1', 'https://localhost/oauth')).toBe(false);
    expect(isRedirectTarget('https://localhost/?code=1', 'https://localhost/oauth')).toBe(false);
  });

  it('respects an explicit port in the redirect URI', () => {
    expect(isRedirectTarget('https://localhost:8443/?code=1', 'https://localhost:8443')).toBe(true);
    expect(isRedirectTarget('https://localhost/?code=1', 'https://localhost:8443')).toBe(false);
  });
});

describe('createRedirectCatcher', () => {
  it('settles with the first redirect and tells the caller to cancel every redirect', () => {
    const settle = vi.fn();
    const catcher = createRedirectCatcher('https://localhost', settle);
    expect(catcher.consider('https://slack.com/signin')).toBe(false);
    expect(settle).not.toHaveBeenCalled();
    expect(catcher.consider('https://localhost/?code=first&state=s')).toBe(true);
    expect(catcher.consider('https://localhost/?code=second&state=s')).toBe(true);
    expect(settle).toHaveBeenCalledTimes(1);
    expect(settle).toHaveBeenCalledWith('https://localhost/?code=first&state=s');
  });
});
