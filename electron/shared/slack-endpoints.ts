// Every Slack address the app uses, in one place. Environment-free: the caller says whether the
// development override may be honoured (never in a packaged release build).
import type { SlackRegion } from './ipc-contract';

export const SLACK_ORIGIN_OVERRIDE_ENV = 'ORG_TOKEN_HELPER_SLACK_ORIGIN';

export interface SlackEndpoints {
  region: SlackRegion | 'simulated';
  /** Where the admin signs in: `/oauth/v2/authorize`. */
  authorizeUrl: string;
  /** Base for Web API methods, with a trailing slash (as @slack/web-api wants `slackApiUrl`). */
  webApiBaseUrl: string;
  /** Base for SCIM (`/scim/v2/…`) and Audit Logs (`/audit/v1/…`). */
  restApiOrigin: string;
  /** Where admins create and manage Slack apps. */
  appsPageUrl: string;
  /** Hosts the sign-in window may show (anything else is not Slack). */
  signInHosts: string[];
}

const COMMERCIAL: SlackEndpoints = {
  region: 'commercial',
  authorizeUrl: 'https://slack.com/oauth/v2/authorize',
  webApiBaseUrl: 'https://slack.com/api/',
  restApiOrigin: 'https://api.slack.com',
  appsPageUrl: 'https://api.slack.com/apps',
  signInHosts: ['slack.com', '*.slack.com', '*.enterprise.slack.com'],
};

// GovSlack's SCIM and Audit hosts are unconfirmed in Slack's docs; api.slack-gov.com mirrors
// the commercial layout, so that is the best guess (see shared/slack-api-notes.md).
const GOV: SlackEndpoints = {
  region: 'gov',
  authorizeUrl: 'https://slack-gov.com/oauth/v2/authorize',
  webApiBaseUrl: 'https://slack-gov.com/api/',
  restApiOrigin: 'https://api.slack-gov.com',
  appsPageUrl: 'https://api.slack-gov.com/apps',
  signInHosts: ['slack-gov.com', '*.slack-gov.com'],
};

/** Accepts only a bare http(s) origin on a loopback address, e.g. `http://127.0.0.1:5123`. */
export function parseOverrideOrigin(value: string | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (!loopback || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return null;
  return url.origin;
}

export function resolveSlackEndpoints(options: {
  region: SlackRegion;
  env: Record<string, string | undefined>;
  /** False in a packaged release build: the override is then ignored. */
  allowOverride: boolean;
}): SlackEndpoints {
  const override = options.allowOverride ? parseOverrideOrigin(options.env[SLACK_ORIGIN_OVERRIDE_ENV]) : null;
  if (override) {
    const host = new URL(override).host;
    return {
      region: 'simulated',
      authorizeUrl: `${override}/oauth/v2/authorize`,
      webApiBaseUrl: `${override}/api/`,
      restApiOrigin: override,
      appsPageUrl: `${override}/apps`,
      signInHosts: [host],
    };
  }
  return options.region === 'gov' ? GOV : COMMERCIAL;
}

/** The redirect URL the Slack app is configured with; the app catches it before it loads. */
export const REDIRECT_URI = 'https://localhost';
