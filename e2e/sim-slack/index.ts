// The simulated Slack used by every test and the demo: OAuth pages, Web API, SCIM and Audit
// Logs on one local origin, with seeded org, users, injectable faults and a settable clock.

export type {
  FaultKind,
  FaultTarget,
  SimApp,
  SimInstall,
  SimSlack,
  SimUser,
  SlackRole,
  TokenStatus,
} from './types';
export { startSimSlack } from './server';
