// Saved tokens as the setup would leave them, for the vault, revoke and rotation tests.
import type { NewTokenEntry } from '../../seams';
import type { ManagedTokenVault } from '../token-vault';
import { FAKE_IDENTITY, type FakeSlack } from './fake-slack-gateway';

/** A SCIM token entry; `overrides` change only what a test is about. */
export function tokenEntry(token: string, overrides: Partial<NewTokenEntry> = {}): NewTokenEntry {
  return {
    token,
    refreshToken: null,
    expiresInSeconds: null,
    identity: FAKE_IDENTITY,
    scopes: ['admin'],
    requestedScopes: ['admin'],
    apis: ['scim'],
    appId: null,
    clientId: null,
    ...overrides,
  };
}

/** A non-rotating user token, live at the fake Slack and saved in the vault. */
export async function saveUserToken(vault: ManagedTokenVault, slack: FakeSlack): Promise<{ id: string; token: string }> {
  const token = slack.mintUserToken();
  const saved = await vault.save(tokenEntry(token));
  return { id: saved.id, token };
}

/** A rotating token with its refresh token and app credentials, saved in the vault. */
export async function saveRotatingToken(vault: ManagedTokenVault, slack: FakeSlack, lifetimeSeconds = 43_200) {
  const minted = slack.mintRotatingToken({ lifetimeSeconds });
  const saved = await vault.save(
    tokenEntry(minted.token, { refreshToken: minted.refreshToken, expiresInSeconds: lifetimeSeconds, clientId: minted.clientId }),
  );
  return { ...minted, id: saved.id };
}
