import type { AppInfo } from '../../../electron/shared/ipc-contract';
import { SLACK_ORIGIN_OVERRIDE_ENV, resolveSlackEndpoints } from '../../../electron/shared/slack-endpoints';

/** The Slack apps page for the region the admin chose (or the simulated Slack in a demo). */
export function appsPageUrl(info: Pick<AppInfo, 'slackRegion' | 'simulatedSlackOrigin'>): string {
  return resolveSlackEndpoints({
    region: info.slackRegion,
    env: { [SLACK_ORIGIN_OVERRIDE_ENV]: info.simulatedSlackOrigin ?? undefined },
    allowOverride: info.simulatedSlackOrigin !== null,
  }).appsPageUrl;
}
