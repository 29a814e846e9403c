import { beforeEach, describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { resetFakeElectron, session } from '../../../test/fakes/electron';
import { denyAllPermissions } from './permission-handler';

describe('denyAllPermissions', () => {
  beforeEach(() => resetFakeElectron());

  it.each(['clipboard-sanitized-write', 'clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'fullscreen', 'unknown'])(
    'refuses a %s request',
    async (permission) => {
      denyAllPermissions(session.defaultSession as unknown as Session);
      await expect(session.defaultSession.simulatePermissionRequest(permission)).resolves.toBe(false);
    },
  );

  it('answers every permission check with no', () => {
    denyAllPermissions(session.defaultSession as unknown as Session);
    expect(session.defaultSession.permissionCheckHandler?.(null, 'clipboard-read', 'app://bundle', {})).toBe(false);
    expect(session.defaultSession.permissionCheckHandler?.(null, 'media', 'https://slack.com', {})).toBe(false);
  });

  it('changes what Electron would otherwise grant', async () => {
    await expect(session.defaultSession.simulatePermissionRequest('media')).resolves.toBe(true);
  });
});
