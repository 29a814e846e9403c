import { describe, expect, it } from 'vitest';
import { parseOverrideOrigin, resolveSlackEndpoints, SLACK_ORIGIN_OVERRIDE_ENV } from './slack-endpoints';

const simulated = { [SLACK_ORIGIN_OVERRIDE_ENV]: 'http://127.0.0.1:5123' };

describe('Slack endpoints', () => {
  it('uses slack.com and api.slack.com for commercial Slack', () => {
    const endpoints = resolveSlackEndpoints({ region: 'commercial', env: {}, allowOverride: true });
    expect(endpoints).toMatchObject({
      region: 'commercial',
      authorizeUrl: 'https://slack.com/oauth/v2/authorize',
      webApiBaseUrl: 'https://slack.com/api/',
      restApiOrigin: 'https://api.slack.com',
      appsPageUrl: 'https://api.slack.com/apps',
    });
  });

  it('uses slack-gov.com for GovSlack', () => {
    const endpoints = resolveSlackEndpoints({ region: 'gov', env: {}, allowOverride: true });
    expect(endpoints).toMatchObject({
      region: 'gov',
      authorizeUrl: 'https://slack-gov.com/oauth/v2/authorize',
      webApiBaseUrl: 'https://slack-gov.com/api/',
      appsPageUrl: 'https://api.slack-gov.com/apps',
    });
  });

  it('points everything at the simulated Slack when the override is allowed', () => {
    const endpoints = resolveSlackEndpoints({ region: 'commercial', env: simulated, allowOverride: true });
    expect(endpoints).toMatchObject({
      region: 'simulated',
      authorizeUrl: 'http://127.0.0.1:5123/oauth/v2/authorize',
      webApiBaseUrl: 'http://127.0.0.1:5123/api/',
      restApiOrigin: 'http://127.0.0.1:5123',
      signInHosts: ['127.0.0.1:5123'],
    });
  });

  it('ignores the override in a release build', () => {
    expect(resolveSlackEndpoints({ region: 'commercial', env: simulated, allowOverride: false }).region).toBe('commercial');
    expect(resolveSlackEndpoints({ region: 'gov', env: simulated, allowOverride: false }).region).toBe('gov');
  });

  it.each([
    ['http://127.0.0.1:5123', 'http://127.0.0.1:5123'],
    ['http://localhost:8080/', 'http://localhost:8080'],
    ['https://evil.example:443', null],
    ['http://10.0.0.5:5123', null],
    ['http://127.0.0.1:5123/api', null],
    ['http://user:pass@127.0.0.1:5123', null],
    ['http://127.0.0.1:5123/?x=1', null],
    ['file:///etc/passwd', null],
    ['not a url', null],
    [undefined, null],
  ])('accepts only a bare loopback origin as the override: %s', (value, expected) => {
    expect(parseOverrideOrigin(value)).toBe(expected);
  });
});
