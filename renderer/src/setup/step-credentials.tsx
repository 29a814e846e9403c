import { useId, useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { REDIRECT_URI } from '../../../electron/shared/slack-endpoints';
import type { UserError } from '../../../electron/shared/user-error';
import { useApi } from '../api/api-context';
import { useAppInfo } from '../common/app-info-context';
import { CopyField } from '../common/copy-field';
import { ErrorMessage } from '../common/error-message';
import { ScopeChips } from '../common/scope-chips';
import { appsPageUrl } from '../common/slack-links';
import { checkClientId, checkClientSecret } from './credential-shape';
import { StepFrame } from './step-frame';
import type { SetupController } from './use-setup';

const strong = { strong: <strong /> };

export function CredentialsStep({ setup }: { setup: SetupController }) {
  const { t } = useTranslation();
  const api = useApi();
  const { info } = useAppInfo();
  const { state } = setup;
  const [clientId, setClientId] = useState(state.clientId);
  // The secret lives here only until it is handed to main, then this state is emptied.
  const [secret, setSecret] = useState('');
  const [showSecret, setShowSecret] = useState(false);
  const [remember, setRemember] = useState(state.rememberApp);
  const [touched, setTouched] = useState({ id: false, secret: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);
  const [linkError, setLinkError] = useState<UserError | null>(null);
  const idRef = useRef<HTMLInputElement>(null);
  const secretRef = useRef<HTMLInputElement>(null);
  const idFieldId = useId();
  const secretFieldId = useId();

  const idCheck = checkClientId(clientId);
  const secretCheck = checkClientSecret(secret);
  const keepSavedSecret = state.hasClientSecret && secret === '' && clientId.trim() === state.clientId;
  const secretProblem = keepSavedSecret ? null : secretCheck === 'ok' ? null : secretCheck;
  const idProblem = idCheck === 'ok' ? null : idCheck;

  const openAppsPage = async () => {
    setLinkError(null);
    const result = await api.openExternal({ url: appsPageUrl(info) });
    if (!result.ok) setLinkError(result.error);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched({ id: true, secret: true });
    setError(null);
    if (idProblem) {
      idRef.current?.focus();
      return;
    }
    if (secretProblem) {
      secretRef.current?.focus();
      return;
    }
    const id = clientId.trim();
    if (keepSavedSecret) {
      await setup.complete('credentials', { clientId: id, rememberApp: remember });
      return;
    }
    setBusy(true);
    const sent = secret.trim();
    setSecret('');
    setShowSecret(false);
    const result = await api.saveClientCredentials({ clientId: id, clientSecret: sent, remember });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setTouched((v) => ({ ...v, secret: false }));
      return;
    }
    setup.replace(result.value);
    await setup.complete('credentials', { clientId: id, rememberApp: remember });
  };

  return (
    <StepFrame
      step="credentials"
      intro={t('setup.credentials.intro')}
    >
      <ol className="numbered-steps">
        <li>
          <p>{t('setup.credentials.steps.open')}</p>
          <button type="button" className="button button--secondary" onClick={() => void openAppsPage()}>
            {t('setup.credentials.openAppsPage')}
          </button>
          {linkError ? <ErrorMessage error={linkError} compact /> : null}
        </li>
        <li>
          <p>
            <Trans i18nKey="setup.credentials.steps.create" components={strong} />
          </p>
        </li>
        <li>
          <p>
            <Trans i18nKey="setup.credentials.steps.redirect" components={strong} />
          </p>
          <CopyField label={t('setup.credentials.redirectLabel')} value={REDIRECT_URI} />
        </li>
        <li>
          <p>
            <Trans i18nKey="setup.credentials.steps.scopes" components={strong} />
          </p>
          <ScopeChips scopes={state.userScopes} label={t('setup.credentials.scopesLabel')} />
          <CopyField label={t('setup.credentials.scopesLabel')} value={state.userScopes.join(',')} />
        </li>
        <li>
          <p>
            <Trans i18nKey="setup.credentials.steps.distribute" components={strong} />
          </p>
        </li>
        <li>
          <p>
            <Trans i18nKey="setup.credentials.steps.copyCredentials" components={strong} />
          </p>
        </li>
      </ol>
      <form className="form panel" aria-labelledby="credentials-form-title" onSubmit={(e) => void submit(e)} noValidate>
        <h2 className="panel__title" id="credentials-form-title">
          {t('setup.credentials.formTitle')}
        </h2>
        <div className="field">
          <label className="field-label" htmlFor={idFieldId}>
            {t('setup.credentials.clientId')}
          </label>
          <input
            id={idFieldId}
            ref={idRef}
            className="input input--code"
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            onBlur={() => setTouched((v) => ({ ...v, id: true }))}
            autoComplete="off"
            spellCheck={false}
            inputMode="decimal"
            aria-invalid={touched.id && idProblem !== null}
            aria-describedby={`${idFieldId}-hint`}
          />
          <p className={touched.id && idProblem ? 'field-error' : 'hint'} id={`${idFieldId}-hint`}>
            {touched.id && idProblem ? t(`setup.credentials.clientIdProblem.${idProblem}`) : t('setup.credentials.clientIdHint')}
          </p>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={secretFieldId}>
            {t('setup.credentials.clientSecret')}
          </label>
          <div className="input-with-button">
            <input
              id={secretFieldId}
              ref={secretRef}
              className="input input--code"
              type={showSecret ? 'text' : 'password'}
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
              onBlur={() => setTouched((v) => ({ ...v, secret: true }))}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={touched.secret && secretProblem !== null}
              aria-describedby={`${secretFieldId}-hint`}
            />
            <button
              type="button"
              className="button button--secondary"
              aria-pressed={showSecret}
              aria-controls={secretFieldId}
              onClick={() => setShowSecret((v) => !v)}
            >
              {t('setup.credentials.showSecret')}
            </button>
          </div>
          <p className={touched.secret && secretProblem ? 'field-error' : 'hint'} id={`${secretFieldId}-hint`}>
            {touched.secret && secretProblem
              ? t(`setup.credentials.clientSecretProblem.${secretProblem}`)
              : state.hasClientSecret && clientId.trim() === state.clientId
                ? t('setup.credentials.secretKept')
                : t('setup.credentials.clientSecretHint')}
          </p>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          <span>
            {t('setup.credentials.remember')}
            <span className="hint hint--block">{t('setup.credentials.rememberHint')}</span>
          </span>
        </label>
        {error ? <ErrorMessage error={error} /> : null}
        <div className="step__footer">
          <button type="button" className="button button--secondary" onClick={() => void setup.open('scopes')}>
            {t('common.back')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('setup.credentials.saving') : t('setup.credentials.save')}
          </button>
        </div>
      </form>
    </StepFrame>
  );
}
