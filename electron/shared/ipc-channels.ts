// Every channel between the renderer and the main process, in one enum (as Electron Fiddle does).
// This file has no dependencies so the sandboxed preload can bundle it without pulling in zod.

export enum IpcChannel {
  // App and settings
  GetAppInfo = 'app:get-info',
  SetLanguage = 'app:set-language',
  SetSlackRegion = 'app:set-slack-region',
  OpenExternal = 'app:open-external',

  // Guided setup
  GetSetupState = 'setup:get-state',
  SaveSetupProgress = 'setup:save-progress',
  SaveClientCredentials = 'setup:save-client-credentials',
  StartSignIn = 'setup:start-sign-in',
  CancelSignIn = 'setup:cancel-sign-in',
  StartBrowserSignIn = 'setup:start-browser-sign-in',
  CompleteBrowserSignIn = 'setup:complete-browser-sign-in',
  ResetSetup = 'setup:reset',

  // Saved tokens (vault)
  ListTokens = 'vault:list',
  TestToken = 'vault:test',
  CopyToken = 'vault:copy',
  RevealToken = 'vault:reveal',
  RevokeToken = 'vault:revoke',
  ForgetToken = 'vault:forget',
  RefreshToken = 'vault:refresh',
  AcceptWeakStorage = 'vault:accept-weak-storage',

  // A leaked token pasted in by the admin; never stored
  InspectLeakedToken = 'leaked:inspect',
  RevokeLeakedToken = 'leaked:revoke',
  DiscardLeakedToken = 'leaked:discard',
}

/** Events the main process pushes to the renderer. */
export enum IpcEvent {
  SignInProgress = 'event:sign-in-progress',
  RateLimitCountdown = 'event:rate-limit-countdown',
  VaultChanged = 'event:vault-changed',
  LanguageChanged = 'event:language-changed',
}

/**
 * The preload exposes one purpose-named method per channel (no generic invoke).
 * The same table builds the browser harness's bridge, so both stay in step.
 */
export const API_METHODS = {
  getAppInfo: IpcChannel.GetAppInfo,
  setLanguage: IpcChannel.SetLanguage,
  setSlackRegion: IpcChannel.SetSlackRegion,
  openExternal: IpcChannel.OpenExternal,
  getSetupState: IpcChannel.GetSetupState,
  saveSetupProgress: IpcChannel.SaveSetupProgress,
  saveClientCredentials: IpcChannel.SaveClientCredentials,
  startSignIn: IpcChannel.StartSignIn,
  cancelSignIn: IpcChannel.CancelSignIn,
  startBrowserSignIn: IpcChannel.StartBrowserSignIn,
  completeBrowserSignIn: IpcChannel.CompleteBrowserSignIn,
  resetSetup: IpcChannel.ResetSetup,
  listTokens: IpcChannel.ListTokens,
  testToken: IpcChannel.TestToken,
  copyToken: IpcChannel.CopyToken,
  revealToken: IpcChannel.RevealToken,
  revokeToken: IpcChannel.RevokeToken,
  forgetToken: IpcChannel.ForgetToken,
  refreshToken: IpcChannel.RefreshToken,
  acceptWeakStorage: IpcChannel.AcceptWeakStorage,
  inspectLeakedToken: IpcChannel.InspectLeakedToken,
  revokeLeakedToken: IpcChannel.RevokeLeakedToken,
  discardLeakedToken: IpcChannel.DiscardLeakedToken,
} as const satisfies Record<string, IpcChannel>;

export const EVENT_SUBSCRIPTIONS = {
  onSignInProgress: IpcEvent.SignInProgress,
  onRateLimitCountdown: IpcEvent.RateLimitCountdown,
  onVaultChanged: IpcEvent.VaultChanged,
  onLanguageChanged: IpcEvent.LanguageChanged,
} as const satisfies Record<string, IpcEvent>;

export type ApiMethodName = keyof typeof API_METHODS;
export type EventSubscriptionName = keyof typeof EVENT_SUBSCRIPTIONS;

/** The name under which the preload exposes the API on `window`. */
export const API_GLOBAL_NAME = 'orgTokenHelper';
