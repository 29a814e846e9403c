import { describe, expect, it, vi } from 'vitest';
import { isAllowedExternalUrl, normaliseExternalUrl, safeOpenExternal } from './external-links';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://slack.com/help/articles/123',
    'https://api.slack.com/apps',
    'https://docs.slack.dev/reference/methods/auth.test',
    'https://slack.dev/',
    'https://app.slack.com/manage/E123/integrations',
    'https://slack-gov.com/',
    'https://api.slack-gov.com/apps',
    'https://get.slack.help/hc/en-us',
    'https://acme.enterprise.slack.com/admin',
    'https://www.slack.com/',
    'https://SLACK.com/help',
  ])('allows Slack address %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    ['plain http', 'http://slack.com/help'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['credentials', 'https://user:pass@slack.com/'],
    ['username only', 'https://user@slack.com/'],
    ['look-alike suffix', 'https://slack.com.evil.test/'],
    ['look-alike prefix', 'https://evilslack.com/'],
    ['look-alike gov', 'https://evilslack-gov.com/'],
    ['bare suffix', 'https://.slack.com/'],
    ['Cyrillic a (IDN homograph)', 'https://slаck.com/'],
    ['punycode homograph', 'https://xn--slck-6hd.com/'],
    ['encoded slash in user info', 'https://evil.test%2F@slack.com/'],
    ['ideographic full stop', 'https://slack\u3002com.evil.test/'],
    ['backslash confusion', 'https://evil.test\\@slack.com/'],
    ['explicit port', 'https://slack.com:8443/'],
    ['trailing dot host', 'https://slack.com./'],
    ['embedded newline', 'https://slack.com/\nhelp'],
    ['leading space', ' https://slack.com/'],
    ['not a URL', 'slack.com/help'],
    ['empty', ''],
    ['other https site', 'https://example.com/'],
    ['slack.help other than get.', 'https://evil.slack.help/'],
  ])('refuses %s', (_label, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('refuses very long addresses', () => {
    expect(isAllowedExternalUrl(`https://slack.com/${'a'.repeat(3000)}`)).toBe(false);
  });

  it('allows the simulated Slack origin only when it is passed in', () => {
    const sim = 'http://127.0.0.1:5123';
    expect(isAllowedExternalUrl(`${sim}/apps`)).toBe(false);
    expect(isAllowedExternalUrl(`${sim}/apps`, [sim])).toBe(true);
    expect(isAllowedExternalUrl('http://127.0.0.1:5124/apps', [sim])).toBe(false);
    expect(isAllowedExternalUrl('http://user:pw@127.0.0.1:5123/apps', [sim])).toBe(false);
  });

  it('normalises the address it returns', () => {
    expect(normaliseExternalUrl('https://SLACK.com/help')).toBe('https://slack.com/help');
  });
});

describe('safeOpenExternal', () => {
  it('opens an allowed link and reports it', async () => {
    const open = vi.fn(() => Promise.resolve());
    await expect(safeOpenExternal('https://api.slack.com/apps', open)).resolves.toBe(true);
    expect(open).toHaveBeenCalledWith('https://api.slack.com/apps');
  });

  it('never calls the browser for a refused link', async () => {
    const open = vi.fn(() => Promise.resolve());
    await expect(safeOpenExternal('https://slack.com.evil.test/', open)).resolves.toBe(false);
    await expect(safeOpenExternal('file:///C:/Windows/System32/calc.exe', open)).resolves.toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('reports false when the OS fails to open the link', async () => {
    const open = vi.fn(() => Promise.reject(new Error('no handler')));
    await expect(safeOpenExternal('https://slack.com/', open)).resolves.toBe(false);
  });
});
