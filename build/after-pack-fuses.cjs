// electron-builder `afterPack` hook: flips the Electron fuses in the packaged binary. It runs
// after the files are in place and before code signing, as fuses must.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS hook, loaded by electron-builder */

const path = require('node:path');
const { buildFuseConfig } = require('./fuses-config.cjs');

// builder-util's Arch enum.
const ARCH_ARM64 = 3;
const ARCH_UNIVERSAL = 4;

/** Where the Electron binary is inside the packed app (the same rule electron-builder uses). */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`Fuses: unsupported platform ${electronPlatformName}`);
  }
}

async function flipFusesAfterPack(context, loadFuses = () => import('@electron/fuses')) {
  const fuses = await loadFuses();
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  // Flipping fuses breaks the ad-hoc signature an Apple Silicon binary must carry to launch.
  const resetAdHocDarwinSignature = isMac && (context.arch === ARCH_ARM64 || context.arch === ARCH_UNIVERSAL);
  await fuses.flipFuses(electronBinaryPath(context), buildFuseConfig(fuses, { resetAdHocDarwinSignature }));
}

module.exports = { afterPack: (context) => flipFusesAfterPack(context), flipFusesAfterPack, electronBinaryPath };
