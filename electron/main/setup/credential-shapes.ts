// Quick checks of what the admin pasted from the app's Basic Information page, so a secret
// pasted into the client ID field (or a truncated copy) is caught before the sign-in.
// Lenient on lengths: Slack documents neither format.

/** Slack client IDs look like `1234567890.1234567890123`. */
const CLIENT_ID = /^\d{5,20}\.\d{5,20}$/;

/** Slack client secrets are 32 lowercase hex characters today. */
const CLIENT_SECRET = /^[a-f0-9]{20,64}$/;

export function isClientIdShape(value: string): boolean {
  return CLIENT_ID.test(value.trim());
}

export function isClientSecretShape(value: string): boolean {
  return CLIENT_SECRET.test(value.trim());
}
