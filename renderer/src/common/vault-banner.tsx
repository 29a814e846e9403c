// Tells the admin where their tokens live when it is not the OS's encryption, and after a damaged
// store file was set aside. Shown on every screen: it changes what closing the app means.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserError } from '../../../electron/shared/user-error';
import { useApi } from '../api/api-context';
import { useAppInfo } from './app-info-context';
import { ConfirmDialog } from './dialog';
import { ErrorMessage } from './error-message';

export function VaultBanner() {
  const { t } = useTranslation();
  const api = useApi();
  const { info, setVault } = useAppInfo();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);
  const { vault } = info;

  const accept = async () => {
    setBusy(true);
    setError(null);
    const result = await api.acceptWeakStorage({ accept: true });
    setBusy(false);
    setConfirming(false);
    if (result.ok) setVault(result.value);
    else setError(result.error);
  };

  return (
    <>
      {vault.mode === 'memory-only' ? (
        <div className="banner banner--warning">
          <p className="banner__title">{t('vaultBanner.memoryOnly.title')}</p>
          <p>{t(vault.encryption === 'basic-text' ? 'vaultBanner.memoryOnly.bodyBasicText' : 'vaultBanner.memoryOnly.body')}</p>
          <div className="banner__actions">
            <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
              {t('vaultBanner.memoryOnly.accept')}
            </button>
          </div>
          {error ? <ErrorMessage error={error} compact /> : null}
        </div>
      ) : null}
      {vault.mode === 'weak-accepted' ? (
        <div className="banner banner--info">
          <p>{t('vaultBanner.weakAccepted')}</p>
        </div>
      ) : null}
      {vault.recoveredCorruptFile ? (
        <div className="banner banner--info">
          <p className="banner__title">{t('vaultBanner.recovered.title')}</p>
          <p>{t('vaultBanner.recovered.body')}</p>
        </div>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('vaultBanner.confirm.title')}
          confirmLabel={t('vaultBanner.confirm.confirm')}
          onConfirm={() => void accept()}
          onCancel={() => setConfirming(false)}
          busy={busy}
          danger
        >
          <p>{t('vaultBanner.confirm.body')}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
