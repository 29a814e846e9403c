// Revoke a token someone pasted where it should not be. The token goes to main once, is never
// stored, and is held there only behind an opaque handle that we drop when the admin leaves.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeakedRevokeResult, LeakedTokenInspection } from '../../../electron/shared/ipc-contract';
import type { UserError } from '../../../electron/shared/user-error';
import { useApi } from '../api/api-context';
import { ConfirmDialog } from '../common/dialog';
import { ErrorMessage } from '../common/error-message';
import { MaskedToken } from '../common/masked-token';
import { ScopeChips } from '../common/scope-chips';
import { ScreenHeading } from '../common/screen-heading';
import { IdentityList } from '../common/test-report';

export function LeakedScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const fieldId = useId();
  const [value, setValue] = useState('');
  const [inspection, setInspection] = useState<LeakedTokenInspection | null>(null);
  const [confirmedRightOne, setConfirmedRightOne] = useState(false);
  const [busy, setBusy] = useState<'check' | 'dry-run' | 'revoke' | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [outcome, setOutcome] = useState<LeakedRevokeResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const handleRef = useRef<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);

  // Leaving the screen: main forgets the pasted token.
  useEffect(
    () => () => {
      if (handleRef.current) void api.discardLeakedToken({ handle: handleRef.current });
    },
    [api],
  );

  const check = async (event: FormEvent) => {
    event.preventDefault();
    const token = value.trim();
    setValue('');
    if (!token) return;
    setError(null);
    setOutcome(null);
    setBusy('check');
    const result = await api.inspectLeakedToken({ token });
    setBusy(null);
    if (result.ok) {
      handleRef.current = result.value.handle;
      setInspection(result.value);
      setConfirmedRightOne(false);
    } else {
      setError(result.error);
      fieldRef.current?.focus();
    }
  };

  const revoke = async (dryRun: boolean) => {
    if (!inspection) return;
    setConfirming(false);
    setError(null);
    setOutcome(null);
    setBusy(dryRun ? 'dry-run' : 'revoke');
    const result = await api.revokeLeakedToken({ handle: inspection.handle, dryRun });
    setBusy(null);
    if (result.ok) setOutcome(result.value);
    else setError(result.error);
  };

  const startOver = () => {
    if (handleRef.current) void api.discardLeakedToken({ handle: handleRef.current });
    handleRef.current = null;
    setInspection(null);
    setOutcome(null);
    setError(null);
    setConfirmedRightOne(false);
  };

  const revoked = outcome && !outcome.dryRun;

  return (
    <div className="screen screen--narrow">
      <ScreenHeading>{t('leaked.title')}</ScreenHeading>
      <p className="screen__intro">{t('leaked.intro')}</p>
      <p className="hint">{t('leaked.notStored')}</p>

      {!inspection ? (
        <form className="form panel" onSubmit={(e) => void check(e)}>
          <label className="field-label" htmlFor={fieldId}>
            {t('leaked.field')}
          </label>
          <input
            id={fieldId}
            ref={fieldRef}
            className="input input--code"
            type="password"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${fieldId}-hint`}
          />
          <p className="hint" id={`${fieldId}-hint`}>
            {t('leaked.fieldHint')}
          </p>
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={busy !== null || !value.trim()}>
              {t('leaked.check')}
            </button>
          </div>
        </form>
      ) : (
        <section className="panel" aria-labelledby="leaked-whose">
          <h2 className="panel__title" id="leaked-whose">
            {t('leaked.whoseTitle')}
          </h2>
          <p>
            {t(`leaked.kind.${inspection.kind}`)} <MaskedToken value={inspection.maskedToken} />
          </p>
          {inspection.identity ? <IdentityList identity={inspection.identity} /> : <p className="hint">{t('leaked.noIdentity')}</p>}
          {inspection.scopes.length > 0 ? (
            <>
              <p className="field-label">{t('token.scopes')}</p>
              <ScopeChips scopes={inspection.scopes} label={t('token.scopes')} />
            </>
          ) : null}

          {!revoked ? (
            <>
              <label className="checkbox checkbox--emphasis">
                <input type="checkbox" checked={confirmedRightOne} onChange={(e) => setConfirmedRightOne(e.target.checked)} />
                <span>{t('leaked.confirmRightOne')}</span>
              </label>
              <div className="actions">
                <button type="button" className="button button--secondary" onClick={() => void revoke(true)} disabled={busy !== null}>
                  {t('leaked.dryRun')}
                </button>
                <button type="button" className="button button--danger" onClick={() => setConfirming(true)} disabled={busy !== null || !confirmedRightOne}>
                  {t('leaked.revoke')}
                </button>
              </div>
            </>
          ) : null}
          <div className="actions">
            <button type="button" className="button button--ghost" onClick={startOver} disabled={busy !== null}>
              {t('leaked.another')}
            </button>
          </div>
        </section>
      )}

      <p className={busy ? 'progress' : 'visually-hidden'} role="status">
        {busy ? (
          <>
            <span className="spinner" aria-hidden="true" />
            {t(`leaked.busy.${busy}`)}
          </>
        ) : null}
      </p>

      <div role="status" className={outcome ? '' : 'visually-hidden'}>
        {outcome?.dryRun ? (
          <p className="notice notice--info">{t(outcome.wouldRevoke ? 'leaked.dryRunYes' : 'leaked.dryRunNo')}</p>
        ) : null}
        {outcome && !outcome.dryRun ? (
          <p className={outcome.verified ? 'notice notice--success' : 'notice notice--warning'}>
            {t(outcome.verified ? 'leaked.revokedConfirmed' : 'leaked.revokedUnconfirmed')}
          </p>
        ) : null}
      </div>

      {error ? (
        <ErrorMessage error={error}>
          {error.code === 'leaked-token-expired' ? (
            <button type="button" className="button button--primary" onClick={startOver}>
              {t('leaked.another')}
            </button>
          ) : null}
        </ErrorMessage>
      ) : null}

      {confirming ? (
        <ConfirmDialog
          title={t('leaked.confirmTitle')}
          confirmLabel={t('leaked.revoke')}
          onConfirm={() => void revoke(false)}
          onCancel={() => setConfirming(false)}
          danger
        >
          <p>{t('leaked.confirmBody')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
