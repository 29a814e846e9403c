// The saved-token channels (TestToken lives with the guided setup). Every answer is a Result or
// plain metadata; the token itself leaves the main process only through Reveal, briefly, at the
// admin's request.
import { IpcChannel, IpcEvent } from '../../shared/ipc-channels';
import type { ChannelHandlers, EventPayloads, Result } from '../../shared/ipc-contract';
import type { UserError } from '../../shared/user-error';
import type { ClipboardGuard } from '../clipboard/clipboard-guard';
import { neverThrow } from '../revoke/never-throw';
import { revokeSavedToken } from '../revoke/revoke-saved-token';
import type { RotationScheduler } from '../rotation/rotation-scheduler';
import type { Clock, EventSink, SlackGateway } from '../seams';
import type { ManagedTokenVault } from './token-vault';

type VaultChannels =
  | IpcChannel.ListTokens
  | IpcChannel.CopyToken
  | IpcChannel.RevealToken
  | IpcChannel.RevokeToken
  | IpcChannel.ForgetToken
  | IpcChannel.RefreshToken
  | IpcChannel.AcceptWeakStorage;

export type VaultHandlers = Pick<ChannelHandlers, VaultChannels>;

export interface VaultHandlerDeps {
  vault: ManagedTokenVault;
  gateway: Pick<SlackGateway, 'revoke' | 'authTest'>;
  clipboardGuard: Pick<ClipboardGuard, 'copySecret'>;
  /** Refreshes rotating tokens (RefreshToken, and renewing an expired token before a revoke). */
  rotation: Pick<RotationScheduler, 'refreshNow' | 'sync'>;
  emit: EventSink;
  clock: Pick<Clock, 'now'>;
  revealSeconds?: number;
}

export function createVaultHandlers(deps: VaultHandlerDeps): VaultHandlers {
  const { vault, gateway, clipboardGuard, rotation, emit, clock } = deps;
  const revealSeconds = deps.revealSeconds ?? 15;

  function changed(reason: EventPayloads[IpcEvent.VaultChanged]['reason']): void {
    emit(IpcEvent.VaultChanged, { reason });
  }

  return {
    [IpcChannel.ListTokens]: () => ({ tokens: vault.list(), vault: vault.status() }),

    [IpcChannel.CopyToken]: ({ tokenId }) =>
      neverThrow(async () => {
        const token = vault.openToken(tokenId);
        if (!token.ok) return token;
        const { clearsAfterMs } = await clipboardGuard.copySecret(token.value);
        return { ok: true, value: { clearsAfterSeconds: Math.round(clearsAfterMs / 1000) } };
      }),

    [IpcChannel.RevealToken]: ({ tokenId }) =>
      neverThrow(async () => {
        const token = vault.openToken(tokenId);
        if (!token.ok) return token;
        return { ok: true, value: { token: token.value, hideAfterSeconds: revealSeconds } };
      }),

    [IpcChannel.RevokeToken]: ({ tokenId }) =>
      neverThrow(async () => {
        if (!vault.get(tokenId)) return failure({ code: 'token-not-found' });
        const result = await revokeSavedToken({ vault, gateway, id: tokenId, clock, refreshFirst: (id) => rotation.refreshNow(id) });
        // Succeeded or not, the entry's status changed (revoked, or revoke-failed with the reason).
        rotation.sync();
        changed('revoked');
        return result;
      }),

    [IpcChannel.ForgetToken]: ({ tokenId }) =>
      neverThrow(async () => {
        if (!(await vault.forget(tokenId))) return failure({ code: 'token-not-found' });
        rotation.sync();
        changed('forgotten');
        return { ok: true, value: { forgotten: true } };
      }),

    [IpcChannel.RefreshToken]: ({ tokenId }) =>
      // The scheduler announces the change itself (success and failure both alter the entry).
      neverThrow(() => rotation.refreshNow(tokenId)),

    [IpcChannel.AcceptWeakStorage]: ({ accept }) =>
      neverThrow(async () => {
        // With no cipher at all there is nothing weaker to accept: the secrets stay in memory,
        // and the choice is not remembered for a later start where it might silently apply.
        if (accept && vault.status().encryption === 'unavailable') return failure({ code: 'encryption-unavailable' });
        const status = await vault.acceptWeakStorage(accept);
        changed('saved');
        return { ok: true, value: status };
      }),
  };
}

function failure(error: UserError): Result<never> {
  return { ok: false, error };
}
