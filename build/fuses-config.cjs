// Electron fuses for the packaged app, flipped in the binary at package time (see
// after-pack-fuses.cjs). Each one closes a way to run code inside the signed app that is not
// ours. Kept apart from the hook so a unit test can check every setting.
'use strict';

/** Fuse name (as in @electron/fuses' FuseV1Options) → on/off. */
const FUSE_SETTINGS = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a plain Node.js runtime.
  RunAsNode: false,
  // Cookies on disk are encrypted with an OS-protected key.
  EnableCookieEncryption: true,
  // NODE_OPTIONS could preload arbitrary code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect would let anyone attach a debugger to the main process and read tokens.
  EnableNodeCliInspectArguments: false,
  // The app.asar is checked against the hash embedded at build time (macOS, Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only the (integrity-checked) app.asar is loaded, never a loose `app/` folder beside it.
  OnlyLoadAppFromAsar: true,
  // We ship no custom browser-process V8 snapshot.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The app is served from app://, so file:// pages need no extra privileges.
  GrantFileProtocolExtraPrivileges: false,
  // Electron's default: V8's WebAssembly out-of-bounds trap handlers stay on.
  WasmTrapHandlers: true,
});

/**
 * Builds the config for `flipFuses` from the @electron/fuses module's own enums, so the fuse
 * indexes are never hard-coded here. `strictlyRequireAllFuses` makes packaging fail if a newer
 * Electron adds a fuse we have not decided on.
 */
function buildFuseConfig(fuses, options = {}) {
  const config = {
    version: fuses.FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: Boolean(options.resetAdHocDarwinSignature),
  };
  for (const [name, enabled] of Object.entries(FUSE_SETTINGS)) {
    const index = fuses.FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`@electron/fuses does not know the fuse "${name}"`);
    config[index] = enabled;
  }
  return config;
}

module.exports = { FUSE_SETTINGS, buildFuseConfig };
