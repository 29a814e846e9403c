import { useEffect, useId, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Result, SignInPhase, TokenSummary } from '../../../electron/shared/ipc-contract';
import type { UserError } from '../../../electron/shared/user-error';
import { useApi } from '../api/api-context';
import { ErrorMessage } from '../common/error-message';
import { StepFrame } from './step-frame';
import type { SetupController } from './use-setup';

type Mode = 'idle' | 'window' | 'browser';

export function SignInStep({ setup, onSignedIn }: { setup: SetupController; onSignedIn: (token: TokenSummary) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { state } = setup;
  const [mode, setMode] = useState<Mode>('idle');
  const [busy, setBusy] = useState(false);
  const [phase, setPhase] = useState<{ phase: SignInPhase; address?: string } | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [pasted, setPasted] = useState('');
  const pasteId = useId();

  useEffect(() => api.onSignInProgress((progress) => setPhase(progress)), [api]);

  const finish = async (result: Result<TokenSummary>) => {
    setBusy(false);
    setPhase(null);
    if (result.ok) {
      setMode('idle');
      onSignedIn(result.value);
      await setup.complete('sign-in');
      return;
    }
    setError(result.error);
    // Closing the window is a choice, not a failure of the step.
    if (result.error.code !== 'sign-in-cancelled') await setup.fail('sign-in');
  };

  const startWindow = async () => {
    setError(null);
    setMode('window');
    setBusy(true);
    setPhase({ phase: 'opening' });
    await setup.clearFailure('sign-in');
    await finish(await api.startSignIn({}));
  };

  const startBrowser = async () => {
    setError(null);
    setBusy(true);
    const result = await api.startBrowserSignIn({});
    setBusy(false);
    if (result.ok) setMode('browser');
    else setError(result.error);
  };

  const submitPasted = async (event: FormEvent) => {
    event.preventDefault();
    const pastedUrl = pasted.trim();
    // The address carries a one-time sign-in code: it leaves the page as soon as it is sent.
    setPasted('');
    if (!pastedUrl) return;
    setError(null);
    setBusy(true);
    setPhase({ phase: 'exchanging' });
    await finish(await api.completeBrowserSignIn({ pastedUrl }));
  };

  const cancel = async () => {
    await api.cancelSignIn({});
    if (mode === 'browser') {
      setMode('idle');
      setBusy(false);
      setPhase(null);
    }
  };

  // The message's button does what it says: go to the step that fixes it, or sign in again
  // (with the usual browser, a corrected address is simply pasted again).
  const retry = () => {
    const backTo = error?.backTo;
    setError(null);
    if (backTo && backTo !== 'sign-in') void setup.open(backTo);
    else if (mode !== 'browser') void startWindow();
  };

  if (!state.hasClientSecret) {
    return (
      <StepFrame step="sign-in">
        <ErrorMessage error={{ code: 'missing-client-credentials', backTo: 'credentials' }}>
          <button type="button" className="button button--primary" onClick={() => void setup.open('credentials')}>
            {t('setup.goBackTo', { step: t('setup.steps.credentials') })}
          </button>
        </ErrorMessage>
      </StepFrame>
    );
  }

  const phaseText = phase
    ? t(`setup.signIn.phase.${phase.phase}`, { address: phase.address ?? '' })
    : mode === 'browser' && !busy
      ? t('setup.signIn.phase.waiting-for-paste')
      : '';

  return (
    <StepFrame step="sign-in" intro={t('setup.signIn.intro')}>
      <div className="callout callout--important">
        <p className="callout__title">{t('setup.signIn.beforeTitle')}</p>
        <p>
          <Trans i18nKey="setup.signIn.instruction" components={{ strong: <strong /> }} />
        </p>
        <p className="hint">{t('setup.signIn.whoHint')}</p>
      </div>

      <div className="actions">
        <button type="button" className="button button--primary button--large" onClick={() => void startWindow()} disabled={busy}>
          {t('setup.signIn.open')}
        </button>
        {busy || mode === 'browser' ? (
          <button type="button" className="button button--secondary" onClick={() => void cancel()}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>

      <p className={phaseText ? 'progress' : 'visually-hidden'} role="status">
        {busy && phaseText ? <span className="spinner" aria-hidden="true" /> : null}
        {phaseText}
      </p>

      {error ? (
        <ErrorMessage error={error}>
          <button type="button" className="button button--primary" onClick={retry}>
            {error.backTo && error.backTo !== 'sign-in'
              ? t('setup.goBackTo', { step: t(`setup.steps.${error.backTo}`) })
              : mode === 'browser'
                ? t('common.tryAgain')
                : t('setup.signIn.again')}
          </button>
        </ErrorMessage>
      ) : null}

      <section className="panel panel--quiet" aria-labelledby="browser-sign-in">
        <h2 className="panel__title" id="browser-sign-in">
          {t('setup.signIn.browser.title')}
        </h2>
        <p>{t('setup.signIn.browser.intro')}</p>
        {mode !== 'browser' ? (
          <button type="button" className="button button--secondary" onClick={() => void startBrowser()} disabled={busy}>
            {t('setup.signIn.browser.start')}
          </button>
        ) : (
          <form className="form" onSubmit={(e) => void submitPasted(e)}>
            <ol className="numbered-steps numbered-steps--compact">
              <li>{t('setup.signIn.browser.step1')}</li>
              <li>{t('setup.signIn.browser.step2')}</li>
            </ol>
            <label className="field-label" htmlFor={pasteId}>
              {t('setup.signIn.browser.pasteLabel')}
            </label>
            <input
              id={pasteId}
              className="input input--code"
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${pasteId}-hint`}
            />
            <p className="hint" id={`${pasteId}-hint`}>
              {t('setup.signIn.browser.pasteHint')}
            </p>
            <button type="submit" className="button button--primary" disabled={busy || !pasted.trim()}>
              {t('setup.signIn.browser.finish')}
            </button>
          </form>
        )}
      </section>

      <div className="step__footer">
        <button type="button" className="button button--secondary" onClick={() => void setup.open('credentials')} disabled={busy}>
          {t('common.back')}
        </button>
      </div>
    </StepFrame>
  );
}
