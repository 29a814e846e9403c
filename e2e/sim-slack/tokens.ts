import { randomBytes, randomInt } from 'node:crypto';

// Every token, secret and code is minted at runtime from the OS random source, so no
// real-looking credential is ever written into the repository and no two runs share one.

function digits(count: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < count) out += String(randomInt(0, 10));
  return out;
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function alnum(count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += ALNUM.charAt(randomInt(0, ALNUM.length));
  return out;
}

/** Classic user token: xoxp-<digits>-<digits>-<digits>-<32 hex>. */
export function newUserToken(): string {
  return `xoxp-${digits(10)}-${digits(11)}-${digits(13)}-${hex(16)}`;
}

/** Classic bot token: xoxb-<digits>-<digits>-<24 alnum>. */
export function newBotToken(): string {
  return `xoxb-${digits(10)}-${digits(13)}-${alnum(24)}`;
}

/** Expiring user token (rotation on) and app configuration token share this shape. */
export function newExpiringUserToken(): string {
  return `xoxe.xoxp-1-${alnum(150)}`;
}

export function newExpiringBotToken(): string {
  return `xoxe.xoxb-1-${alnum(150)}`;
}

export function newRefreshToken(): string {
  return `xoxe-1-${alnum(140)}`;
}

/** e.g. '1234567890.9876543210', as Slack client ids look. */
export function newClientId(): string {
  return `${digits(10)}.${digits(13)}`;
}

export function newSecret(): string {
  return hex(16);
}

export function newAppId(): string {
  return `A0${alnum(9).toUpperCase()}`;
}

/** OAuth codes look like '<digits>.<digits>.<64 hex>'. */
export function newOAuthCode(): string {
  return `${digits(10)}.${digits(13)}.${hex(32)}`;
}

export function newOpaqueId(): string {
  return hex(16);
}

export function newBotUserId(): string {
  return `U0${alnum(9).toUpperCase()}`;
}

export function newBotId(): string {
  return `B0${alnum(9).toUpperCase()}`;
}
