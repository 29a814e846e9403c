import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it, vi } from 'vitest';
import type * as AfterPackModule from '../../build/after-pack-fuses.cjs';
import type * as FusesConfigModule from '../../build/fuses-config.cjs';

const root = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const { buildFuseConfig, FUSE_SETTINGS } = require('../../build/fuses-config.cjs') as typeof FusesConfigModule;
const afterPackHook = require('../../build/after-pack-fuses.cjs') as typeof AfterPackModule;

const fusesModule = { FuseVersion, FuseV1Options };

describe('fuse settings', () => {
  const config = buildFuseConfig(fusesModule);

  it.each([
    ['RunAsNode', FuseV1Options.RunAsNode, false],
    ['EnableCookieEncryption', FuseV1Options.EnableCookieEncryption, true],
    ['EnableNodeOptionsEnvironmentVariable', FuseV1Options.EnableNodeOptionsEnvironmentVariable, false],
    ['EnableNodeCliInspectArguments', FuseV1Options.EnableNodeCliInspectArguments, false],
    ['EnableEmbeddedAsarIntegrityValidation', FuseV1Options.EnableEmbeddedAsarIntegrityValidation, true],
    ['OnlyLoadAppFromAsar', FuseV1Options.OnlyLoadAppFromAsar, true],
    ['LoadBrowserProcessSpecificV8Snapshot', FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, false],
    ['GrantFileProtocolExtraPrivileges', FuseV1Options.GrantFileProtocolExtraPrivileges, false],
  ] as const)('%s is %s', (_name, index, expected) => {
    expect(config[index]).toBe(expected);
  });

  it('decides every fuse @electron/fuses knows, and fails packaging on an unknown one', () => {
    const known = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    expect(Object.keys(FUSE_SETTINGS).sort()).toEqual(known.sort());
    expect(config['strictlyRequireAllFuses']).toBe(true);
    expect(config['version']).toBe(FuseVersion.V1);
  });

  it('refuses a fuse name the library does not know', () => {
    expect(() => buildFuseConfig({ FuseVersion, FuseV1Options: { RunAsNode: 0 } })).toThrow(/does not know the fuse/);
  });
});

describe('afterPack hook', () => {
  function context(electronPlatformName: string, arch = 1) {
    return {
      appOutDir: '/release/mac-arm64',
      electronPlatformName,
      arch,
      packager: { appInfo: { productFilename: 'Org Token Helper for Slack' }, executableName: 'org-token-helper' },
    };
  }

  async function run(electronPlatformName: string, arch?: number) {
    const flipFuses = vi.fn((_path: string, _config: Record<string, unknown>) => Promise.resolve(1));
    await afterPackHook.flipFusesAfterPack(context(electronPlatformName, arch), () => Promise.resolve({ ...fusesModule, flipFuses }));
    expect(flipFuses).toHaveBeenCalledTimes(1);
    const [path, config] = flipFuses.mock.calls[0] ?? [];
    return { path, config };
  }

  it('flips the fuses in the macOS app bundle, resetting the ad-hoc signature on Apple Silicon', async () => {
    const arm = await run('darwin', 3);
    expect(arm.path).toBe(join('/release/mac-arm64', 'Org Token Helper for Slack.app'));
    expect(arm.config?.['resetAdHocDarwinSignature']).toBe(true);
    expect(arm.config?.[FuseV1Options.RunAsNode]).toBe(false);
    expect((await run('darwin', 1)).config?.['resetAdHocDarwinSignature']).toBe(false);
  });

  it('flips the fuses in the Windows and Linux executables', async () => {
    expect((await run('win32')).path).toBe(join('/release/mac-arm64', 'Org Token Helper for Slack.exe'));
    expect((await run('linux')).path).toBe(join('/release/mac-arm64', 'org-token-helper'));
  });

  it('is exported under the name electron-builder looks for', () => {
    expect(typeof afterPackHook.afterPack).toBe('function');
  });
});

describe('electron-builder configuration', () => {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
    mac: Record<string, unknown>;
    nsis: Record<string, unknown>;
  };

  it('names the app and packs only the build output', () => {
    expect(config['appId']).toBe('dev.orgtokenhelper.app');
    expect(config['productName']).toBe('Org Token Helper for Slack');
    expect(config['files']).toEqual(['out/**', 'package.json']);
    expect(config['asar']).toBe(true);
  });

  it('runs the fuse hook, and does not also ask electron-builder to flip fuses', () => {
    expect(config['afterPack']).toBe('./build/after-pack-fuses.cjs');
    expect(existsSync(join(root, 'build', 'after-pack-fuses.cjs'))).toBe(true);
    expect(config['electronFuses']).toBeUndefined();
  });

  it('signs macOS builds with the hardened runtime and minimal entitlements', () => {
    expect(config.mac['hardenedRuntime']).toBe(true);
    expect(config.mac['target']).toEqual(['dmg', 'zip']);
    const entitlements = readFileSync(join(root, String(config.mac['entitlements'])), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.allow-jit');
    expect(entitlements).not.toContain('disable-library-validation');
    expect(entitlements).not.toContain('allow-dyld-environment-variables');
  });

  it('builds a double-click Windows installer that needs no administrator', () => {
    expect(config.nsis['oneClick']).toBe(true);
    expect(config.nsis['perMachine']).toBe(false);
  });

  it('passes electron-builder’s own schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(structuredClone(config), { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });
});
